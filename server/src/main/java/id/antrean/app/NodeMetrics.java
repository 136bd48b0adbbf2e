package id.antrean.app;

import id.antrean.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.EnumSet;

/** A node's Vert.x, reporting its HTTP servers and clients, pools, event loops and JVM to the node's own registry. */
final class NodeMetrics {
    /** How often the database gauges (outbox, backups) are read: a scrape interval's order, one query each. */
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(20);

    private NodeMetrics() {
    }

    static Vertx vertx(VertxOptions options, Metrics metrics) {
        if (!metrics.enabled()) {
            return Vertx.vertx(options);
        }
        options.setMetricsOptions(new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                // Netty's event executors: the tasks waiting on each event loop.
                .setNettyMetricsEnabled(true)
                // Bounded labels only: a route's template, never a path (ids) nor a client address.
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE,
                        Label.POOL_NAME, Label.EB_SIDE)));
        return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(metrics.registry())).build();
    }
}
