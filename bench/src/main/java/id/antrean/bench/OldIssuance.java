package id.antrean.bench;

/**
 * THE OLD ISSUANCE, FOR THE SIDE-BY-SIDE ONLY: a copy of the server's {@code TicketIssuer.ISSUE} as it was until
 * 2026-12-07 (commit 030e0e0), before issuance became one round trip inside the locks. It took the number and
 * inserted the ticket, then read the ticket view with a correlated count for {@code position}; the event
 * ({@code EventLog.APPEND}) and the BPJS outbox message ({@code BpjsOutbox.ADD}) followed as statements of their
 * own, which the script still reads from the server (they are unchanged and other changes still use them). The
 * server never runs this text; {@link IssuanceScript#oldScript()} makes pgbench run it, to show what the new
 * statement saves.
 */
final class OldIssuance {
    /** Parameters as the server's {@code ISSUE} today binds $1..$14. */
    static final String ISSUE = """
            WITH seq AS (
                INSERT INTO queue_day_sequence AS q (facility_id, service_id, service_date, last_number)
                VALUES ($1, $2, $3, 1)
                ON CONFLICT (facility_id, service_id, service_date) DO UPDATE SET last_number = q.last_number + 1
                RETURNING last_number),
            issued AS (
                INSERT INTO ticket (facility_id, home_service_id, service_date, number, label, service_id, source,
                                    payer, card_number, nik, priority, queue_order, issued_at, queued_at, line_at, updated_at,
                                    idempotency_key, request_hash, eligibility, eligibility_source, eligibility_checked_at)
                SELECT $1, $2, $3, seq.last_number,
                       $4 || '-' || CASE WHEN seq.last_number < 1000 THEN lpad(seq.last_number::text, 3, '0') ELSE seq.last_number::text END,
                       $2, 'WALK_IN', $5, $6, $7, $8, nextval('ticket_queue_order'), $9, $9, $9, $9, $10, $11, $12, $13, $14
                FROM seq
                ON CONFLICT (facility_id, idempotency_key) DO NOTHING
                RETURNING *)
            SELECT t.ticket_id, f.code AS facility_code, f.time_zone, t.service_id, s.code AS service_code,
                   s.name AS service_name, hs.code AS home_service_code, t.number, t.label, t.status,
                   t.source, t.payer, t.priority, right(t.card_number, 4) AS card_last4, t.service_date,
                   t.issued_at, t.called_at, t.started_at, t.finished_at, t.call_count, t.counter_id,
                   c.code AS counter_code, c.name AS counter_name, c.spoken_name AS counter_spoken_name, t.eligibility, t.eligibility_source,
                   t.eligibility_checked_at, t.estimated_at, t.checked_in_at, t.line_at,
                   CASE WHEN t.status = 'WAITING' THEN 1 + (
                       SELECT count(*) FROM ticket w
                       WHERE w.facility_id = t.facility_id AND w.service_date = t.service_date
                         AND w.service_id = t.service_id AND w.status = 'WAITING'
                         AND w.ticket_id <> t.ticket_id
                         AND (w.priority > t.priority
                              OR (w.priority = t.priority AND (w.line_at, w.queue_order) < (t.line_at, t.queue_order))))
                   END AS position
            FROM issued t
            JOIN facility f ON f.facility_id = t.facility_id
            JOIN service s ON s.facility_id = t.facility_id AND s.service_id = t.service_id
            JOIN service hs ON hs.facility_id = t.facility_id AND hs.service_id = t.home_service_id
            LEFT JOIN counter c ON c.facility_id = t.facility_id AND c.counter_id = t.counter_id
            """;

    private OldIssuance() {
    }
}
