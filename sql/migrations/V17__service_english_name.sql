-- The kiosk in English (issue #16, "the kiosk"): a poli's name as English readers know it ("General Clinic"
-- for "Poli Umum"), set by its admin. Absent (null): the kiosk shows the Indonesian name in English too.
ALTER TABLE service
    ADD COLUMN name_en text
        CONSTRAINT service_name_en_length CHECK (char_length(name_en) BETWEEN 1 AND 80);
