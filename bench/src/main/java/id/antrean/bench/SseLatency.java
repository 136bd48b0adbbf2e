package id.antrean.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * Call → screen: N screens hold the facility's event stream open, spread over one or more nodes; a room calls
 * the next patient; each screen's receipt of that {@code TICKET_CALLED} is timed from the moment the room got
 * its answer. A screen whose stream ends resumes on the next live node with {@code Last-Event-ID} after
 * 250 ms, as the display does ({@code live-events.js}); every event id a screen skipped counts as missed.
 */
public final class SseLatency implements AutoCloseable {
    /** What one size saw. */
    public record Result(String label, int clients, int rounds, Latencies fromResponse, Latencies fromRequest,
                         long missed, long beforeResponse, long resumed, long screensMissing) {
        @Override
        public String toString() {
            return ("%s%d screens × %d calls: from the call's response %s; from the call's request %s; %d events missed"
                    + " (%d screens missed any), %d arrived before the response, %d resumes")
                    .formatted(label.isEmpty() ? "" : label + ": ", clients, rounds, fromResponse.summary(),
                            fromRequest.summary(), missed, screensMissing, beforeResponse, resumed);
        }
    }

    private static final String FACILITY = "pkm-demo";
    private static final long RESUME_AFTER_MS = 250;
    private final Vertx vertx = GeneratorVertx.create();
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<Integer> ports;
    private final String staffToken;
    /** Which nodes a screen may (re)connect to: a killed node is taken out, as a load balancer would. */
    private volatile IntPredicate live = node -> true;
    /** Per called ticket id: when each screen received it (nanoTime), filled from the event loops. */
    private final Map<Long, List<Long>> receipts = new ConcurrentHashMap<>();
    private final List<Screen> screens = new ArrayList<>();

    /** One screen: the last event id it has, and what it missed along the way. */
    private final class Screen {
        int node;
        long lastId = -1;
        long pendingId = -1;
        volatile long missed;
        volatile int resumes;
        final CountDownLatch ready;

        Screen(int node, CountDownLatch ready) {
            this.node = node;
            this.ready = ready;
        }
    }

