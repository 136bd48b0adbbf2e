package id.antrean.reports;

/**
 * The statistics, in SQL over the ticket history, in the facility's local days. A ticket's journey is cut
 * into stages, one per service it stood in line for (a transfer starts the next stage); each stage has a
 * queueing start (issued, checked in, or transferred), a first call, a start and an end.
 */
final class StatsQueries {
    private StatsQueries() {
    }

    /** The stages of the tickets of a date range: $1 facility, $2 first day, $3 last day. */
    static final String STAGES = """
            WITH ev AS (
                SELECT e.ticket_id, e.event_id, e.type, e.service_id, e.created_at,
                       sum(CASE WHEN e.type = 'TICKET_TRANSFERRED' THEN 1 ELSE 0 END)
                           OVER (PARTITION BY e.ticket_id ORDER BY e.event_id) AS stage
                FROM queue_event e
                JOIN ticket t ON t.facility_id = e.facility_id AND t.ticket_id = e.ticket_id
                WHERE e.facility_id = $1 AND t.service_date BETWEEN $2 AND $3
            ),
            stage_times AS (
                SELECT ticket_id, stage,
                       (array_agg(service_id ORDER BY event_id))[1] AS service_id,
                       coalesce(min(created_at) FILTER (WHERE type = 'TICKET_CHECKED_IN'),
                                min(created_at) FILTER (WHERE type IN ('TICKET_ISSUED', 'TICKET_TRANSFERRED'))) AS queued_at,
                       min(created_at) FILTER (WHERE type = 'TICKET_CALLED') AS called_at,
                       min(created_at) FILTER (WHERE type = 'TICKET_STARTED') AS started_at,
                       min(created_at) FILTER (WHERE type = 'TICKET_FINISHED') AS finished_at
                FROM ev GROUP BY ticket_id, stage
            )
            SELECT s.ticket_id, s.stage, s.service_id, s.queued_at, s.called_at, s.started_at,
                   coalesce(s.finished_at, lead(s.queued_at) OVER (PARTITION BY s.ticket_id ORDER BY s.stage)) AS ended_at,
                   count(*) OVER (PARTITION BY s.ticket_id) AS stages
            FROM stage_times s""";

    /**
     * Per service: waiting (queued → first call) and service (start → end) times, median and 90th percentile, and
     * how many stood in its line by transfer from another service (they count as tickets where they took a number).
     */
    static final String TIMES_PER_SERVICE = """
            WITH stages AS (%s)
            SELECT sv.code, sv.name,
                   count(*) FILTER (WHERE st.called_at IS NOT NULL) AS called,
                   count(*) FILTER (WHERE st.stage > 0) AS transferred_in,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM st.called_at - st.queued_at))
                       FILTER (WHERE st.called_at IS NOT NULL) AS wait_p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM st.called_at - st.queued_at))
                       FILTER (WHERE st.called_at IS NOT NULL) AS wait_p90,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM st.ended_at - st.started_at))
                       FILTER (WHERE st.started_at IS NOT NULL AND st.ended_at IS NOT NULL) AS service_p50,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM st.ended_at - st.started_at))
                       FILTER (WHERE st.started_at IS NOT NULL AND st.ended_at IS NOT NULL) AS service_p90
            FROM stages st JOIN service sv ON sv.facility_id = $1 AND sv.service_id = st.service_id
            GROUP BY sv.code, sv.name, sv.sort_order
            ORDER BY sv.sort_order, sv.code""".formatted(STAGES);

