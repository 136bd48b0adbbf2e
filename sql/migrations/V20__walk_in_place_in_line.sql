-- Issue #18: issuance in one round trip. The statement that takes a walk-in's number also inserts the ticket, its
-- event and its BPJS outbox message; the ticket's place in line is counted by this function, called on the inserted
-- row. A VOLATILE function runs its query on a snapshot of its own, taken when it is called: after the statement
-- has waited for the queue's number lock, so it sees every ticket issued before this one, which the statement's own
-- snapshot (taken before that wait) may not.
--
-- Ahead of a ticket: the waiting tickets of its poli and day before it in the fair order (priority first, then
-- line_at, then queue_order), as the ticket view counts them. One range of the ticket_waiting_line index.
CREATE FUNCTION ticket_waiting_ahead(p_facility_id bigint, p_service_date date, p_service_id bigint,
                                     p_priority boolean, p_line_at timestamptz, p_queue_order bigint)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    ahead bigint;
BEGIN
    SELECT count(*) INTO ahead
    FROM ticket w
    WHERE w.facility_id = p_facility_id AND w.service_date = p_service_date AND w.service_id = p_service_id
      AND w.status = 'WAITING'
      AND (w.priority > p_priority
           OR (w.priority = p_priority AND (w.line_at, w.queue_order) < (p_line_at, p_queue_order)));
    RETURN ahead;
END
$$;
