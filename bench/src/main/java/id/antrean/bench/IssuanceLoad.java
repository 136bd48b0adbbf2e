package id.antrean.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Walk-in tickets over HTTP as kiosks take them: {@code POST …/tickets} with a kiosk token and a fresh
 * Idempotency-Key, spread over facilities × polis or all on one hot poli. Two shapes of load: closed
 * (N callers back to back: the throughput ceiling) and open (a fixed rate whatever the answers: latency
 * at that rate, timed from when each request was due so a slow server cannot hide its queue).
 */
public final class IssuanceLoad implements AutoCloseable {
    /** What a run saw. */
    public record Result(String name, int ok, int failed, Duration elapsed, Latencies latencies, String tail) {
        Result(String name, int ok, int failed, Duration elapsed, Latencies latencies) {
            this(name, ok, failed, elapsed, latencies, "");
        }

        public double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return "%s: %d ok, %d failed in %.1f s = %.0f/s; %s%s".formatted(name, ok, failed,
                    elapsed.toMillis() / 1000.0, perSecond(), latencies.summary(), tail.isEmpty() ? "" : "; " + tail);
        }
    }

    private final Vertx vertx = GeneratorVertx.create();
    private final HttpClient http;
    private final int port;
    private final int facilities;
    private final boolean hot;

    public IssuanceLoad(int port, int facilities, boolean hot) {
        this.port = port;
        this.facilities = facilities;
        this.hot = hot;
        this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(512));
    }

    /** {@code callers} issuing back to back for {@code duration}. */
    public Result closed(String name, int callers, Duration duration) {
        Latencies latencies = new Latencies();
        int[] counts = new int[2];
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Promise<Void> done = Promise.promise();
        int[] running = {callers};
        vertx.runOnContext(v -> {
            for (int i = 0; i < callers; i++) {
                loop(end, latencies, counts, () -> {
                    if (--running[0] == 0) {
                        done.complete();
                    }
                });
            }
        });
        done.future().await();
        return new Result(name, counts[0], counts[1], Duration.ofNanos(System.nanoTime() - start), latencies);
    }

    private void loop(long end, Latencies latencies, int[] counts, Runnable finished) {
        if (System.nanoTime() >= end) {
            finished.run();
            return;
        }
        long sent = System.nanoTime();
        issueOne().onComplete(ar -> {
            latencies.record(System.nanoTime() - sent);
            counts[ar.succeeded() && ar.result() == 201 ? 0 : 1]++;
            loop(end, latencies, counts, finished);
        });
    }

    /** {@code rate} requests per second for {@code duration}, each timed from when it was due. */
    public Result open(String name, int rate, Duration duration) {
        Latencies latencies = new Latencies();
        int[] counts = new int[2];
        long total = (long) rate * duration.toSeconds();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        Promise<Void> done = Promise.promise();
        long[] scheduled = {0};
        long[] answered = {0};
        vertx.runOnContext(v -> vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (scheduled[0] < total && start + scheduled[0] * interval <= now) {
                long due = start + scheduled[0] * interval;
                scheduled[0]++;
                issueOne().onComplete(ar -> {
                    latencies.record(System.nanoTime() - due, due);
                    counts[ar.succeeded() && ar.result() == 201 ? 0 : 1]++;
                    if (++answered[0] == total) {
                        done.complete();
                    }
                });
            }
            if (scheduled[0] == total) {
                vertx.cancelTimer(timer);
            }
        }));
        done.future().await();
        return new Result(name, counts[0], counts[1], Duration.ofNanos(System.nanoTime() - start), latencies,
                latencies.tail(99, start));
    }

    private Future<Integer> issueOne() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int facility = hot ? 1 : 1 + random.nextInt(facilities);
        int poli = hot ? 1 : 1 + random.nextInt(BenchFacilities.POLIS);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setPort(port)
                .setURI("/api/v1/facilities/" + BenchFacilities.code(facility) + "/tickets")
                .putHeader("Authorization", "Bearer " + BenchFacilities.kioskToken(facility))
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .putHeader("Content-Type", "application/json");
        Buffer body = new JsonObject().put("service", BenchFacilities.poli(poli)).put("payer", "UMUM").toBuffer();
        return http.request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(b -> response.statusCode()));
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
