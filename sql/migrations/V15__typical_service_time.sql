-- Wait estimates (issue #15, point 6): a poli's typical time per patient, as its admin knows it. The estimate
-- falls back to it while the poli has too little call history of its own, and never promises less than it per
-- person ahead. Absent (null) means not set: with no history either, screens show "—" instead of a guess.
ALTER TABLE service
    ADD COLUMN typical_service_minutes integer
        CONSTRAINT service_typical_service_minutes_range CHECK (typical_service_minutes BETWEEN 1 AND 240);
