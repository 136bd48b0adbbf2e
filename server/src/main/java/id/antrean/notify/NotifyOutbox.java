package id.antrean.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Writes the messages a change calls for into {@code notify_outbox}, on the transaction of the change itself, so a
 * message exists exactly when its cause does; {@link NotifyWorker} sends it later, so a gateway that is down never
 * holds up a call. Each statement may run any number of times: the unique (facility, ticket, kind) key keeps one
 * "near" and one "called" message per ticket, whichever path or node notices first.
 *
 * <p>Only tickets with a number left today ({@code notify_phone}) at a facility that has notifications on are
 * looked at, so for everyone else these statements find nothing (one index probe).
 */
public final class NotifyOutbox {
    /**
     * Waiting tickets with a number, at most the threshold people before them (the fair order of
     * {@code queue.TicketView.POSITION_COUNTED}: priority, then line_at, then queue_order), and not called yet.
     * $1 is now; {@code %s}: which phones.
     *
     * <p>The numbers left are read first ({@code phones}), then each one's ticket by its key, then only theirs are
     * counted, and no further than one past the threshold: a patient at the back of a long line costs what one near
     * its front does, and a line where nobody left a number costs no ticket read at all (issue #18; before, a call at
     * 1,000 waiting counted thousands of tickets, and when nobody had left a number the planner still walked the
     * whole waiting line looking for theirs: 2,400 buffers per call-next in the bench).
     */
    private static final String NEAR = """
            WITH phones AS MATERIALIZED (
                SELECT p.facility_id, p.ticket_id, n.threshold
                FROM notify_phone p
                JOIN facility f ON f.facility_id = p.facility_id
                JOIN notify_settings n ON n.facility_id = p.facility_id AND n.enabled
                WHERE %s
                  AND NOT EXISTS (SELECT 1 FROM notify_outbox c
                                  WHERE c.facility_id = p.facility_id AND c.ticket_id = p.ticket_id AND c.kind = 'CALLED')),
            numbered AS MATERIALIZED (
                SELECT p.facility_id, p.ticket_id, t.label, t.service_date, t.service_id, t.priority, t.line_at,
                       t.queue_order, s.name AS service_name, p.threshold
                FROM phones p
                -- By its key, waiting or not (checked after): a condition on the status lets the planner walk the
                -- partial index of the whole line instead, looking for this one ticket.
                CROSS JOIN LATERAL (
                    SELECT t.label, t.status, t.service_date, t.service_id, t.priority, t.line_at, t.queue_order
                    FROM ticket t
                    WHERE t.facility_id = p.facility_id AND t.ticket_id = p.ticket_id
                    LIMIT 1) t
                JOIN service s ON s.facility_id = p.facility_id AND s.service_id = t.service_id
                WHERE t.status = 'WAITING')
            INSERT INTO notify_outbox (facility_id, ticket_id, kind, payload, next_attempt_at, created_at)
            SELECT t.facility_id, t.ticket_id, 'NEAR',
                   jsonb_build_object('label', t.label, 'ahead', a.ahead, 'service', t.service_name), $1, $1
            FROM numbered t
            CROSS JOIN LATERAL (
                SELECT count(*) AS ahead FROM (
                    SELECT 1 FROM ticket w
                    WHERE w.facility_id = t.facility_id AND w.service_date = t.service_date
                      AND w.service_id = t.service_id AND w.status = 'WAITING' AND w.ticket_id <> t.ticket_id
                      AND (w.priority > t.priority
                           OR (w.priority = t.priority AND (w.line_at, w.queue_order) < (t.line_at, t.queue_order)))
                    LIMIT t.threshold + 1) ahead) a
            WHERE a.ahead <= t.threshold
            -- One order for every writer (a counter's transaction, the worker's safety net): two of them inserting
            -- the same tickets wait for each other in turn and never deadlock, which would fail a call.
            ORDER BY t.facility_id, t.ticket_id
            ON CONFLICT (facility_id, ticket_id, kind) DO NOTHING""";
    static final String NEAR_IN_DAY = NEAR.formatted("p.facility_id = $2 AND p.service_date = $3");
    /** Every facility's own today. */
    static final String NEAR_EVERYWHERE = NEAR.formatted(
            "p.service_date = ($1::timestamptz AT TIME ZONE f.time_zone)::date");

    static final String CALLED = """
            INSERT INTO notify_outbox (facility_id, ticket_id, kind, payload, next_attempt_at, created_at)
            SELECT p.facility_id, p.ticket_id, 'CALLED',
                   jsonb_build_object('label', t.label, 'room', coalesce(c.name, c.code), 'service', s.name), $3, $3
            FROM notify_phone p
            JOIN notify_settings n ON n.facility_id = p.facility_id AND n.enabled
            JOIN ticket t ON t.facility_id = p.facility_id AND t.ticket_id = p.ticket_id
            JOIN service s ON s.facility_id = t.facility_id AND s.service_id = t.service_id
            JOIN counter c ON c.facility_id = t.facility_id AND c.counter_id = t.counter_id
            WHERE p.facility_id = $1 AND p.ticket_id = $2
            ON CONFLICT (facility_id, ticket_id, kind) DO NOTHING""";

    private NotifyOutbox() {
    }

    /** After anything that may move a line of that day: whoever is now near enough hears it. */
    public static Future<Void> lineMoved(SqlClient tx, long facilityId, LocalDate serviceDate, Instant now) {
        return tx.preparedQuery(NEAR_IN_DAY).execute(Tuple.of(now.atOffset(ZoneOffset.UTC), facilityId, serviceDate))
                .mapEmpty();
    }

    /** The ticket was called to a counter: its patient hears where to go (once, however often it is called). */
    public static Future<Void> called(SqlClient tx, long facilityId, long ticketId, Instant now) {
        return tx.preparedQuery(CALLED).execute(Tuple.of(facilityId, ticketId, now.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }

    /**
     * Every facility's lines at once: the safety net for changes that do not go through a counter (a Mobile JKN
     * cancellation, a no-show sweep), run by the worker.
     */
    static Future<Integer> anyLineMoved(SqlClient db, Instant now) {
        return db.preparedQuery(NEAR_EVERYWHERE).execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
