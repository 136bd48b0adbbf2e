package id.antrean.catalog;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.events.SettingsChanged;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.Revisions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A facility's counters (loket / ruang) as its admin sets them up: code, name, the name the display says, and
 * the services whose tickets it calls. Same rules as {@link ServiceSettings}: versioned, audited, announced
 * ({@code SETTINGS_CHANGED "counters"}), and retired rather than deleted once it has called a ticket.
 */
public final class CounterSettings {
    static final String BY_CODE = """
            SELECT c.counter_id, c.code, c.name, c.spoken_name, c.sort_order, c.version, c.retired_at,
                   array_remove(array_agg(s.code ORDER BY s.sort_order, s.code), NULL) AS service_codes
            FROM counter c
            LEFT JOIN counter_service cs ON cs.facility_id = c.facility_id AND cs.counter_id = c.counter_id
            LEFT JOIN service s ON s.facility_id = cs.facility_id AND s.service_id = cs.service_id
                               AND s.retired_at IS NULL
            WHERE c.facility_id = $1 AND c.code = $2
            GROUP BY c.facility_id, c.counter_id""";
    static final String LOCK_ACTIVE = """
            SELECT counter_id FROM counter WHERE facility_id = $1 AND code = $2 AND retired_at IS NULL FOR UPDATE""";
    static final String ACTIVE_SERVICES = """
            SELECT service_id, code FROM service WHERE facility_id = $1 AND code = ANY($2) AND retired_at IS NULL""";
    static final String CREATE = """
            INSERT INTO counter (facility_id, code, name, spoken_name, sort_order) VALUES ($1, $2, $3, $4, $5)
            RETURNING counter_id""";
    static final String UPDATE = """
            UPDATE counter SET name = $4, spoken_name = $5, sort_order = $6, version = version + 1
            WHERE facility_id = $1 AND counter_id = $2 AND version = $3""";
    static final String CLEAR_SERVICES = "DELETE FROM counter_service WHERE facility_id = $1 AND counter_id = $2";
    static final String ADD_SERVICE = "INSERT INTO counter_service (facility_id, counter_id, service_id) VALUES ($1, $2, $3)";
    static final String HAD_TICKETS = """
            SELECT EXISTS (SELECT 1 FROM ticket WHERE facility_id = $1 AND counter_id = $2) AS had""";
    static final String CURRENT = """
            SELECT EXISTS (SELECT 1 FROM ticket WHERE facility_id = $1 AND counter_id = $2
                             AND status IN ('CALLED', 'SERVING', 'PARKED')) AS busy""";
    static final String RETIRE = """
            UPDATE counter SET retired_at = $4, version = version + 1
            WHERE facility_id = $1 AND counter_id = $2 AND version = $3""";
    static final String DELETE = "DELETE FROM counter WHERE facility_id = $1 AND counter_id = $2 AND version = $3";

    /** What an admin sends (checked by the contract and the handler); {@code services} are codes, upper case. */
    record Fields(String name, String spokenName, List<String> services, int sortOrder) {
    }

    private final Pool pool;
    private final Clock clock;

