package id.antrean.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
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

/**
 * Call → screen: N screens hold the facility's event stream open on one node; a room calls the next patient;
 * each screen's receipt of that {@code TICKET_CALLED} is timed from the moment the room got its answer.
 */
public final class SseLatency implements AutoCloseable {
    /** What one size saw. */
    public record Result(int clients, int rounds, Latencies fromResponse, Latencies fromRequest, long missed,
                         long beforeResponse) {
        @Override
        public String toString() {
            return "%d screens × %d calls: from the call's response %s; from the call's request %s; %d missed, %d arrived before the response"
                    .formatted(clients, rounds, fromResponse.summary(), fromRequest.summary(), missed, beforeResponse);
        }
    }

    private static final String FACILITY = "pkm-demo";
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http;
    private final int port;
    private final String staffToken;
    /** Per called ticket id: when each screen received it (nanoTime), filled from the event loops. */
    private final Map<Long, List<Long>> receipts = new ConcurrentHashMap<>();
    private final List<io.vertx.core.http.HttpClientResponse> streams = new ArrayList<>();

    public SseLatency(int port, String staffToken) {
        this.port = port;
        this.staffToken = staffToken;
        this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port)
                .setIdleTimeout(0), new PoolOptions().setHttp1MaxSize(5000));
    }

    /** Connects screens until {@code clients} are open; each is ready once its SNAPSHOT came. */
    public void connect(int clients) {
        int missing = clients - streams.size();
        CountDownLatch ready = new CountDownLatch(missing);
        List<Future<io.vertx.core.http.HttpClientResponse>> opened = new ArrayList<>();
        for (int i = 0; i < missing; i++) {
            opened.add(openStream(ready));
        }
        for (Future<io.vertx.core.http.HttpClientResponse> f : opened) {
            streams.add(f.await());
        }
        await(ready, Duration.ofSeconds(60), "screens did not all get their snapshot");
    }

    private Future<io.vertx.core.http.HttpClientResponse> openStream(CountDownLatch ready) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setPort(port)
                .setURI("/api/v1/facilities/" + FACILITY + "/events")
                .putHeader("Authorization", "Bearer " + ServerProcess.DISPLAY_TOKEN)
                .putHeader("Accept", "text/event-stream");
        return http.request(options).compose(request -> request.send()).map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("event stream answered " + response.statusCode());
            }
            RecordParser lines = RecordParser.newDelimited("\n", line -> onLine(line, ready));
            response.handler(lines);
            return response;
        });
    }

    private void onLine(Buffer line, CountDownLatch ready) {
        if (line.length() < 6 || line.getByte(0) != 'd') {
            return;
        }
        long now = System.nanoTime();
        JsonObject event = new JsonObject(line.getString(6, line.length()));
        String type = event.getString("type");
        if ("SNAPSHOT".equals(type)) {
            ready.countDown();
        } else if ("TICKET_CALLED".equals(type)) {
            long ticket = event.getJsonObject("ticket").getLong("id");
            receipts.computeIfAbsent(ticket, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(now);
        }
    }

    /** {@code rounds} times: a walk-in is issued, then Ruang Umum 1 calls next; each screen's receipt is timed. */
    public Result measure(int rounds) {
        int clients = streams.size();
        Latencies fromResponse = new Latencies();
        Latencies fromRequest = new Latencies();
        long missed = 0;
        long early = 0;
        for (int r = 0; r < rounds; r++) {
            issueWalkIn();
            long sent = System.nanoTime();
            JsonObject called = post("/api/v1/facilities/" + FACILITY + "/counters/R-UMUM-1/call-next", null);
            long answered = System.nanoTime();
            long ticket = called.getLong("id");
            Deadline.await(Duration.ofSeconds(10), () -> receipts.getOrDefault(ticket, List.of()).size() >= clients);
            List<Long> got = receipts.remove(ticket);
            missed += clients - (got == null ? 0 : got.size());
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
        return new Result(clients, rounds, fromResponse, fromRequest, missed, early);
    }

    private void issueWalkIn() {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setPort(port)
                .setURI("/api/v1/facilities/" + FACILITY + "/tickets")
                .putHeader("Authorization", "Bearer " + staffToken)
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .putHeader("Content-Type", "application/json");
        http.request(options).compose(r -> r.send(new JsonObject().put("service", "UMUM").put("payer", "UMUM").toBuffer()))
                .compose(response -> response.body()).await();
    }

    private JsonObject post(String uri, JsonObject body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setPort(port).setURI(uri)
                .putHeader("Authorization", "Bearer " + staffToken)
                .putHeader("Content-Type", "application/json");
        return http.request(options)
                .compose(r -> r.send(body == null ? Buffer.buffer("{}") : body.toBuffer()))
                .compose(response -> response.body().map(b -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + b);
                    }
                    return b.toJsonObject();
                })).await();
    }

    private static void await(CountDownLatch latch, Duration within, String failure) {
        if (!awaitQuietly(latch, within)) {
            throw new IllegalStateException(failure + " (" + latch.getCount() + " missing)");
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch, Duration within) {
        try {
            return latch.await(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
