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
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A facility's services (poli / layanan) as its admin sets them up: create, change, remove, and the practice week
 * with its quotas. Each change is one transaction with its audit entry (the row before and after) and a
 * {@code SETTINGS_CHANGED "services"} event, so kiosks, displays and consoles reload at once. A service that has
 * had tickets is retired instead of deleted: gone from the kiosk, the lists and Mobile JKN, kept for history.
 */
public final class ServiceSettings {
    static final String COLUMNS = """
            service_id, code, name, name_en, prefix, is_open, bpjs_code, kiosk_visible, sort_order, daily_quota, jkn_quota,
            typical_service_minutes, version, retired_at, dental""";
    static final String BY_CODE = "SELECT " + COLUMNS + " FROM service WHERE facility_id = $1 AND code = $2";
    static final String LOCK_ACTIVE = BY_CODE + " AND retired_at IS NULL FOR UPDATE";
    static final String SCHEDULE = """
            SELECT weekday, opens_at, closes_at, doctor_code, doctor_name FROM service_schedule
            WHERE facility_id = $1 AND service_id = $2 ORDER BY weekday""";
    static final String CREATE = """
            INSERT INTO service (facility_id, code, name, prefix, bpjs_code, kiosk_visible, is_open, sort_order,
                                 typical_service_minutes, name_en, dental)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";
    static final String UPDATE = """
            UPDATE service SET name = $4, prefix = $5, bpjs_code = $6, kiosk_visible = $7, is_open = $8,
                               sort_order = $9, typical_service_minutes = $10, name_en = $11, dental = $12,
                               version = version + 1
            WHERE facility_id = $1 AND service_id = $2 AND version = $3""";
    static final String SET_QUOTAS = """
            UPDATE service SET daily_quota = $4, jkn_quota = $5, version = version + 1
            WHERE facility_id = $1 AND service_id = $2 AND version = $3""";
    static final String CLEAR_SCHEDULE = "DELETE FROM service_schedule WHERE facility_id = $1 AND service_id = $2";
    static final String ADD_DAY = """
            INSERT INTO service_schedule (facility_id, service_id, weekday, opens_at, closes_at, doctor_code, doctor_name)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""";
    static final String HAD_TICKETS = """
            SELECT EXISTS (SELECT 1 FROM ticket WHERE facility_id = $1 AND (service_id = $2 OR home_service_id = $2))
                OR EXISTS (SELECT 1 FROM queue_day_sequence WHERE facility_id = $1 AND service_id = $2) AS had""";
    /** Patients still in its line, today or booked for later: retiring it would strand them. */
    static final String STILL_IN_LINE = """
            SELECT EXISTS (SELECT 1 FROM ticket WHERE facility_id = $1 AND service_id = $2 AND service_date >= $3
                             AND status IN ('WAITING', 'CALLED', 'SERVING', 'PARKED', 'BOOKED')) AS busy""";
    static final String RETIRE = """
            UPDATE service SET retired_at = $4, version = version + 1
            WHERE facility_id = $1 AND service_id = $2 AND version = $3""";
    static final String DELETE = "DELETE FROM service WHERE facility_id = $1 AND service_id = $2 AND version = $3";

    /** What an admin sends to create or change a service (already checked by the contract and the handler). */
    record Fields(String name, String prefix, String bpjsCode, boolean kioskVisible, boolean open, int sortOrder,
                  Integer typicalServiceMinutes, String nameEn, boolean dental) {
    }

    /** The outcome of a removal: the retired service, or null when it was deleted. */
    record Removal(JsonObject retired) {
    }

    private final Pool pool;
    private final Clock clock;

    public ServiceSettings(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The admin's view of one service (retired ones too), with its version and its week. */
    Future<JsonObject> view(Facility facility, String code) {
        return view(pool, facility, FacilityDirectory.normalizeCode(code));
    }

    Future<JsonObject> create(Facility facility, String code, Fields fields, Actor by) {
        Instant at = clock.instant();
        return pool.<JsonObject>withTransaction(tx -> tx.preparedQuery(CREATE)
                        .execute(Tuple.of(facility.id(), code, fields.name(), fields.prefix(), fields.bpjsCode(),
                                fields.kioskVisible(), fields.open(), fields.sortOrder(), fields.typicalServiceMinutes(),
                                fields.nameEn())
                                .addBoolean(fields.dental()))
                        .compose(v -> view(tx, facility, code))
                        .compose(after -> changed(tx, facility, by, "SERVICE_CREATED", null, after, at)))
                .recover(e -> UniqueViolations.explain(e, code, fields.prefix(), fields.bpjsCode()));
    }

    Future<JsonObject> update(Facility facility, String code, long expected, Fields fields, Actor by) {
        Instant at = clock.instant();
        return pool.<JsonObject>withTransaction(tx -> locked(tx, facility, code).compose(row -> {
                    JsonObject before = json(row, facility);
                    return tx.preparedQuery(UPDATE).execute(Tuple.of(facility.id(), row.getLong("service_id"), expected,
                                    fields.name(), fields.prefix(), fields.bpjsCode(), fields.kioskVisible(),
                                    fields.open(), fields.sortOrder(), fields.typicalServiceMinutes(), fields.nameEn())
                                    .addBoolean(fields.dental()))
                            .compose(rows -> matched(rows))
                            .compose(v -> withSchedule(tx, facility, row.getLong("service_id"), before))
                            .compose(b -> view(tx, facility, row.getString("code"))
                                    .compose(after -> changed(tx, facility, by, "SERVICE_CHANGED", b, after, at)));
                }))
                .recover(e -> UniqueViolations.explain(e, code, fields.prefix(), fields.bpjsCode()));
    }

    Future<JsonObject> setSchedule(Facility facility, String code, long expected, WeekSchedule week, Actor by) {
        Instant at = clock.instant();
        return pool.withTransaction(tx -> locked(tx, facility, code).compose(row -> {
            long serviceId = row.getLong("service_id");
            return withSchedule(tx, facility, serviceId, json(row, facility)).compose(before -> tx.preparedQuery(SET_QUOTAS)
                    .execute(Tuple.of(facility.id(), serviceId, expected, week.dailyQuota(), week.jknQuota()))
                    .compose(rows -> matched(rows))
                    .compose(v -> tx.preparedQuery(CLEAR_SCHEDULE).execute(Tuple.of(facility.id(), serviceId)))
                    .compose(v -> week.days().isEmpty() ? Future.succeededFuture() : tx.preparedQuery(ADD_DAY)
                            .executeBatch(week.days().stream().map(d -> Tuple.of(facility.id(), serviceId, d.weekday(),
                                    d.opensAt(), d.closesAt(), d.doctorCode(), d.doctorName())).toList()))
                    .compose(v -> view(tx, facility, row.getString("code")))
                    .compose(after -> changed(tx, facility, by, "SERVICE_SCHEDULE_CHANGED", before, after, at)));
        }));
    }

    /** Deletes a service that never had a ticket; retires one that had (history and reports keep it). */
    Future<Removal> remove(Facility facility, String code, long expected, Actor by) {
        Instant at = clock.instant();
        return pool.withTransaction(tx -> locked(tx, facility, code).compose(row -> {
            long serviceId = row.getLong("service_id");
            if (row.getInteger("version") != expected) {
                return Future.failedFuture(Revisions.conflict());
            }
            return withSchedule(tx, facility, serviceId, json(row, facility)).compose(before -> flag(tx, STILL_IN_LINE,
                            Tuple.of(facility.id(), serviceId, facility.today(clock)))
                    .compose(busy -> {
                        if (busy) {
                            throw Problem.of(ErrorCode.SERVICE_IN_USE, row.getString("code"));
                        }
                        return flag(tx, HAD_TICKETS, Tuple.of(facility.id(), serviceId));
                    })
                    .compose(had -> had
                            ? tx.preparedQuery(RETIRE).execute(Tuple.of(facility.id(), serviceId, expected,
                                            at.atOffset(ZoneOffset.UTC)))
                                    .compose(rows -> matched(rows))
                                    .compose(v -> view(tx, facility, row.getString("code")))
                                    .compose(after -> changed(tx, facility, by, "SERVICE_RETIRED", before, after, at))
                                    .map(after -> new Removal(after))
                            : tx.preparedQuery(DELETE).execute(Tuple.of(facility.id(), serviceId, expected))
                                    .compose(rows -> matched(rows))
                                    .compose(v -> changed(tx, facility, by, "SERVICE_DELETED", before, null, at))
                                    .map(v -> new Removal(null))));
        }));
    }

    private Future<JsonObject> changed(SqlClient tx, Facility facility, Actor by, String action, JsonObject before,
                                       JsonObject after, Instant at) {
        return AuditLog.change(tx, facility.id(), by, action, before, after, at)
                .compose(v -> SettingsChanged.announce(tx, facility.id(), facility.zone(), "services", at))
                .map(after);
    }

    /** The active service, locked for this change; 404 when there is none (or it is retired). */
    private static Future<Row> locked(SqlClient tx, Facility facility, String code) {
        return tx.preparedQuery(LOCK_ACTIVE).execute(Tuple.of(facility.id(), FacilityDirectory.normalizeCode(code)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.ofField(ErrorCode.SERVICE_NOT_FOUND, "service", code);
                    }
                    return rows.iterator().next();
                });
    }

    /** The row is locked, so no match can only mean another version than the client saw. */
    private static Future<Void> matched(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? Future.failedFuture(Revisions.conflict()) : Future.succeededFuture();
    }

    private static Future<Boolean> flag(SqlClient tx, String sql, Tuple args) {
        return tx.preparedQuery(sql).execute(args).map(rows -> rows.iterator().next().getBoolean(0));
    }

    static Future<JsonObject> view(SqlClient db, Facility facility, String code) {
        return db.preparedQuery(BY_CODE).execute(Tuple.of(facility.id(), code)).compose(rows -> {
            if (rows.size() == 0) {
                return Future.failedFuture(Problem.ofField(ErrorCode.SERVICE_NOT_FOUND, "service", code));
            }
            Row row = rows.iterator().next();
            return withSchedule(db, facility, row.getLong("service_id"), json(row, facility));
        });
    }

    private static Future<JsonObject> withSchedule(SqlClient db, Facility facility, long serviceId, JsonObject service) {
        return db.preparedQuery(SCHEDULE).execute(Tuple.of(facility.id(), serviceId)).map(rows -> {
            JsonArray days = new JsonArray();
            for (Row day : rows) {
                days.add(new WeekSchedule.Day(day.getInteger("weekday"), day.getLocalTime("opens_at"),
                        day.getLocalTime("closes_at"), day.getInteger("doctor_code"), day.getString("doctor_name"))
                        .toJson());
            }
            return service.put("schedule", days);
        });
    }

    private static JsonObject json(Row row, Facility facility) {
        return new JsonObject()
                .put("code", row.getString("code"))
                .put("name", row.getString("name"))
                .put("nameEn", row.getString("name_en"))
                .put("prefix", row.getString("prefix"))
                .put("bpjsCode", row.getString("bpjs_code"))
                .put("kioskVisible", row.getBoolean("kiosk_visible"))
                .put("open", row.getBoolean("is_open"))
                .put("sortOrder", row.getInteger("sort_order"))
                .put("dailyQuota", row.getInteger("daily_quota"))
                .put("jknQuota", row.getInteger("jkn_quota"))
                .put("typicalServiceMinutes", row.getInteger("typical_service_minutes"))
                .put("dental", row.getBoolean("dental"))
                .put("retiredAt", row.getOffsetDateTime("retired_at") == null ? null
                        : facility.local(row.getOffsetDateTime("retired_at").toInstant()).toString())
                .put("version", row.getInteger("version"));
    }
}
