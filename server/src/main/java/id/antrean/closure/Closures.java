package id.antrean.closure;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.events.SettingsChanged;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.facility.Service;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.Revisions;
import id.antrean.web.UniqueViolation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Closures (penutupan): a poli, or the whole facility, closed for one local day — a holiday, the doctor away.
 * Kiosks hide a closed poli, the desk cannot give it numbers, the display says so, and Mobile JKN refuses
 * bookings for that day. Staff see which bookings a closure hits, to phone the patients.
 */
public final class Closures {
    static final String SELECT = """
            SELECT c.closure_id, c.closed_on, c.reason, c.created_by, c.created_at, c.version,
                   s.code AS service_code, s.name AS service_name
            FROM closure c LEFT JOIN service s ON s.facility_id = c.facility_id AND s.service_id = c.service_id
            """;
    static final String UPCOMING = SELECT + """
            WHERE c.facility_id = $1 AND c.closed_on >= $2
            ORDER BY c.closed_on, s.sort_order NULLS FIRST, s.code NULLS FIRST""";
    static final String ONE = SELECT + "WHERE c.facility_id = $1 AND c.closure_id = $2";
    static final String INSERT = """
            INSERT INTO closure (facility_id, closed_on, service_id, reason, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING closure_id""";
    static final String DELETE = """
            DELETE FROM closure WHERE facility_id = $1 AND closure_id = $2 AND version = $3""";
    /** Bookings and numbers still to be served on a closed day, for the staff to phone the patients. */
    static final String AFFECTED = """
            SELECT t.ticket_id, t.label, t.status, t.service_date, t.estimated_at, t.card_number,
                   t.booking ->> 'nohp' AS phone, s.code AS service_code, s.name AS service_name
            FROM closure c
            JOIN ticket t ON t.facility_id = c.facility_id AND t.service_date = c.closed_on
                         AND (c.service_id IS NULL OR t.home_service_id = c.service_id)
            JOIN service s ON s.facility_id = t.facility_id AND s.service_id = t.home_service_id
            WHERE c.facility_id = $1 AND c.closure_id = ANY($2) AND t.status IN ('BOOKED', 'WAITING')
            ORDER BY t.service_date, t.estimated_at NULLS LAST, t.label""";
    /** Why each service is closed on a day: the poli's own closure first, else the whole facility's. */
    static final String CLOSED_ON = """
            SELECT s.service_id, s.code, s.name, coalesce(own.reason, whole.reason) AS reason
            FROM service s
            LEFT JOIN closure own ON own.facility_id = s.facility_id AND own.service_id = s.service_id
                                  AND own.closed_on = $2
            LEFT JOIN closure whole ON whole.facility_id = s.facility_id AND whole.service_id IS NULL
                                    AND whole.closed_on = $2
            WHERE s.facility_id = $1 AND (own.closure_id IS NOT NULL OR whole.closure_id IS NOT NULL)""";

    private final Pool pool;
    private final Clock clock;

