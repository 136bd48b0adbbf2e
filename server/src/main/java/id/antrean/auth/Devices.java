package id.antrean.auth;

import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Kiosks and displays of a facility: an admin issues their tokens (shown once) and revokes them. */
public final class Devices {
    static final String LIST = """
            SELECT device_id, name, kind, created_at, created_by, revoked_at FROM device
            WHERE facility_id = $1 ORDER BY device_id""";
    static final String ISSUE = """
            INSERT INTO device (facility_id, name, kind, token_hash, created_at, created_by)
            VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING device_id, name, kind, created_at, created_by, revoked_at""";
    static final String REVOKE = """
            UPDATE device SET revoked_at = $3
            WHERE facility_id = $1 AND device_id = $2 AND revoked_at IS NULL
            RETURNING device_id, name, kind, created_at, created_by, revoked_at""";

    private final Pool pool;
    private final Clock clock;

    public Devices(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Future<JsonArray> list(Facility facility) {
        return pool.preparedQuery(LIST).execute(Tuple.of(facility.id())).map(rows -> {
            JsonArray devices = new JsonArray();
            rows.forEach(row -> devices.add(json(row, facility)));
            return devices;
        });
    }

    /**
     * A new device and its token; the token is shown in this answer and never again.
     *
     * @param name as {@link id.antrean.web.TypedName#require} gave it: stripped, something to read, nothing hidden
     */
    public Future<JsonObject> issue(Facility facility, String name, String kind, Actor by) {
        String token = Tokens.newToken();
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(ISSUE)
                .execute(Tuple.of(facility.id(), name, kind, Tokens.hash(token), now.atOffset(ZoneOffset.UTC),
                        by.name()))
                .compose(rows -> {
                    JsonObject device = json(rows.iterator().next(), facility);
                    return AuditLog.append(tx, facility.id(), by, "DEVICE_ISSUED", null,
                                    new JsonObject().put("device", device.getLong("id")).put("name", name).put("kind", kind), now)
                            .map(v -> device.put("token", token));
                }));
    }

    public Future<JsonObject> revoke(Facility facility, long deviceId, Actor by) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(REVOKE)
                .execute(Tuple.of(facility.id(), deviceId, now.atOffset(ZoneOffset.UTC)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.of(ErrorCode.DEVICE_NOT_FOUND);
                    }
                    JsonObject device = json(rows.iterator().next(), facility);
                    return AuditLog.append(tx, facility.id(), by, "DEVICE_REVOKED", null,
                            new JsonObject().put("device", deviceId), now).map(device);
                }));
    }

    private static JsonObject json(Row row, Facility facility) {
        return new JsonObject()
                .put("id", row.getLong("device_id"))
                .put("name", row.getString("name"))
                .put("kind", row.getString("kind"))
                .put("createdAt", facility.local(row.getOffsetDateTime("created_at").toInstant()).toString())
                .put("createdBy", row.getString("created_by"))
                .put("revokedAt", row.getOffsetDateTime("revoked_at") == null ? null
                        : facility.local(row.getOffsetDateTime("revoked_at").toInstant()).toString());
    }
}