    /** Per stage of multi-stage journeys (e.g. UMUM → LAB → APOTEK): where the time goes; by code and by name. */
    static final String JOURNEY_STAGES = """
            WITH stages AS (%s),
            journeys AS (
                SELECT st.*, string_agg(sv.code, ' > ') OVER journey AS path,
                       string_agg(sv.name, ' > ') OVER journey AS path_name,
                       sv.code AS service_code, sv.name AS service_name
                FROM stages st JOIN service sv ON sv.facility_id = $1 AND sv.service_id = st.service_id
                WHERE st.stages > 1
                WINDOW journey AS (PARTITION BY st.ticket_id ORDER BY st.stage
                       ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
            SELECT path, path_name, stage, service_code, service_name, count(*) AS tickets,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - queued_at))
                       FILTER (WHERE called_at IS NOT NULL) AS wait_p50,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - started_at))
                       FILTER (WHERE started_at IS NOT NULL AND ended_at IS NOT NULL) AS service_p50
            FROM journeys
            GROUP BY path, path_name, stage, service_code, service_name
            ORDER BY path, stage""".formatted(STAGES);

    /** Per service (where the number was taken): how many and how they ended. */
    static final String OUTCOMES_PER_SERVICE = """
            SELECT sv.code, sv.name,
                   count(t.ticket_id) AS tickets,
                   count(t.ticket_id) FILTER (WHERE t.status = 'DONE') AS served,
                   count(t.ticket_id) FILTER (WHERE t.status = 'SKIPPED') AS skipped,
                   count(t.ticket_id) FILTER (WHERE t.status = 'NO_SHOW') AS no_show,
                   count(t.ticket_id) FILTER (WHERE t.status = 'CANCELLED') AS cancelled,
                   count(t.ticket_id) FILTER (WHERE t.transfer_count > 0) AS transferred,
                   count(t.ticket_id) FILTER (WHERE t.source = 'ONLINE') AS online,
                   count(t.ticket_id) FILTER (WHERE t.source = 'WALK_IN') AS walk_in,
                   count(t.ticket_id) FILTER (WHERE t.payer = 'JKN') AS jkn,
                   count(t.ticket_id) FILTER (WHERE t.payer = 'UMUM') AS umum
            FROM service sv
            LEFT JOIN ticket t ON t.facility_id = sv.facility_id AND t.home_service_id = sv.service_id
                 AND t.service_date BETWEEN $2 AND $3
            WHERE sv.facility_id = $1
            GROUP BY sv.code, sv.name, sv.sort_order
            ORDER BY sv.sort_order, sv.code""";

    /** Arrivals per local hour: when people took their number or, booked, checked in. */
    static final String ARRIVALS_PER_HOUR = """
            SELECT extract(hour FROM coalesce(t.checked_in_at, t.issued_at) AT TIME ZONE $4)::int AS hour, count(*) AS tickets
            FROM ticket t
            WHERE t.facility_id = $1 AND t.service_date BETWEEN $2 AND $3
              AND (t.source = 'WALK_IN' OR t.checked_in_at IS NOT NULL)
            GROUP BY 1 ORDER BY 1""";

    /** Per local day: how many, and how many came through the online queue. */
    static final String PER_DAY = """
            SELECT t.service_date, count(*) AS tickets,
                   count(*) FILTER (WHERE t.source = 'ONLINE') AS online,
                   count(*) FILTER (WHERE t.source = 'WALK_IN') AS walk_in,
                   count(*) FILTER (WHERE t.payer = 'JKN') AS jkn
            FROM ticket t
            WHERE t.facility_id = $1 AND t.service_date BETWEEN $2 AND $3
            GROUP BY t.service_date ORDER BY t.service_date""";

    /** Every ticket of a day, for the CSV (no name, no NIK; the card's last four digits only). */
    static final String TICKETS_OF_DAY = """
            SELECT t.label, hs.name AS home_service, s.name AS service, t.source, t.payer, t.priority, t.status,
                   t.eligibility, right(t.card_number, 4) AS card_last4, t.issued_at, t.checked_in_at, t.called_at,
                   t.started_at, t.finished_at, t.transfer_count
            FROM ticket t
            JOIN service hs ON hs.facility_id = t.facility_id AND hs.service_id = t.home_service_id
            JOIN service s ON s.facility_id = t.facility_id AND s.service_id = t.service_id
            WHERE t.facility_id = $1 AND t.service_date = $2
            ORDER BY hs.sort_order, t.number""";
}
