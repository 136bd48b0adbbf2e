package id.antrean.bpjs.outbox;

import id.antrean.facility.FacilityContext;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Set;

/**
 * {@code GET …/bpjs-outbox?status=}: what BPJS has heard, is still to hear, or refused for good (DEAD), for the
 * console. Sent and pending are counted for the facility's day; dead ones whatever their day, since each waits for
 * someone to send it again.
 */
public final class OutboxView implements Routes {
    /** Today's counts (the facility's local day): what the console's chip shows. */
    static final String COUNTS = """
            SELECT status, count(*) AS n FROM bpjs_outbox
            WHERE facility_id = $1 AND (created_at >= $2 OR status = 'DEAD') GROUP BY status""";
    static final String LIST = """
            SELECT o.outbox_id, o.kind, o.status, o.attempts, o.created_at, o.sent_at, o.next_attempt_at, o.last_error,
                   o.bpjs_code, o.bpjs_message, o.refusals, o.dead_at, t.label, t.ticket_id, (o.payload ->> 'status')::int AS presence
            FROM bpjs_outbox o JOIN ticket t ON t.facility_id = o.facility_id AND t.ticket_id = o.ticket_id
            WHERE o.facility_id = $1 AND ($2::text IS NULL OR o.status = $2)
            ORDER BY o.outbox_id DESC
            LIMIT $3""";
    static final Set<String> STATUSES = Set.of("PENDING", "SENT", "DEAD");

    private final Pool pool;
    private final java.time.Clock clock;

    public OutboxView(Pool pool, java.time.Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public void handle(RoutingContext rc) {
        String status = rc.queryParams().get("status");
        String filter = status != null && STATUSES.contains(status) ? status : null;
        Responses.json(rc, FacilityContext.of(rc).compose(f ->
                pool.preparedQuery(COUNTS).execute(Tuple.of(f.id(),
                        f.today(clock).atStartOfDay(f.zone()).toOffsetDateTime())).compose(counts -> {
                    JsonObject byStatus = new JsonObject().put("PENDING", 0).put("SENT", 0).put("DEAD", 0);
                    counts.forEach(r -> byStatus.put(r.getString("status"), r.getLong("n")));
                    return pool.preparedQuery(LIST).execute(Tuple.of(f.id(), filter, 100)).map(rows -> {
                        JsonArray items = new JsonArray();
                        for (Row r : rows) {
                            items.add(new JsonObject()
                                    .put("id", r.getLong("outbox_id"))
                                    .put("kind", r.getString("kind"))
                                    .put("presence", r.getInteger("presence"))
                                    .put("status", r.getString("status"))
                                    .put("attempts", r.getInteger("attempts"))
                                    .put("refusals", r.getInteger("refusals"))
                                    .put("ticket", new JsonObject().put("id", r.getLong("ticket_id")).put("label", r.getString("label")))
                                    .put("createdAt", f.local(r.getOffsetDateTime("created_at").toInstant()).toString())
                                    .put("sentAt", r.getOffsetDateTime("sent_at") == null ? null
                                            : f.local(r.getOffsetDateTime("sent_at").toInstant()).toString())
                                    .put("deadAt", r.getOffsetDateTime("dead_at") == null ? null
                                            : f.local(r.getOffsetDateTime("dead_at").toInstant()).toString())
                                    .put("lastError", r.getString("last_error"))
                                    .put("bpjs", r.getInteger("bpjs_code") == null ? null : new JsonObject()
                                            .put("code", r.getInteger("bpjs_code")).put("message", r.getString("bpjs_message"))));
                        }
                        return new JsonObject().put("counts", byStatus).put("items", items);
                    });
                })));
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("bpjsOutbox").addHandler(this::handle);
    }
}
