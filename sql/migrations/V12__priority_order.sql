-- How call-next orders priority tickets (elderly, disabled, pregnant) against the others, chosen by the
-- facility's admin: 'first' (priority always first) or 'interleave:N' (at most N priority calls in a row
-- while others wait, so nobody else starves).
ALTER TABLE facility ADD COLUMN priority_order text NOT NULL DEFAULT 'interleave:3'
    CHECK (priority_order ~ '^(first|interleave:[1-9][0-9]?)$');

-- Call-next counts the latest calls of the counter's services (exact, in commit order): read backwards
-- from the newest without walking the facility's whole history.
CREATE INDEX queue_event_calls_by_service ON queue_event (facility_id, service_id, event_id)
    WHERE type = 'TICKET_CALLED';
