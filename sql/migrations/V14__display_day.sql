-- A display opened mid-morning shows the day's recent calls (GET .../queue, "recentCalls"): read from the event
-- log by facility and time, only the calls, so the read stays small however long the log grows.
CREATE INDEX queue_event_calls_by_time ON queue_event (facility_id, created_at)
    WHERE type IN ('TICKET_CALLED', 'TICKET_RECALLED', 'TICKET_RESUMED');
