package id.antrean.app;

import id.antrean.metrics.Metrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.stream.Stream;

/** A node's Vert.x, reporting its HTTP servers and clients, pools, event loops and JVM to the node's own registry. */
final class NodeMetrics {
    /** How often the database gauges (outbox, backups) are read: a scrape interval's order, one query each. */
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(20);

    /** Vert.x times responses without buckets; a few make a p99 possible in Grafana (route × code × bucket stays small). */
    private static final MeterFilter HTTP_RESPONSE_BUCKETS = new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (!id.getName().equals("vertx.http.server.response.time")) {
                return config;
            }
            return DistributionStatisticConfig.builder()
                    .serviceLevelObjectives(Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000)
                            .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray())
                    .build().merge(config);
        }
    };

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
        metrics.registry().config().meterFilter(HTTP_RESPONSE_BUCKETS);
        return Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(metrics.registry())).build();
    }
}
