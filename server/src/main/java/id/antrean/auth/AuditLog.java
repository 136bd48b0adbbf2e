package id.antrean.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Who did what: called, skipped, transferred or cancelled which ticket, or changed which setting (with the row
 * before and after). Written in the transaction of the action.
 */
public final class AuditLog {
    static final String APPEND = """
            INSERT INTO audit_log (facility_id, at, actor_kind, actor_id, actor_name, action, ticket_id, details)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";
    static final String BETWEEN = """
            SELECT a.at, a.actor_kind, a.actor_name, a.action, a.ticket_id, t.label, a.details
            FROM audit_log a
            LEFT JOIN ticket t ON t.facility_id = a.facility_id AND t.ticket_id = a.ticket_id
            WHERE a.facility_id = $1 AND a.at >= $2 AND a.at < $3
            ORDER BY a.at, a.audit_id""";

    static final String APPEND_SYSTEM = """
            INSERT INTO system_audit_log (at, actor_kind, actor_id, actor_name, action, details)
            VALUES ($1, $2, $3, $4, $5, $6)""";

    private AuditLog() {
    }

    public static Future<Void> append(SqlClient tx, long facilityId, Actor actor, String action, Long ticketId,
                                      JsonObject details, Instant at) {
        return tx.preparedQuery(APPEND).execute(Tuple.of(facilityId, at.atOffset(ZoneOffset.UTC), actor.kind(),
                        actor.id(), actor.name(), action, ticketId)
                        .addValue(details == null ? new JsonObject() : details))
                .mapEmpty();
    }

    /**
     * An administration change, with the row as it was and as it is ({@code null} for a created or deleted row).
     * The caller leaves secrets out of both (a credential is named as set or not, never shown).
     */
    public static Future<Void> change(SqlClient tx, long facilityId, Actor actor, String action, JsonObject before,
                                      JsonObject after, Instant at) {
        return append(tx, facilityId, actor, action, null,
                new JsonObject().put("before", before).put("after", after), at);
    }

    /**
     * A change that concerns no single facility (the first setup, operators), with the same before/after shape and
     * the same rule: no secret in either.
     */
    public static Future<Void> systemChange(SqlClient tx, Actor actor, String action, JsonObject before,
                                            JsonObject after, Instant at) {
        return tx.preparedQuery(APPEND_SYSTEM).execute(Tuple.of(at.atOffset(ZoneOffset.UTC), actor.kind(), actor.id(),
                        actor.name(), action, new JsonObject().put("before", before).put("after", after)))
                .mapEmpty();
    }

    public static Future<JsonArray> between(SqlClient db, long facilityId, Instant from, Instant to, ZoneId zone) {
        return db.preparedQuery(BETWEEN)
                .execute(Tuple.of(facilityId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    JsonArray entries = new JsonArray();
                    for (Row row : rows) {
                        entries.add(new JsonObject()
                                .put("at", row.getOffsetDateTime("at").atZoneSameInstant(zone).toOffsetDateTime().toString())
                                .put("actor", new JsonObject().put("kind", row.getString("actor_kind"))
                                        .put("name", row.getString("actor_name")))
                                .put("action", row.getString("action"))
                                .put("ticket", row.getLong("ticket_id") == null ? null : new JsonObject()
                                        .put("id", row.getLong("ticket_id")).put("label", row.getString("label")))
                                .put("details", row.getJson("details")));
                    }
                    return entries;
                });
    }
}