    public Closures(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** Why this service is closed on that day (its own closure, or the whole facility's); empty when open. */
    public static Future<Optional<String>> reason(SqlClient db, Facility facility, long serviceId, LocalDate day) {
        return closedOn(db, facility, day).map(closed -> Optional.ofNullable(closed.get(serviceId)));
    }

    /** Refuses (409 {@code SERVICE_CLOSED_TODAY}, with the poli and the reason) when the service is closed that day. */
    public static Future<Void> refuseIfClosed(SqlClient db, Facility facility, long serviceId, LocalDate day) {
        return db.preparedQuery(CLOSED_ON).execute(Tuple.of(facility.id(), day)).map(rows -> {
            for (Row row : rows) {
                if (row.getLong("service_id") == serviceId) {
                    throw closedToday(row.getString("name"), row.getString("reason"));
                }
            }
            return null;
        });
    }

    /**
     * As {@link #refuseIfClosed}, over the day's closures already read with {@link #closedOn} (read together with
     * the service, in one round trip).
     */
    public static void refuseIfAmong(Map<Long, String> closed, Service service) {
        String reason = closed.get(service.id());
        if (reason != null) {
            throw closedToday(service.name(), reason);
        }
    }

    private static Problem closedToday(String serviceName, String reason) {
        return Problem.ofField(ErrorCode.SERVICE_CLOSED_TODAY, "service", serviceName, reason);
    }

    /** The closed services of a day, by service id, with the reason. */
    public static Future<Map<Long, String>> closedOn(SqlClient db, Facility facility, LocalDate day) {
        return db.preparedQuery(CLOSED_ON).execute(Tuple.of(facility.id(), day)).map(rows -> {
            Map<Long, String> closed = new HashMap<>();
            rows.forEach(row -> closed.put(row.getLong("service_id"), row.getString("reason")));
            return closed;
        });
    }

    /** Today's closures of the facility's local day, by service id. */
    public Future<Map<Long, String>> closedToday(Facility facility) {
        return closedOn(pool, facility, facility.today(clock));
    }

    /** Closures from today (the facility's local day) on, each with the bookings it affects. */
    public Future<JsonArray> upcoming(Facility facility) {
        return pool.preparedQuery(UPCOMING).execute(Tuple.of(facility.id(), facility.today(clock))).compose(rows -> {
            Map<Long, JsonObject> closures = new LinkedHashMap<>();
            rows.forEach(row -> closures.put(row.getLong("closure_id"), json(row, facility)
                    .put("affectedBookings", new JsonArray())));
            return pool.preparedQuery(AFFECTED)
                    .execute(Tuple.of(facility.id()).addArrayOfLong(closures.keySet().toArray(new Long[0])))
                    .map(affected -> {
                        // A ticket hit by a poli closure and the whole facility's is listed under each.
                        for (Row row : affected) {
                            for (JsonObject closure : closures.values()) {
                                if (hits(closure, row)) {
                                    closure.getJsonArray("affectedBookings").add(affected(row, facility));
                                }
                            }
                        }
                        return new JsonArray(closures.values().stream().toList());
                    });
        });
    }

    private static boolean hits(JsonObject closure, Row ticket) {
        JsonObject service = closure.getJsonObject("service");
        return closure.getString("date").equals(ticket.getLocalDate("service_date").toString())
                && (service == null || service.getString("code").equals(ticket.getString("service_code")));
    }

    public Future<JsonObject> one(Facility facility, long id) {
        return pool.preparedQuery(ONE).execute(Tuple.of(facility.id(), id)).map(rows -> {
            if (rows.size() == 0) {
                throw Problem.of(ErrorCode.CLOSURE_NOT_FOUND);
            }
            return json(rows.iterator().next(), facility);
        });
    }

    /**
     * Closes a poli ({@code serviceCode}) or the whole facility ({@code null}) for a day, today or later in the
     * facility's local day.
     */
    public Future<JsonObject> close(Facility facility, LocalDate day, String serviceCode, String reason, Actor by) {
        if (day.isBefore(facility.today(clock))) {
            return Future.failedFuture(Problem.ofField(ErrorCode.CLOSURE_IN_PAST, "date", day.toString()));
        }
        Instant now = clock.instant();
        return pool.withTransaction(tx -> service(tx, facility, serviceCode)
                        .compose(service -> tx.preparedQuery(INSERT).execute(Tuple.of(facility.id(), day,
                                service.map(Service::id).orElse(null), reason, by.name(), now.atOffset(ZoneOffset.UTC)))
                        .compose(rows -> tx.preparedQuery(ONE)
                                .execute(Tuple.of(facility.id(), rows.iterator().next().getLong("closure_id"))))
                        .map(rows -> json(rows.iterator().next(), facility))
                        .compose(closure -> AuditLog.change(tx, facility.id(), by, "CLOSURE_ADDED", null, closure, now)
                                .compose(v -> SettingsChanged.announce(tx, facility.id(), facility.zone(), "closures", now))
                                .map(closure))))
                .recover(e -> Future.failedFuture(alreadyClosed(e)));
    }

    /** Opens the day again; {@code expected} is the version the admin saw. */
    public Future<Void> reopen(Facility facility, long id, long expected, Actor by) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(ONE).execute(Tuple.of(facility.id(), id)).compose(rows -> {
            if (rows.size() == 0) {
                throw Problem.of(ErrorCode.CLOSURE_NOT_FOUND);
            }
            JsonObject before = json(rows.iterator().next(), facility);
            return tx.preparedQuery(DELETE).execute(Tuple.of(facility.id(), id, expected)).compose(deleted -> {
                if (deleted.rowCount() == 0) {
                    throw Revisions.conflict();
                }
                return AuditLog.change(tx, facility.id(), by, "CLOSURE_REMOVED", before, null, now)
                        .compose(v -> SettingsChanged.announce(tx, facility.id(), facility.zone(), "closures", now))
                        .mapEmpty();
            });
        }));
    }

    private static Future<Optional<Service>> service(SqlClient tx, Facility facility, String code) {
        return code == null ? Future.succeededFuture(Optional.empty())
                : FacilityDirectory.service(tx, facility, code).map(Optional::of);
    }

    private static Throwable alreadyClosed(Throwable e) {
        if (UniqueViolation.is(e)) {
            return Problem.of(ErrorCode.ALREADY_CLOSED);
        }
        return e;
    }

    private static JsonObject json(Row row, Facility facility) {
        String code = row.getString("service_code");
        return new JsonObject()
                .put("id", row.getLong("closure_id"))
                .put("date", row.getLocalDate("closed_on").toString())
                .put("service", code == null ? null
                        : new JsonObject().put("code", code).put("name", row.getString("service_name")))
                .put("reason", row.getString("reason"))
                .put("createdBy", row.getString("created_by"))
                .put("createdAt", facility.local(row.getOffsetDateTime("created_at").toInstant()).toString())
                .put("version", row.getInteger("version"));
    }

    private static JsonObject affected(Row row, Facility facility) {
        return new JsonObject()
                .put("ticketId", row.getLong("ticket_id"))
                .put("label", row.getString("label"))
                .put("status", row.getString("status"))
                .put("estimatedAt", row.getOffsetDateTime("estimated_at") == null ? null
                        : facility.local(row.getOffsetDateTime("estimated_at").toInstant()).toString())
                .put("service", new JsonObject().put("code", row.getString("service_code"))
                        .put("name", row.getString("service_name")))
                // For staff to phone the patient: this list is ADMIN-only and never on a screen.
                .put("cardNumber", row.getString("card_number"))
                .put("phone", row.getString("phone"));
    }
}
