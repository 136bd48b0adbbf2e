package id.antrean.metrics;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.Routes;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: this node's meters in Prometheus' text format, for the bearer of {@code METRICS_TOKEN} only
 * (the scrape tells how busy each facility is). Without a token the route does not exist: 404, like any unknown path.
 */
public final class MetricsRoutes implements Routes {
    private final Metrics metrics;
    private final byte[] token;

    /** @param token {@code METRICS_TOKEN}; null = no {@code /metrics} */
    public MetricsRoutes(Metrics metrics, String token) {
        this.metrics = metrics;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void mount(Router router, Vertx vertx) {
        if (token == null || !metrics.enabled()) {
            return;
        }
        router.get("/metrics").handler(this::scrape);
    }

    private void scrape(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            rc.fail(Problem.of(ErrorCode.AUTH_REQUIRED));
            return;
        }
        // Constant time: how much of a guess matched must not show in how long the refusal takes.
        byte[] offered = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(offered, token)) {
            rc.fail(Problem.of(ErrorCode.AUTH_INVALID));
            return;
        }
        // Writing out thousands of series is CPU work worth keeping off the event loop.
        rc.vertx().executeBlocking(metrics::scrape, false).onComplete(text -> {
            if (text.failed()) {
                rc.fail(text.cause());
                return;
            }
            rc.response().putHeader("Content-Type", metrics.contentType())
                    .putHeader("Cache-Control", "no-store").end(text.result());
        });
    }
}