    public SseLatency(List<Integer> ports, String staffToken) {
        this.ports = List.copyOf(ports);
        this.staffToken = staffToken;
        for (int port : ports) {
            // One connection per screen: the pool must not queue the streams behind each other.
            clients.add(vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port)
                    .setIdleTimeout(0).setConnectTimeout(10_000), new PoolOptions().setHttp1MaxSize(20_000)));
        }
    }

    public SseLatency(int port, String staffToken) {
        this(List.of(port), staffToken);
    }

    /** Connects screens, spread evenly over the nodes, until {@code count} are open; each is ready once its SNAPSHOT came. */
    public void connect(int count) {
        int missing = count - screens.size();
        CountDownLatch ready = new CountDownLatch(missing);
        for (int i = 0; i < missing; i++) {
            Screen screen = new Screen(screens.size() % ports.size(), ready);
            screens.add(screen);
            open(screen);
            // In steps of 500, so the nodes' accept queues do not overflow into SYN retries.
            long opened = i + 1;
            if (opened % 500 == 0 && !Deadline.await(Duration.ofSeconds(60), () -> ready.getCount() <= missing - opened)) {
                throw new IllegalStateException("screens did not get their snapshot (" + ready.getCount() + " missing)");
            }
        }
        await(ready, Duration.ofSeconds(120), "screens did not all get their snapshot");
    }

    private void open(Screen screen) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setPort(ports.get(screen.node))
                .setURI("/api/v1/facilities/" + FACILITY + "/events")
                .putHeader("Authorization", "Bearer " + ServerProcess.DISPLAY_TOKEN)
                .putHeader("Accept", "text/event-stream");
        synchronized (screen) {
            if (screen.lastId >= 0) {
                options.putHeader("Last-Event-ID", Long.toString(screen.lastId));
            }
        }
        clients.get(screen.node).request(options).compose(request -> request.send()).<HttpClientResponse>map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("event stream answered " + response.statusCode());
            }
            response.handler(RecordParser.newDelimited("\n", line -> onLine(screen, line)));
            response.endHandler(v -> resume(screen));
            response.exceptionHandler(e -> resume(screen));
            return response;
        }).onFailure(e -> resume(screen));
    }

    /** The stream ended or could not open: again in 250 ms, on the next node still in service. */
    private void resume(Screen screen) {
        synchronized (screen) {
            if (screen.resumes < 0) {
                return;
            }
            screen.resumes++;
            for (int i = 1; i <= ports.size(); i++) {
                int next = (screen.node + i) % ports.size();
                if (live.test(next)) {
                    screen.node = next;
                    break;
                }
            }
        }
        vertx.setTimer(RESUME_AFTER_MS, t -> open(screen));
    }

    /**
     * Reads only what it needs of each line (the id, the type, the called ticket's id): thousands of screens
     * share the machine with the server, so the load generator does no full JSON parse per screen.
     */
    private void onLine(Screen screen, Buffer line) {
        if (line.length() > 4 && line.getByte(0) == 'i' && line.getByte(1) == 'd') {
            synchronized (screen) {
                screen.pendingId = Long.parseLong(line.getString(4, line.length()).strip());
            }
            return;
        }
        if (line.length() < 6 || line.getByte(0) != 'd') {
            return;
        }
        long now = System.nanoTime();
        String data = line.getString(6, line.length());
        boolean snapshot = data.startsWith("\"type\":\"SNAPSHOT\"", data.indexOf(',') + 1);
        synchronized (screen) {
            long id = screen.pendingId;
            if (screen.lastId >= 0 && id > screen.lastId + 1) {
                screen.missed += id - screen.lastId - 1;
            }
            if (id > screen.lastId) {
                screen.lastId = id;
            }
        }
        if (snapshot) {
            screen.ready.countDown();
            return;
        }
        int type = data.indexOf("\"type\":\"TICKET_CALLED\"");
        if (type < 0) {
            return;
        }
        int at = data.indexOf("\"ticket\":{\"id\":");
        if (at < 0) {
            long ticket = new JsonObject(data).getJsonObject("ticket").getLong("id");
            record(ticket, now);
            return;
        }
        int from = at + "\"ticket\":{\"id\":".length();
        int to = from;
        while (to < data.length() && Character.isDigit(data.charAt(to))) {
            to++;
        }
        record(Long.parseLong(data.substring(from, to)), now);
    }

    private void record(long ticket, long now) {
        receipts.computeIfAbsent(ticket, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(now);
    }

    /** {@code rounds} times: a walk-in is issued, then Ruang Umum 1 calls next; each screen's receipt is timed. */
    public Result measure(int rounds) {
        return measure("", rounds, -1, null);
    }

    /**
     * As {@link #measure(int)}, through node {@code counterNode}; before round {@code disruptAt} (if ≥ 0) runs
     * {@code disruption} — a node's death. Misses are counted since the last measure.
     */
    public Result measure(String label, int rounds, int disruptAt, Runnable disruption) {
        int clients = screens.size();
        Latencies fromResponse = new Latencies();
        Latencies fromRequest = new Latencies();
        long early = 0;
        long missedBefore = missed();
        long resumesBefore = resumes();
        int counterNode = ports.size() - 1;
        for (int r = 0; r < rounds; r++) {
            if (r == disruptAt && disruption != null) {
                disruption.run();
            }
            issueWalkIn(counterNode);
            long sent = System.nanoTime();
            JsonObject called = post(counterNode, "/api/v1/facilities/" + FACILITY + "/counters/R-UMUM-1/call-next");
            long answered = System.nanoTime();
            long ticket = called.getLong("id");
            Deadline.await(Duration.ofSeconds(30), () -> receipts.getOrDefault(ticket, List.of()).size() >= clients);
            List<Long> got = receipts.remove(ticket);
            if (got != null) {
                synchronized (got) {
                    for (long at : got) {
                        fromRequest.record(at - sent);
                        fromResponse.record(Math.max(0, at - answered));
                        if (at < answered) {
                            early++;
                        }
                    }
                }
            }
        }
        // A screen that never came back has missed what the others have: wait a while, then count it.
        long newest = screens.stream().mapToLong(this::lastId).max().orElse(0);
        Deadline.await(Duration.ofSeconds(30), () -> screens.stream().allMatch(s -> lastId(s) >= newest));
        long behind = screens.stream().mapToLong(s -> Math.max(0, newest - lastId(s))).sum();
        long screensMissing = screens.stream().filter(s -> s.missed > 0 || lastId(s) < newest).count();
        return new Result(label, clients, rounds, fromResponse, fromRequest, missed() - missedBefore + behind, early,
                resumes() - resumesBefore, screensMissing);
    }

    /** Takes a node out of service for reconnects (its screens move to the others when their stream ends). */
    public void retire(int node) {
        IntPredicate before = live;
        live = n -> n != node && before.test(n);
    }

    private long lastId(Screen screen) {
        synchronized (screen) {
            return screen.lastId;
        }
    }

    private long missed() {
        return screens.stream().mapToLong(s -> s.missed).sum();
    }

    private long resumes() {
        return screens.stream().mapToLong(s -> s.resumes).sum();
    }

    private void issueWalkIn(int node) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setPort(ports.get(node))
                .setURI("/api/v1/facilities/" + FACILITY + "/tickets")
                .putHeader("Authorization", "Bearer " + staffToken)
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .putHeader("Content-Type", "application/json");
        clients.get(node).request(options)
                .compose(r -> r.send(new JsonObject().put("service", "UMUM").put("payer", "UMUM").toBuffer()))
                .compose(response -> response.body()).await();
    }

    private JsonObject post(int node, String uri) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setPort(ports.get(node)).setURI(uri)
                .putHeader("Authorization", "Bearer " + staffToken)
                .putHeader("Content-Type", "application/json");
        return clients.get(node).request(options)
                .compose(r -> r.send(Buffer.buffer("{}")))
                .compose(response -> response.body().map(b -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + b);
                    }
                    return b.toJsonObject();
                })).await();
    }

    private static void await(CountDownLatch latch, Duration within, String failure) {
        try {
            if (!latch.await(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(failure + " (" + latch.getCount() + " missing)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failure, e);
        }
    }

    @Override
    public void close() {
        for (Screen screen : screens) {
            synchronized (screen) {
                screen.resumes = -1;
            }
        }
        vertx.close().await();
    }
}
