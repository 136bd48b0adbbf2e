package id.antrean.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * This node's meters: Vert.x's own (HTTP, pools, event loops, JVM) share the registry with the product's, named here
 * once so the README and the Grafana dashboard can rely on them. One registry per node (several nodes may run in one
 * JVM, as in tests). Without {@code METRICS_TOKEN} the node is {@link #off()}: every meter is a no-op.
 */
public final class Metrics {
    public static final String TICKETS_ISSUED = "antrean.tickets.issued";
    public static final String TICKETS_CALLED = "antrean.tickets.called";
    public static final String CALL_EVENT_DELAY = "antrean.call.event.delay";
    public static final String SSE_CLIENTS = "antrean.sse.clients";
    public static final String OUTBOX_PENDING = "antrean.outbox.pending";
    public static final String OUTBOX_DEAD = "antrean.outbox.dead";
    public static final String BPJS_CALL = "antrean.bpjs.call";
    public static final String BPJS_FAILURES = "antrean.bpjs.failures";
    public static final String BACKUP_AGE = "antrean.backup.age";

    /** A few buckets, not a percentile histogram's seventy: the delay is tagged by facility, and there may be 500. */
    private static final Duration[] CALL_BUCKETS = millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000);
    private static final Duration[] BPJS_BUCKETS = millis(50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000);

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    private Metrics(MeterRegistry registry, PrometheusMeterRegistry prometheus) {
        this.registry = registry;
        this.prometheus = prometheus;
    }

    /** Meters kept for Prometheus to scrape. */
    public static Metrics prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        return new Metrics(registry, registry);
    }

    /** No meter is kept: a composite registry with nothing in it hands out no-op meters. */
    public static Metrics off() {
        return new Metrics(new CompositeMeterRegistry(), null);
    }

    public boolean enabled() {
        return prometheus != null;
    }

    /** Where Vert.x and the features register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The text Prometheus reads; only when {@link #enabled()}. */
    public String scrape() {
        return prometheus.scrape();
    }

    public String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    /** A ticket was issued (walk-in or booking) at the facility. */
    public void ticketIssued(String facility) {
        Counter.builder(TICKETS_ISSUED).description("Tickets issued (walk-ins and bookings)")
                .tag("facility", facility).register(registry).increment();
    }

    /** A ticket was called to a counter at the facility (recalls not counted). */
    public void ticketCalled(String facility) {
        Counter.builder(TICKETS_CALLED).description("Tickets called to a counter")
                .tag("facility", facility).register(registry).increment();
    }

    /** From a call's notification arriving at this node (PostgreSQL sends it at commit) to its SSE frame written. */
    public void callToEvent(String facility, long nanos) {
        Timer.builder(CALL_EVENT_DELAY).description("From a call's commit to its event written to a screen's stream")
                .tag("facility", facility).serviceLevelObjectives(CALL_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The event streams (displays, consoles) open on this node. */
    public void sseClients(Supplier<Number> count) {
        Gauge.builder(SSE_CLIENTS, count).description("Server-sent event streams open on this node").register(registry);
    }

    /** One call to BPJS: {@code service} pcare or antrean, {@code outcome} ok or the failure's kind. */
    public void bpjsCall(String service, String outcome, long nanos) {
        Timer.builder(BPJS_CALL).description("Calls to BPJS web services")
                .tags("service", service, "outcome", outcome).serviceLevelObjectives(BPJS_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (!"ok".equals(outcome)) {
            Counter.builder(BPJS_FAILURES).description("Calls to BPJS that failed")
                    .tags("service", service, "outcome", outcome).register(registry).increment();
        }
    }

    /** The age of the last successful backup, read at each scrape (NaN before the first). */
    public void backupAge(DoubleSupplier seconds) {
        Gauge.builder(BACKUP_AGE, seconds::getAsDouble).description("Seconds since the last successful backup")
                .baseUnit("seconds").register(registry);
    }

    private static Duration[] millis(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    }

    /** Sets a gauge sampled from the database (outbox, backups): kept until set again. */
    public void set(String name, String description, String facility, long value) {
        String key = name + "|" + facility;
        gauges.computeIfAbsent(key, k -> {
            AtomicLong holder = new AtomicLong();
            Gauge.Builder<AtomicLong> gauge = Gauge.builder(name, holder, AtomicLong::get).description(description);
            if (facility != null) {
                gauge.tag("facility", facility);
            }
            gauge.register(registry);
            return holder;
        }).set(value);
    }
}