    public CounterSettings(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    Future<JsonObject> view(Facility facility, String code) {
        return view(pool, facility, FacilityDirectory.normalizeCode(code));
    }

    Future<JsonObject> create(Facility facility, String code, Fields fields, Actor by) {
        Instant at = clock.instant();
        return pool.<JsonObject>withTransaction(tx -> serviceIds(tx, facility, fields.services())
                        .compose(ids -> tx.preparedQuery(CREATE)
                                .execute(Tuple.of(facility.id(), code, fields.name(), fields.spokenName(),
                                        fields.sortOrder()))
                                .compose(rows -> serve(tx, facility, rows.iterator().next().getLong(0), ids)))
                        .compose(v -> view(tx, facility, code))
                        .compose(after -> changed(tx, facility, by, "COUNTER_CREATED", null, after, at)))
                .recover(e -> UniqueViolations.explain(e, code, null, null));
    }

    Future<JsonObject> update(Facility facility, String code, long expected, Fields fields, Actor by) {
        Instant at = clock.instant();
        String normalized = FacilityDirectory.normalizeCode(code);
        return pool.withTransaction(tx -> locked(tx, facility, normalized).compose(counterId ->
                view(tx, facility, normalized).compose(before -> serviceIds(tx, facility, fields.services())
                        .compose(ids -> tx.preparedQuery(UPDATE)
                                .execute(Tuple.of(facility.id(), counterId, expected, fields.name(),
                                        fields.spokenName(), fields.sortOrder()))
                                .compose(rows -> rows.rowCount() == 0
                                        ? Future.failedFuture(Revisions.conflict())
                                        : tx.preparedQuery(CLEAR_SERVICES).execute(Tuple.of(facility.id(), counterId)))
                                .compose(v -> serve(tx, facility, counterId, ids)))
                        .compose(v -> view(tx, facility, normalized))
                        .compose(after -> changed(tx, facility, by, "COUNTER_CHANGED", before, after, at)))));
    }

    /** Deletes a counter that never called a ticket; retires one that did. The retired one, or null. */
    Future<JsonObject> remove(Facility facility, String code, long expected, Actor by) {
        Instant at = clock.instant();
        String normalized = FacilityDirectory.normalizeCode(code);
        return pool.withTransaction(tx -> locked(tx, facility, normalized).compose(counterId ->
                view(tx, facility, normalized).compose(before -> {
                    if (before.getInteger("version") != expected) {
                        return Future.failedFuture(Revisions.conflict());
                    }
                    return flag(tx, CURRENT, Tuple.of(facility.id(), counterId)).compose(busy -> {
                        if (busy) {
                            throw Problem.of(ErrorCode.COUNTER_IN_USE, normalized);
                        }
                        return flag(tx, HAD_TICKETS, Tuple.of(facility.id(), counterId));
                    }).compose(had -> had
                            ? tx.preparedQuery(RETIRE).execute(Tuple.of(facility.id(), counterId, expected,
                                            at.atOffset(ZoneOffset.UTC)))
                                    .compose(v -> view(tx, facility, normalized))
                                    .compose(after -> changed(tx, facility, by, "COUNTER_RETIRED", before, after, at))
                            : tx.preparedQuery(DELETE).execute(Tuple.of(facility.id(), counterId, expected))
                                    .compose(v -> changed(tx, facility, by, "COUNTER_DELETED", before, null, at)));
                })));
    }

    private Future<JsonObject> changed(SqlClient tx, Facility facility, Actor by, String action, JsonObject before,
                                       JsonObject after, Instant at) {
        return AuditLog.change(tx, facility.id(), by, action, before, after, at)
                .compose(v -> SettingsChanged.announce(tx, facility.id(), facility.zone(), "counters", at))
                .map(after);
    }

    /** The ids of the named active services; 404 SERVICE_NOT_FOUND naming the first unknown one. */
    private static Future<List<Long>> serviceIds(SqlClient tx, Facility facility, List<String> codes) {
        return tx.preparedQuery(ACTIVE_SERVICES)
                .execute(Tuple.tuple().addValue(facility.id()).addValue(codes.toArray(String[]::new)))
                .map(rows -> {
                    List<String> found = new ArrayList<>();
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> {
                        found.add(r.getString("code"));
                        ids.add(r.getLong("service_id"));
                    });
                    codes.stream().filter(c -> !found.contains(c)).findFirst().ifPresent(missing -> {
                        throw Problem.ofField(ErrorCode.SERVICE_NOT_FOUND, "services", missing);
                    });
                    return ids;
                });
    }

    private static Future<Void> serve(SqlClient tx, Facility facility, long counterId, List<Long> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Future.succeededFuture();
        }
        return tx.preparedQuery(ADD_SERVICE)
                .executeBatch(serviceIds.stream().map(id -> Tuple.of(facility.id(), counterId, id)).toList())
                .mapEmpty();
    }

    private static Future<Long> locked(SqlClient tx, Facility facility, String code) {
        return tx.preparedQuery(LOCK_ACTIVE).execute(Tuple.of(facility.id(), code)).map(rows -> {
            if (rows.size() == 0) {
                throw Problem.ofField(ErrorCode.COUNTER_NOT_FOUND, "counter", code);
            }
            return rows.iterator().next().getLong(0);
        });
    }

    private static Future<Boolean> flag(SqlClient tx, String sql, Tuple args) {
        return tx.preparedQuery(sql).execute(args).map(rows -> rows.iterator().next().getBoolean(0));
    }

    static Future<JsonObject> view(SqlClient db, Facility facility, String code) {
        return db.preparedQuery(BY_CODE).execute(Tuple.of(facility.id(), code)).map(rows -> {
            if (rows.size() == 0) {
                throw Problem.ofField(ErrorCode.COUNTER_NOT_FOUND, "counter", code);
            }
            Row row = rows.iterator().next();
            return new JsonObject()
                    .put("code", row.getString("code"))
                    .put("name", row.getString("name"))
                    .put("spokenName", row.getString("spoken_name"))
                    .put("services", new JsonArray(Arrays.asList(row.getArrayOfStrings("service_codes"))))
                    .put("sortOrder", row.getInteger("sort_order"))
                    .put("retiredAt", row.getOffsetDateTime("retired_at") == null ? null
                            : facility.local(row.getOffsetDateTime("retired_at").toInstant()).toString())
                    .put("version", row.getInteger("version"));
        });
    }
}
