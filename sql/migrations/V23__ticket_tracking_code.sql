-- The patient's own tracking page (issue #19): every ticket has a random, unguessable code for its public link
-- /t/{code}. 16 random bytes from gen_random_uuid() (core PostgreSQL, no extension; 122 of its 128 bits are random),
-- as 22 characters of base64url. Made by the column's default, so issuance needs no change of its own; adding the
-- column with a volatile default fills every existing row with a code of its own.
ALTER TABLE ticket
    ADD COLUMN tracking_code text NOT NULL
        DEFAULT translate(rtrim(encode(uuid_send(gen_random_uuid()), 'base64'), '='), '+/', '-_')
        CHECK (tracking_code ~ '^[A-Za-z0-9_-]{22}$');

-- The page finds its ticket by the code alone; no two tickets share one.
CREATE UNIQUE INDEX ticket_tracking_code ON ticket (tracking_code);
