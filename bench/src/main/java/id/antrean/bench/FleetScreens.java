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
import java.util.concurrent.atomic.AtomicLong;

/**
 * One waiting-room display per facility of a {@link FacilityFleet}: each holds its facility's event stream open and,
 * like the display page, reads nothing else — its wait estimates come from the stream's {@code event: paces}
 * messages, which it counts. Calls are made in the facilities in turn and each is timed to its facility's screen,
 * from the call's response.
 */
final class FleetScreens implements AutoCloseable {
    /** What the calls saw. */
    record Calls(int rounds, Latencies fromResponse, long missed, long empty) {
        @Override
        public String toString() {
            return "call → screen, %d calls spread over the facilities: %s from the call's response; %d missed%s"
                    .formatted(rounds, fromResponse.summary(), missed,
                            empty > 0 ? "; " + empty + " rounds found nobody to call (skipped)" : "");
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http;
    private final int port;
    private final int facilities;
    /** Per called ticket id: when its facility's screen received the call (nanoTime). */
    private final Map<Long, Long> receipts = new ConcurrentHashMap<>();
    private final List<HttpClientResponse> streams = new ArrayList<>();
    private final AtomicLong pacesMessages = new AtomicLong();

    FleetScreens(int port, int facilities) {
        this.port = port;
        this.facilities = facilities;
        this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost").setDefaultPort(port)
                .setIdleTimeout(0), new PoolOptions().setHttp1MaxSize(facilities + 200));
    }

    /** Opens one screen per facility; returns once each has its SNAPSHOT. */
    void connect() {
        CountDownLatch ready = new CountDownLatch(facilities);
        List<Future<HttpClientResponse>> opened = new ArrayList<>();
        for (int f = 1; f <= facilities; f++) {
            opened.add(openStream(f, ready));
        }
        for (Future<HttpClientResponse> stream : opened) {
            streams.add(stream.await());
        }
        try {
            if (!ready.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(ready.getCount() + " screens got no snapshot");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Future<HttpClientResponse> openStream(int facility, CountDownLatch ready) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setPort(port)
                .setURI("/api/v1/facilities/" + BenchFacilities.code(facility) + "/events")
                .putHeader("Authorization", "Bearer " + FacilityFleet.displayToken(facility, 1))
                .putHeader("Accept", "text/event-stream");
        return http.request(options).compose(request -> request.send()).map(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("event stream of facility " + facility + " answered "
                        + response.statusCode());
            }
            response.handler(RecordParser.newDelimited("\n", line -> onLine(line, ready)));
            return response;
        });
    }

    private void onLine(Buffer line, CountDownLatch ready) {
        if (line.length() == 12 && "event: paces".equals(line.toString())) {
            pacesMessages.incrementAndGet();
            return;
        }
        if (line.length() < 6 || line.getByte(0) != 'd') {
            return;
        }
        long now = System.nanoTime();
        JsonObject event = new JsonObject(line.getString(6, line.length()));
        String type = event.getString("type");
        if ("SNAPSHOT".equals(type)) {
            ready.countDown();
        } else if ("TICKET_CALLED".equals(type)) {
            receipts.putIfAbsent(event.getJsonObject("ticket").getLong("id"), now);
        }
    }

    /** The {@code paces} messages the screens received so far (the display page works its estimates out of them). */
    long pacesMessages() {
        return pacesMessages.get();
    }

    /**
     * {@code rounds} times, in facility after facility: a walk-in at the kiosk of poli S1, then room R1 calls the
     * next patient; the facility's screen's receipt of that call is timed from the call's response.
     */
    Calls calls(int rounds) {
        Latencies fromResponse = new Latencies();
        long missed = 0;
        long empty = 0;
        for (int r = 0; r < rounds; r++) {
            // A stride prime to the count visits every facility before any twice.
            int facility = 1 + (int) ((long) r * 7919 % facilities);
            String base = "/api/v1/facilities/" + BenchFacilities.code(facility);
            send(base + "/tickets", BenchFacilities.kioskToken(facility),
                    new JsonObject().put("service", "S1").put("payer", "UMUM"), 201);
            JsonObject called = send(base + "/counters/R1/call-next", FacilityFleet.OPERATOR_TOKEN, new JsonObject(), 200);
            long answered = System.nanoTime();
            if (called == null) {
                // 409 QUEUE_EMPTY: seen once at 1,000 facilities, in a facility whose local day had just turned.
                empty++;
                continue;
            }
            long ticket = called.getLong("id");
            Deadline.await(Duration.ofSeconds(10), () -> receipts.containsKey(ticket));
            Long at = receipts.remove(ticket);
            if (at == null) {
                missed++;
            } else {
                fromResponse.record(Math.max(0, at - answered));
            }
        }
        return new Calls(rounds, fromResponse, missed, empty);
    }

    private JsonObject send(String uri, String token, JsonObject body, int expected) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setPort(port).setURI(uri)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .putHeader("Content-Type", "application/json");
        return http.request(options)
                .compose(r -> r.send(body.toBuffer()))
                .compose(response -> response.body().map(b -> {
                    if (response.statusCode() == 409 && b.toString().contains("QUEUE_EMPTY")) {
                        return null;
                    }
                    if (response.statusCode() != expected) {
                        throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + b);
                    }
                    return b.toJsonObject();
                })).await();
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
