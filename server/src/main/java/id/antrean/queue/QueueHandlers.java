package id.antrean.queue;

import id.antrean.auth.AccessGuard;
import id.antrean.auth.Actor;
import id.antrean.facility.FacilityContext;
import id.antrean.web.BodyIds;
import id.antrean.web.ErrorCode;
import id.antrean.web.PathIds;
import id.antrean.web.PublicUrl;
import id.antrean.web.Problem;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Map;

/** HTTP edge of the queue: turns requests into calls of the issuer, the desk and the board. */
public final class QueueHandlers implements Routes {
    private final TicketIssuer issuer;
    private final CounterDesk desk;
    private final QueueBoard board;
    private final PublicUrl links;

    /** @param links the base of the ticket's tracking link ({@code trackUrl}) in the answers about one ticket */
    public QueueHandlers(TicketIssuer issuer, CounterDesk desk, QueueBoard board, PublicUrl links) {
        this.issuer = issuer;
        this.desk = desk;
        this.board = board;
        this.links = links;
    }

    public void issueTicket(RoutingContext rc) {
        TicketRequest request = TicketRequest.from(body(rc));
        String key = rc.request().getHeader("Idempotency-Key");
        FacilityContext.of(rc).compose(facility -> issuer.issue(facility, request, key,
                        AccessGuard.principal(rc)))
                .compose(issued -> board.describe(issued.facility(), issued.ticket())
                        .map(json -> Map.entry(issued, json)))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        rc.fail(ar.cause());
                        return;
                    }
                    Ticket ticket = ar.result().getKey().ticket();
                    rc.response()
                            .setStatusCode(ar.result().getKey().created() ? 201 : 200)
                            .putHeader("Content-Type", "application/json; charset=utf-8")
                            .putHeader("Location", "/api/v1/facilities/" + ticket.facility() + "/tickets/" + ticket.id())
                            .end(ar.result().getValue().put("trackUrl", links.trackUrl(rc, ticket.trackingCode())).encode());
                });
    }

    public void getTicket(RoutingContext rc) {
        long id = PathIds.id(rc, "ticket");
        Responses.json(rc, FacilityContext.of(rc).compose(facility -> board.ticket(facility, id)
                .compose(ticket -> board.ticketWithHistory(facility, ticket)
                        .map(json -> json.put("trackUrl", links.trackUrl(rc, ticket.trackingCode()))))));
    }

    public void getQueue(RoutingContext rc) {
        int waitingLimit = waitingLimit(rc);
        Responses.json(rc, FacilityContext.of(rc).compose(facility -> board.board(facility, waitingLimit)));
    }

    /**
     * {@code ?waitingLimit=N}: at most N tickets of each line (the contract checks it is a whole number ≥ 0); the
     * first screenful when absent.
     */
    private static int waitingLimit(RoutingContext rc) {
        String value = rc.request().getParam("waitingLimit");
        if (value == null) {
            return QueueBoard.WAITING_SHOWN;
        }
        if (!value.strip().matches("[0-9]{1,9}")) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "waitingLimit", "waitingLimit");
        }
        return Integer.parseInt(value.strip());
    }

    public void callNext(RoutingContext rc) {
        Responses.json(rc, FacilityContext.of(rc)
                .compose(facility -> desk.callNext(facility, counter(rc), actor(rc))).map(Ticket::toJson));
    }

    /** A counter action on the ticket named in the body, or on the counter's current ticket. */
    public Handler<RoutingContext> action(CounterAction action) {
        return rc -> {
            JsonObject body = body(rc);
            Long ticket = BodyIds.optional(body, "ticket");
            Responses.json(rc, FacilityContext.of(rc).compose(facility -> desk.act(facility, counter(rc), action,
                    ticket, body.getString("service"), actor(rc))).map(Ticket::toJson));
        };
    }

    private static Actor actor(RoutingContext rc) {
        return AccessGuard.principal(rc).actor();
    }

    private static String counter(RoutingContext rc) {
        return rc.pathParam("counter");
    }

    private static JsonObject body(RoutingContext rc) {
        JsonObject body = rc.body() == null || rc.body().isEmpty() ? null : rc.body().asJsonObject();
        return body == null ? new JsonObject() : body;
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("issueTicket").addHandler(this::issueTicket);
        contract.getRoute("getTicket").addHandler(this::getTicket);
        contract.getRoute("getQueue").addHandler(this::getQueue);
        contract.getRoute("callNext").addHandler(this::callNext);
        contract.getRoute("callTicket").addHandler(action(CounterAction.CALL));
        contract.getRoute("recallTicket").addHandler(action(CounterAction.RECALL));
        contract.getRoute("skipTicket").addHandler(action(CounterAction.SKIP));
        contract.getRoute("requeueTicket").addHandler(action(CounterAction.REQUEUE));
        contract.getRoute("startTicket").addHandler(action(CounterAction.START));
        contract.getRoute("finishTicket").addHandler(action(CounterAction.FINISH));
        contract.getRoute("transferTicket").addHandler(action(CounterAction.TRANSFER));
        contract.getRoute("parkTicket").addHandler(action(CounterAction.PARK));
        contract.getRoute("resumeTicket").addHandler(action(CounterAction.RESUME));
        contract.getRoute("cancelTicket").addHandler(action(CounterAction.CANCEL));
    }
}
