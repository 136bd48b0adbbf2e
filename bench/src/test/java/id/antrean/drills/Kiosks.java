package id.antrean.drills;

import id.antrean.bench.BenchFacilities;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Kiosks taking walk-in tickets the way the kiosk agent does: each ticket has its own Idempotency-Key, and a
 * request that got no answer (connection refused or cut) or a 503 is sent again with the same key until it is
 * answered. Records every answer and every ticket acknowledged to a kiosk.
 */
final class Kiosks implements AutoCloseable {
    /** One HTTP answer a kiosk got. */
    record Answer(String key, int status, String retryAfter, String body) {
    }

    /** A ticket as the kiosk was told of it (and printed it), with when the answered attempt was sent and answered. */
    record Acknowledged(long id, String label, int number, int status, long sentNanos, long answeredNanos) {
    }

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);
    private static final long RETRY_PAUSE_NANOS = Duration.ofMillis(50).toNanos();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Future<?>> running = new ArrayList<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unanswered = new AtomicInteger();
    /** The nodes a kiosk may reach; after a request got no answer it tries the next (a load balancer's job). */
    private final List<String> bases;
    private final AtomicInteger node = new AtomicInteger();
    private final int facility;
    private volatile boolean stopping;

    Kiosks(String base, int facility) {
        this(List.of(base), facility);
    }

    Kiosks(List<String> bases, int facility) {
        this.bases = List.copyOf(bases);
        this.facility = facility;
    }

    /**
     * {@code kiosks} kiosks taking tickets until {@link #stop()}, each pausing {@code pause} between two tickets
     * (a patient at a time), kiosk k on poli 1 + k % polis.
     */
    void startPaced(String run, int kiosks, int polis, Duration pause) {
        for (int k = 0; k < kiosks; k++) {
            int kiosk = k;
            running.add(threads.submit(() -> {
                for (int i = 0; !stopping; i++) {
                    String key = run + "-" + kiosk + "-" + i;
                    keys.add(key);
                    take(key, BenchFacilities.poli(1 + kiosk % polis));
                    LockSupport.parkNanos(pause.toNanos());
                }
                return null;
            }));
        }
    }

    /** Paced kiosks finish the ticket they are taking and take no other. */
    void stop() {
        stopping = true;
    }

    /** {@code kiosks} kiosks, each taking {@code ticketsEach} tickets back to back, kiosk k on poli 1 + k % polis. */
    void start(String run, int kiosks, int ticketsEach, int polis) {
        for (int k = 0; k < kiosks; k++) {
            int kiosk = k;
            running.add(threads.submit(() -> {
                for (int i = 0; i < ticketsEach; i++) {
                    String key = run + "-" + kiosk + "-" + i;
                    keys.add(key);
                    take(key, BenchFacilities.poli(1 + kiosk % polis));
                }
                return null;
            }));
        }
    }

    private void take(String key, String poli) throws InterruptedException {
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < giveUp) {
            int at = node.get();
            HttpRequest request = HttpRequest.newBuilder(URI.create(bases.get(at % bases.size()) + "/api/v1/facilities/"
                            + BenchFacilities.code(facility) + "/tickets"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + BenchFacilities.kioskToken(facility))
                    .header("Idempotency-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            new JsonObject().put("service", poli).put("payer", "UMUM").encode()))
                    .build();
            HttpResponse<String> response;
            long sent = System.nanoTime();
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                unanswered.incrementAndGet();
                node.compareAndSet(at, at + 1);
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
                continue;
            }
            answers.add(new Answer(key, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.body()));
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                JsonObject ticket = new JsonObject(response.body());
                acknowledged.put(key, new Acknowledged(ticket.getLong("id"), ticket.getString("label"),
                        ticket.getInteger("number"), response.statusCode(), sent, System.nanoTime()));
                return;
            }
            if (response.statusCode() != 503) {
                return; // Anything else is the drill's finding; the test reads it from the answers.
            }
            // A real kiosk waits Retry-After; the drill retries sooner to see the moment of recovery.
            LockSupport.parkNanos(RETRY_PAUSE_NANOS);
        }
        throw new IllegalStateException("no answer for " + key + " within " + GIVE_UP_AFTER);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    Map<String, Acknowledged> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    Set<String> keys() {
        return Set.copyOf(keys);
    }

    /** Requests that got no HTTP answer at all (refused or cut connections) and were sent again. */
    int unanswered() {
        return unanswered.get();
    }

    List<Answer> answers(Predicate<Answer> which) {
        synchronized (answers) {
            return answers.stream().filter(which).toList();
        }
    }

    /** Waits for every kiosk to finish; rethrows what stopped one. */
    void awaitDone(Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        for (Future<?> kiosk : running) {
            try {
                kiosk.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw (Exception) e.getCause();
            } catch (TimeoutException e) {
                throw new AssertionError("kiosks still busy after " + within + "; acknowledged " + acknowledgedCount());
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        http.close();
    }
}
