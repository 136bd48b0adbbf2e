-- The facility's event counter gets a table of its own. It is updated by every change of the facility's
-- queues, while the facility row is read by nearly every request (token lookups join it): kept in that row,
-- each read had to step over the versions the counter's updates left behind, and under load PostgreSQL spent
-- more time there than on the change itself (bench/, docs/PERFORMANCE.md).
CREATE TABLE facility_event_counter (
    facility_id   bigint PRIMARY KEY REFERENCES facility,
    -- Last event id issued for this facility. Taken with a row lock as the last write of every change, so
    -- event ids are gapless and increase in commit order (what SSE resumption needs).
    last_event_id bigint NOT NULL CHECK (last_event_id > 0)
);

INSERT INTO facility_event_counter (facility_id, last_event_id)
SELECT facility_id, last_event_id FROM facility WHERE last_event_id > 0;

ALTER TABLE facility DROP COLUMN last_event_id;
