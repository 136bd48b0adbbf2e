-- BPJS, second pass (issue #17): a message BPJS keeps refusing is retried a bounded number of times, then it is
-- DEAD (it was FAILED at once before): shown on the console with BPJS's reason until someone sends it again.
ALTER TABLE bpjs_outbox DROP CONSTRAINT bpjs_outbox_status_check;
ALTER TABLE bpjs_outbox
    -- Answers that refused the message (a BPJS code other than success, or HTTP 4xx); network trouble is not counted.
    ADD COLUMN refusals integer NOT NULL DEFAULT 0 CHECK (refusals >= 0),
    ADD COLUMN dead_at timestamptz;
UPDATE bpjs_outbox SET status = 'DEAD', refusals = 1, dead_at = coalesce(sent_at, next_attempt_at)
WHERE status = 'FAILED';
ALTER TABLE bpjs_outbox
    ADD CONSTRAINT bpjs_outbox_status_check CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
    ADD CONSTRAINT bpjs_outbox_dead_at CHECK ((status = 'DEAD') = (dead_at IS NOT NULL));

-- The console and the reports count the dead messages of a facility.
CREATE INDEX bpjs_outbox_dead ON bpjs_outbox (facility_id, dead_at) WHERE status = 'DEAD';
