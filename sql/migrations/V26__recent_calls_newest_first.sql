-- The day's recent calls (GET .../queue, "recentCalls") are the newest few call events of the day: read backwards
-- along this index from now, and stop at the limit (or at the day's start, early in the morning). With
-- queue_event_calls_by_time (V14) the planner read every call of the day, joined and sorted them to keep twenty,
-- so each board cost more as the day went on (67 ms at some 700 calls in the bench's `line` section).
-- It replaces V14's index, of which it is an extension (the pace estimate reads calls by facility and time too).
CREATE INDEX queue_event_calls_newest ON queue_event (facility_id, created_at, event_id)
    WHERE type IN ('TICKET_CALLED', 'TICKET_RECALLED', 'TICKET_RESUMED');
DROP INDEX queue_event_calls_by_time;
