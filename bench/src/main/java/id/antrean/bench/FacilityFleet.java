package id.antrean.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A district's facilities for the "cost as facilities grow" benchmark, written with set-based SQL
 * ({@code generate_series}) so a thousand of them take seconds: {@code bench-001} … each with five polis (S1–S5),
 * four rooms (R1 serves S1 and S5, R2–R4 one poli each), a kiosk ({@link BenchFacilities#kioskToken(int)}), two
 * displays ({@link #displayToken(int, int)}) and a morning's tickets: per poli 12 issued over the last two hours and
 * a half, the first 7 called and finished in their room (history for the wait estimate), 5 still waiting. Plus one
 * operator whose token ({@link #OPERATOR_TOKEN}) may act in every facility, for the calls.
 */
public final class FacilityFleet {
    public static final String OPERATOR_TOKEN = "bench-operator-token-0123456789abcdef";
    static final int TICKETS_PER_POLI = 12;
    static final int DONE_PER_POLI = 7;
    static final int ROOMS = 4;

    /** The facility number {@code f} as {@link BenchFacilities#code(int)} writes it (at least three digits). */
    private static final String NUMBER = "CASE WHEN f < 100 THEN lpad(f::text, 3, '0') ELSE f::text END";

    private FacilityFleet() {
    }

    public static String displayToken(int facility, int display) {
        return "bench-display-token-%03d-%d-abcdefghijklmnop".formatted(facility, display);
    }

    /** Creates facilities 1..count in the migrated schema of {@code db}, in one transaction. */
    public static void seed(Postgres db, int count) {
        String[] statements = {
            """
            INSERT INTO facility (code, name, time_zone)
            SELECT 'bench-' || %1$s, 'Puskesmas Bench ' || f,
                   (ARRAY['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'])[f %% 3 + 1]
            FROM generate_series(1, ?) f""".formatted(NUMBER),
            """
            INSERT INTO service (facility_id, code, name, prefix, sort_order, typical_service_minutes)
            SELECT facility_id, 'S' || p, 'Poli ' || p, chr(64 + p), p, 8
            FROM facility, generate_series(1, 5) p WHERE code LIKE 'bench-%'""",
            """
            INSERT INTO service_schedule (facility_id, service_id, weekday, opens_at, closes_at)
            SELECT facility_id, service_id, d, '07:30', '14:00'
            FROM service JOIN facility USING (facility_id), generate_series(1, 6) d WHERE facility.code LIKE 'bench-%'""",
            """
            INSERT INTO counter (facility_id, code, name, sort_order)
            SELECT facility_id, 'R' || r, 'Ruang ' || r, r
            FROM facility, generate_series(1, %d) r WHERE code LIKE 'bench-%%'""".formatted(ROOMS),
            """
            INSERT INTO counter_service (facility_id, counter_id, service_id)
            SELECT s.facility_id, c.counter_id, s.service_id
            FROM service s JOIN facility f USING (facility_id)
            JOIN counter c ON c.facility_id = s.facility_id
                          AND c.code = 'R' || ((substr(s.code, 2)::int - 1) %% %d + 1)
            WHERE f.code LIKE 'bench-%%'""".formatted(ROOMS),
            """
            INSERT INTO device (facility_id, name, kind, token_hash)
            SELECT facility_id, 'Kiosk bench', 'KIOSK',
                   encode(sha256(convert_to('bench-kiosk-token-' || %1$s || '-abcdefghijklmnop', 'UTF8')), 'hex')
            FROM (SELECT facility_id, substr(code, 7)::int AS f FROM facility WHERE code LIKE 'bench-%%') x
            UNION ALL
            SELECT facility_id, 'Display ' || d, 'DISPLAY',
                   encode(sha256(convert_to('bench-display-token-' || %1$s || '-' || d || '-abcdefghijklmnop', 'UTF8')),
                          'hex')
            FROM (SELECT facility_id, substr(code, 7)::int AS f FROM facility WHERE code LIKE 'bench-%%') x,
                 generate_series(1, 2) d""".formatted(NUMBER),
            // Today in each facility's own zone: the day its board shows.
            """
            INSERT INTO queue_day_sequence (facility_id, service_id, service_date, last_number)
            SELECT s.facility_id, s.service_id, (now() AT TIME ZONE f.time_zone)::date, %d
            FROM service s JOIN facility f USING (facility_id) WHERE f.code LIKE 'bench-%%'""".formatted(TICKETS_PER_POLI),
            """
            INSERT INTO ticket (facility_id, home_service_id, service_date, number, label, service_id, status, source,
                                payer, queue_order, counter_id, call_count, issued_at, queued_at, line_at, called_at,
                                started_at, finished_at, updated_at, idempotency_key, request_hash)
            SELECT s.facility_id, s.service_id, (now() AT TIME ZONE f.time_zone)::date, i,
                   s.prefix || '-' || lpad(i::text, 3, '0'), s.service_id,
                   CASE WHEN i <= %2$d THEN 'DONE' ELSE 'WAITING' END, 'WALK_IN', 'UMUM', nextval('ticket_queue_order'),
                   CASE WHEN i <= %2$d THEN cs.counter_id END, CASE WHEN i <= %2$d THEN 1 ELSE 0 END,
                   at, at, at,
                   CASE WHEN i <= %2$d THEN at + interval '10 minutes' END,
                   CASE WHEN i <= %2$d THEN at + interval '11 minutes' END,
                   CASE WHEN i <= %2$d THEN at + interval '18 minutes' END,
                   at, 'seed-' || s.service_id || '-' || i, 'seed'
            FROM service s JOIN facility f USING (facility_id)
            JOIN counter_service cs ON cs.facility_id = s.facility_id AND cs.service_id = s.service_id,
            generate_series(1, %1$d) i,
            LATERAL (SELECT now() - (%1$d + 1 - i) * interval '12 minutes' AS at) t
            WHERE f.code LIKE 'bench-%%'
            ORDER BY s.facility_id, s.service_id, i""".formatted(TICKETS_PER_POLI, DONE_PER_POLI),
            // The history the screens and the wait estimate read: issued, called, started and finished.
            """
            INSERT INTO queue_event (facility_id, event_id, type, ticket_id, service_id, counter_id, payload, created_at)
            SELECT facility_id, row_number() OVER (PARTITION BY facility_id ORDER BY at, ticket_id, step),
                   type, ticket_id, service_id, counter_id,
                   jsonb_build_object('type', type, 'ticket', jsonb_build_object('id', ticket_id, 'label', label)), at
            FROM (
                SELECT t.facility_id, t.ticket_id, t.service_id, t.label, e.step, e.type, e.at,
                       CASE WHEN e.step > 1 THEN t.counter_id END AS counter_id
                FROM ticket t JOIN facility f USING (facility_id),
                LATERAL (VALUES (1, 'TICKET_ISSUED', t.issued_at), (2, 'TICKET_CALLED', t.called_at),
                                (3, 'TICKET_STARTED', t.started_at), (4, 'TICKET_FINISHED', t.finished_at)) e(step, type, at)
                WHERE f.code LIKE 'bench-%' AND e.at IS NOT NULL) x""",
            """
            INSERT INTO facility_event_counter (facility_id, last_event_id)
            SELECT facility_id, max(event_id) FROM queue_event JOIN facility USING (facility_id)
            WHERE code LIKE 'bench-%' GROUP BY facility_id""",
            """
            INSERT INTO operator (username, name, password_hash) VALUES ('bench-operator', 'Bench operator', 'x')
            ON CONFLICT DO NOTHING""",
            """
            INSERT INTO operator_token (token_hash, operator_id, created_at, expires_at)
            SELECT encode(sha256(convert_to('%s', 'UTF8')), 'hex'), operator_id, now(), now() + interval '1 day'
            FROM operator WHERE username = 'bench-operator'""".formatted(OPERATOR_TOKEN),
            "ANALYZE",
        };
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            for (String sql : statements) {
                if (sql.contains("?")) {
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setInt(1, count);
                        s.executeUpdate();
                    }
                } else if (sql.equals("ANALYZE")) {
                    c.commit();
                    c.setAutoCommit(true);
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                } else {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate(sql);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
