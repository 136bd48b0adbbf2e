package id.antrean.queue;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Today's latest calls as the waiting room saw them (call, recall, resume), from the event log: a display opened
 * mid-morning shows them at once. Numbers and rooms only, never who the patient is.
 */
final class RecentCalls {
    /** As many as a display lists, and a few more for its services filter. */
    static final int LIMIT = 20;

    /**
     * The newest call events of the day first, then their rooms and polis: the inner query walks the index
     * {@code queue_event_calls_newest} backwards from now and stops at the limit, so its cost does not grow with the
     * day's calls. The limit is a constant, not a parameter, so a generic plan knows it is small. The number and the
     * ticket's day come from the event itself (its ticket as it was called, which is what the waiting room saw), so
     * no ticket is read: joined to its ticket, even by key alone, a call was read through {@code ticket_by_day} with
     * the facility as its only condition whenever the statistics still took the table for a small one (827 buffers
     * and 4–7 ms a board at 1,000 waiting in {@code bench/run full line}, PostgreSQL's auto_explain).
     */
    static final String OF_DAY = """
            WITH newest AS (
                SELECT e.facility_id, e.event_id, e.ticket_id, e.service_id, e.counter_id, e.created_at, e.payload
                FROM queue_event e
                WHERE e.facility_id = $1 AND e.created_at >= $2
                  AND e.type IN ('TICKET_CALLED', 'TICKET_RECALLED', 'TICKET_RESUMED')
                ORDER BY e.created_at DESC, e.event_id DESC
                LIMIT %d)
            SELECT e.ticket_id, e.created_at, e.payload #>> '{ticket,label}' AS label,
                   s.code AS service_code, s.name AS service_name,
                   c.code AS counter_code, c.name AS counter_name, c.spoken_name AS counter_spoken_name
            FROM newest e
            JOIN service s ON s.facility_id = e.facility_id AND s.service_id = e.service_id
            LEFT JOIN counter c ON c.facility_id = e.facility_id AND c.counter_id = e.counter_id
            WHERE (e.payload #>> '{ticket,serviceDate}')::date = $3
            ORDER BY e.created_at DESC, e.event_id DESC""".formatted(LIMIT);

    private RecentCalls() {
    }

    /** Newest first. */
    static Future<JsonArray> today(SqlClient db, Facility facility, Clock clock) {
        LocalDate today = facility.today(clock);
        return db.preparedQuery(OF_DAY)
                .execute(Tuple.of(facility.id(), today.atStartOfDay(facility.zone()).toOffsetDateTime()
                        .withOffsetSameInstant(ZoneOffset.UTC), today))
                .map(rows -> {
                    JsonArray calls = new JsonArray();
                    rows.forEach(row -> calls.add(toJson(facility, row)));
                    return calls;
                });
    }

    private static JsonObject toJson(Facility facility, Row row) {
        JsonObject counter = null;
        if (row.getString("counter_code") != null) {
            counter = new JsonObject().put("code", row.getString("counter_code")).put("name", row.getString("counter_name"));
            if (row.getString("counter_spoken_name") != null) {
                counter.put("spokenName", row.getString("counter_spoken_name"));
            }
        }
        return new JsonObject()
                .put("ticketId", row.getLong("ticket_id"))
                .put("label", row.getString("label"))
                .put("service", row.getString("service_code"))
                .put("serviceName", row.getString("service_name"))
                .put("counter", counter)
                .put("at", row.getOffsetDateTime("created_at").atZoneSameInstant(facility.zone()).toOffsetDateTime().toString());
    }
}
