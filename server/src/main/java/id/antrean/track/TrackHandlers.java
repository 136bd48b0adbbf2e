package id.antrean.track;

import id.antrean.facility.FacilityDirectory;
import id.antrean.queue.WaitEstimator;
import id.antrean.web.ErrorCode;
import id.antrean.web.Pages;
import id.antrean.web.Problem;
import id.antrean.web.RateLimiter;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * The tracking page's HTTP edge, public (no token): {@code GET /t/{code}} (the page, or a friendly 404 page), its
 * assets under {@code /track/}, {@code GET /api/v1/track/{code}} (the state, in the contract) and
 * {@code GET /api/v1/track/{code}/events} (its stream). The page, the state and the stream count against one limit
 * per client address; the assets do not.
 */
public final class TrackHandlers implements Routes {
    private static final int ASSET_MAX_AGE_SECONDS = 300;

    private final TrackedTickets tickets;
    private final RateLimiter perAddress;
    private final long keepaliveMillis;

    /**
     * @param perAddress         requests a minute of one client address ({@code TRACK_RATE_LIMIT})
     * @param idleTimeoutSeconds the HTTP server's idle timeout: the stream's heartbeat comes well within it
     */
    public TrackHandlers(Pool pool, FacilityDirectory directory, WaitEstimator estimator, RateLimiter perAddress,
                         int idleTimeoutSeconds, Clock clock) {
        this.tickets = new TrackedTickets(pool, directory, estimator, clock);
        this.perAddress = perAddress;
        this.keepaliveMillis = Math.max(100, Math.min(15_000, idleTimeoutSeconds * 1000L / 3));
    }

    void state(RoutingContext rc) {
        perAddress.hit(address(rc));
        rc.response().putHeader("Cache-Control", "no-store");
        Responses.json(rc, tickets.find(rc.pathParam("trackingCode")).map(TrackedTicket::toJson));
    }

    void events(RoutingContext rc) {
        perAddress.hit(address(rc));
        new TicketStream(rc, tickets, rc.pathParam("code"), keepaliveMillis).open();
    }

    /** The page holds no data (it reads it from the API), but an unknown or expired code gets the friendly page. */
    void page(RoutingContext rc) {
        perAddress.hit(address(rc));
        tickets.find(rc.pathParam("code")).onComplete(ar -> {
            if (ar.failed() && !(ar.cause() instanceof Problem p && p.code() == ErrorCode.TRACKING_NOT_FOUND)) {
                rc.fail(ar.cause());
                return;
            }
            rc.response().putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .putHeader("X-Robots-Tag", "noindex");
            if (ar.succeeded()) {
                rc.response().sendFile("webroot/track/index.html");
            } else {
                rc.response().setStatusCode(404).end(NotFoundPage.HTML);
            }
        });
    }

    private static String address(RoutingContext rc) {
        return rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().hostAddress();
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("getTrackedTicket").addHandler(this::state);
    }

    @Override
    public void mount(Router router, Vertx vertx) {
        router.get("/api/v1/track/:code/events").handler(this::events);
        router.get("/t/:code").handler(Pages::securityHeaders).handler(this::page);
        router.route("/track/*").handler(Pages::securityHeaders)
                .handler(StaticHandler.create("webroot/track").setMaxAgeSeconds(ASSET_MAX_AGE_SECONDS));
    }
}
