package id.antrean.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores queue events in the transaction of the change they describe, and announces them with NOTIFY
 * (delivered by PostgreSQL at commit, in commit order, to every server node).
 *
 * <p>Event ids come from the facility's row of {@code facility_event_counter} (its own table since V5, so that
 * the facility row every token lookup reads is not written by every change), bumped as the last write of the
 * transaction: they are gapless and rise in commit order, so a client that resumes after id N misses nothing.
 */
public final class EventLog {
    public static final String CHANNEL = "antrean_events";
    /** NOTIFY payloads are limited to 8000 bytes; bigger events are announced by id and read back. */
    static final int INLINE_LIMIT = 7000;

    /**
     * The CTEs {@code next} and {@code saved} that store one event per row of {@code source} (which must hold one
     * row): {@code facility} is the SQL of its facility id, {@code columns} that of its type, ticket, service,
     * counter, payload and time. For a statement that stores its change and the change's event together.
     */
    public static String saving(String source, String facility, String columns) {
        return """
                next AS (
                    INSERT INTO facility_event_counter AS c (facility_id, last_event_id) SELECT %2$s, 1 FROM %1$s
                    ON CONFLICT (facility_id) DO UPDATE SET last_event_id = c.last_event_id + 1
                    RETURNING last_event_id),
                saved AS (
                    INSERT INTO queue_event (facility_id, event_id, type, ticket_id, service_id, counter_id, payload, created_at)
                    SELECT %2$s, next.last_event_id, %3$s FROM next, %1$s
                    RETURNING facility_id, event_id, payload)""".formatted(source, facility, columns);
    }

    /** The announcement of the event {@link #saving} stored, as a column of a select over {@code saved}. */
    public static final String NOTIFY_SAVED = """
            pg_notify('antrean_events', saved.facility_id::text || ' ' || saved.event_id::text || ' ' ||
                      CASE WHEN octet_length(saved.payload::text) < 7000 THEN saved.payload::text ELSE '' END)""";

    static final String APPEND = "WITH " + saving("(SELECT) AS one", "$1", "$2, $3, $4, $5, $6, $7")
            + "\nSELECT saved.event_id, " + NOTIFY_SAVED + "\nFROM saved";

    /** The facility's last event id (0 before its first event). */
    public static final String LAST_ID = """
            SELECT coalesce((SELECT last_event_id FROM facility_event_counter WHERE facility_id = $1), 0)
                   AS last_event_id""";

    static final String SINCE = """
            SELECT event_id, payload FROM queue_event
            WHERE facility_id = $1 AND event_id > $2
            ORDER BY event_id
            LIMIT $3""";

    static final String OF_TICKET = """
            SELECT event_id, payload FROM queue_event
            WHERE facility_id = $1 AND ticket_id = $2
            ORDER BY event_id""";

    private EventLog() {
    }

    /** Stores the event on {@code tx}, which must be the transaction of the change. */
    public static Future<JsonObject> append(SqlClient tx, QueueEvent event) {
        JsonObject payload = event.payload();
        return tx.preparedQuery(APPEND)
                .execute(Tuple.of(event.facilityId(), event.type().name(), event.ticketId(), event.serviceId(),
                        event.counterId(), payload, event.at().atOffset(ZoneOffset.UTC)))
                .map(rows -> QueueEvent.withId(rows.iterator().next().getLong("event_id"), payload));
    }

    /** Events after {@code afterId}, oldest first, at most {@code limit}. */
    public static Future<List<JsonObject>> since(SqlClient db, long facilityId, long afterId, int limit) {
        return db.preparedQuery(SINCE).execute(Tuple.of(facilityId, afterId, limit)).map(EventLog::events);
    }

    /** The history of one ticket. */
    public static Future<List<JsonObject>> ofTicket(SqlClient db, long facilityId, long ticketId) {
        return db.preparedQuery(OF_TICKET).execute(Tuple.of(facilityId, ticketId)).map(EventLog::events);
    }

    private static List<JsonObject> events(Iterable<Row> rows) {
        List<JsonObject> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(QueueEvent.withId(row.getLong("event_id"), (JsonObject) row.getJson("payload")));
        }
        return out;
    }
}
