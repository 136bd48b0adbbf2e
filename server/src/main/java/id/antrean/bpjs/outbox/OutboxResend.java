package id.antrean.bpjs.outbox;

import id.antrean.auth.AccessGuard;
import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityContext;
import id.antrean.web.ErrorCode;
import id.antrean.web.PathIds;
import id.antrean.web.Problem;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * "Kirim ulang": {@code POST …/bpjs-outbox/{message}/resend} makes a dead message pending again, due at once, with
 * a fresh allowance of refusals; audited with BPJS's last reason. Staff only (the counter permission), never a device.
 */
public final class OutboxResend implements Routes {
    static final String RESEND = """
            UPDATE bpjs_outbox SET status = 'PENDING', refusals = 0, dead_at = NULL, next_attempt_at = $3, last_error = NULL
            WHERE facility_id = $1 AND outbox_id = $2 AND status = 'DEAD'
            RETURNING outbox_id, ticket_id, kind, bpjs_code, bpjs_message""";
    static final String STATUS = "SELECT status FROM bpjs_outbox WHERE facility_id = $1 AND outbox_id = $2";

    private final Pool pool;
    private final Clock clock;

    public OutboxResend(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public void handle(RoutingContext rc) {
        long id = PathIds.id(rc, "message");
        Actor actor = AccessGuard.principal(rc).actor();
        Responses.json(rc, FacilityContext.of(rc).compose(f -> resend(f, id, actor)));
    }

    Future<JsonObject> resend(Facility facility, long id, Actor actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(RESEND)
                .execute(Tuple.of(facility.id(), id, now.atOffset(ZoneOffset.UTC)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return tx.preparedQuery(STATUS).execute(Tuple.of(facility.id(), id)).<JsonObject>map(found -> {
                            throw found.size() == 0 ? Problem.of(ErrorCode.OUTBOX_MESSAGE_NOT_FOUND)
                                    : Problem.of(ErrorCode.OUTBOX_MESSAGE_NOT_DEAD,
                                    found.iterator().next().getString("status"));
                        });
                    }
                    Row row = rows.iterator().next();
                    JsonObject reason = new JsonObject().put("code", row.getInteger("bpjs_code"))
                            .put("message", row.getString("bpjs_message"));
                    JsonObject details = new JsonObject()
                            .put("before", new JsonObject().put("message", id).put("kind", row.getString("kind"))
                                    .put("status", "DEAD").put("bpjs", reason))
                            .put("after", new JsonObject().put("status", "PENDING"));
                    return AuditLog.append(tx, facility.id(), actor, "BPJS_OUTBOX_RESENT", row.getLong("ticket_id"),
                                    details, now)
                            .map(v -> new JsonObject().put("id", id).put("kind", row.getString("kind"))
                                    .put("status", "PENDING"));
                }));
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("resendBpjsOutboxMessage").addHandler(this::handle);
    }
}
