-- What a facility's clients say and sign, chosen by its admin (issue #16):
--  * the kiosk may speak each step (recorded Indonesian clips) for people who cannot read;
--  * the waiting-room display says each call once or twice (many puskesmas repeat every call);
--  * the reports sent to the Dinas Kesehatan end with the head of the facility's signature block.
ALTER TABLE facility
    ADD COLUMN kiosk_spoken_guidance boolean NOT NULL DEFAULT false,
    ADD COLUMN display_announce_twice boolean NOT NULL DEFAULT true,
    ADD COLUMN head_title text CHECK (char_length(head_title) BETWEEN 1 AND 80),
    ADD COLUMN head_name text CHECK (char_length(head_name) BETWEEN 1 AND 120),
    ADD COLUMN head_nip text CHECK (head_nip ~ '^[0-9]{18}$');
