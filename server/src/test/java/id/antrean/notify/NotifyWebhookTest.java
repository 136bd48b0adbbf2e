package id.antrean.notify;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #19, second half: a patient who left a phone number hears once when N people are left before them and once
 * when called, through the facility's webhook, even when the gateway fails first; a gateway that is down never
 * holds up a call; the number is never shown anywhere and is gone when the facility's day ends.
 */
class NotifyWebhookTest {
    private static final String FACILITY = "/api/v1/facilities/pkm-demo";
    private static final String SETTINGS = FACILITY + "/notify-settings";
    private static final String GATEWAY_SECRET = "Bearer rahasia-gateway-123";

    /** One request as the fake gateway got it. */
    record Received(String method, String uri, MultiMap headers, String body, int answered) {
    }

    private final MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
    private TestServer server;
    private WebClient admin;
    private WebClient kiosk;
    private HttpServer gateway;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** How many requests the gateway still fails with a 500 before it answers 200. */
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<Boolean> hanging = new AtomicReference<>(false);

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        admin = server.as(server.login("admin"));
        kiosk = server.as(TestServer.DEVICE_TOKEN);
        gateway = server.clientVertx().createHttpServer().requestHandler(this::gateway).listen(0).await();
    }

    @AfterEach
    void stop() {
        gateway.close().await();
        server.close();
    }

    private void gateway(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (hanging.get()) {
                received.add(new Received(request.method().name(), request.uri(), request.headers(), body.toString(), 0));
                return; // never answers: a gateway that hangs
            }
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            received.add(new Received(request.method().name(), request.uri(), request.headers(), body.toString(), status));
            request.response().setStatusCode(status).end(status == 200 ? "{\"status\":true}" : "down");
        });
    }

    private String gatewayUrl() {
        return "http://localhost:" + gateway.actualPort() + "/send?to={phone}";
    }

    private JsonObject settings(int threshold) {
        return new JsonObject().put("enabled", true).put("threshold", threshold).put("webhookUrl", gatewayUrl())
                .put("method", "POST").put("contentType", "application/json")
                .put("headers", new JsonObject().put("Authorization", GATEWAY_SECRET))
                .put("bodyTemplate", "{\"target\":\"{phone}\",\"message\":\"{text}\"}");
    }

    private HttpResponse<Buffer> putSettings(JsonObject body, String etag) {
        var request = admin.put(SETTINGS);
        if (etag != null) {
            request.putHeader("If-Match", etag);
        }
        return request.sendJsonObject(body).await();
    }

    private HttpResponse<Buffer> register(WebClient client, long ticket, String phone) {
        return client.post(FACILITY + "/tickets/" + ticket + "/notify")
                .sendJsonObject(new JsonObject().put("phone", phone)).await();
    }

    private List<Received> delivered() {
        return received.stream().filter(r -> r.answered() == 200).toList();
    }

    /** Moves the test clock to the next retry of a message, so back-off passes without waiting for it. */
    private void retriesAreDue() {
        long due = server.count("SELECT coalesce(extract(epoch FROM min(next_attempt_at)) * 1000000, 0)::bigint "
                + "FROM notify_outbox WHERE status = 'PENDING'");
        Instant next = Instant.EPOCH.plusNanos(due * 1000);
        if (due > 0 && next.isAfter(clock.instant())) {
            clock.set(next);
        }
    }

    private List<Received> deliveredEventually(int count) {
        return Eventually.poll(Duration.ofSeconds(30), () -> {
            retriesAreDue();
            return delivered();
        }, d -> d.size() >= count);
    }

    @Test
    void aPatientHearsExactlyOnceWhenTwoAreLeftAndOnceWhenCalledThroughAGatewayThatFailsTwiceFirst() {
        HttpResponse<Buffer> saved = putSettings(settings(2), null);
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        // The admin sees that a header is set, never its value; sending the masked value back keeps it.
        HttpResponse<Buffer> read = admin.get(SETTINGS).send().await();
        assertThat(read.bodyAsString()).doesNotContain("rahasia");
        assertThat(read.bodyAsJsonObject().getJsonObject("headers").getString("Authorization")).isEqualTo("********");
        assertThat(server.count("SELECT count(*) FROM notify_settings WHERE encode(headers, 'escape') LIKE '%rahasia%'"))
                .isZero();
        HttpResponse<Buffer> resaved = putSettings(read.bodyAsJsonObject().copy().put("threshold", 2),
                read.getHeader("ETag"));
        assertThat(resaved.statusCode()).as(resaved.bodyAsString()).isEqualTo(200);
        failuresLeft.set(2);

        List<JsonObject> tickets = List.of(server.walkIn("UMUM"), server.walkIn("UMUM"), server.walkIn("UMUM"),
                server.walkIn("UMUM"), server.walkIn("UMUM"));
        JsonObject mine = tickets.get(4);
        HttpResponse<Buffer> registered = register(kiosk, mine.getLong("id"), "0812-3456-7890");
        assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(200);

        // Four ahead, then three: nothing yet.
        server.counter("R-UMUM-1", "call-next", null);
        assertThat(received).isEmpty();
        // Two ahead: the "near" message, through two failures.
        server.counter("R-UMUM-1", "call-next", null);
        List<Received> near = deliveredEventually(1);
        assertThat(received).hasSize(3);
        assertThat(received.get(0).answered()).isEqualTo(500);
        assertThat(received.get(1).answered()).isEqualTo(500);
        Received first = near.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.uri()).isEqualTo("/send?to=6281234567890");
        assertThat(first.headers().get("Authorization")).isEqualTo(GATEWAY_SECRET);
        assertThat(first.headers().get("Content-Type")).startsWith("application/json");
        JsonObject body = new JsonObject(first.body());
        assertThat(body.getString("target")).isEqualTo("6281234567890");
        assertThat(body.getString("message"))
                .isEqualTo("Antrean " + mine.getString("label") + ": tinggal 2 orang lagi sebelum Anda di Poli Umum.");

        // One ahead, none ahead: still that one "near" message. Then the call itself.
        server.counter("R-UMUM-1", "call-next", null);
        server.counter("R-UMUM-1", "call-next", null);
        HttpResponse<Buffer> called = server.counter("R-UMUM-1", "call-next", null);
        assertThat(called.bodyAsJsonObject().getLong("id")).isEqualTo(mine.getLong("id"));
        List<Received> both = deliveredEventually(2);
        assertThat(new JsonObject(both.get(1).body()).getString("message"))
                .isEqualTo("Antrean " + mine.getString("label") + ": giliran Anda. Silakan ke Ruang Periksa Umum 1.");
        // Called again (recall): no second message.
        server.counter("R-UMUM-1", "recall", null);
        Eventually.poll(Duration.ofSeconds(10),
                () -> server.count("SELECT count(*) FROM notify_outbox WHERE status <> 'SENT'"), n -> n == 0);
        assertThat(server.count("SELECT count(*) FROM notify_outbox")).isEqualTo(2);
        assertThat(delivered()).hasSize(2);
        assertThat(received).hasSize(4);

        // Never shown: not in the ticket, the board, the events, the audit log, the reports.
        String digits = "81234567890";
        assertThat(server.get(FACILITY + "/tickets/" + mine.getLong("id")).bodyAsString()).doesNotContain(digits);
        assertThat(server.get(FACILITY + "/queue").bodyAsString()).doesNotContain(digits);
        assertThat(registered.bodyAsString()).doesNotContain(digits);
        assertThat(server.count("SELECT count(*) FROM queue_event WHERE payload::text LIKE '%" + digits + "%'")).isZero();
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE details::text LIKE '%" + digits + "%'")).isZero();
        assertThat(server.count("SELECT count(*) FROM notify_outbox WHERE payload::text LIKE '%" + digits + "%'")).isZero();
        assertThat(admin.get(FACILITY + "/stats?from=2026-12-07&to=2026-12-07").send().await().bodyAsString())
                .doesNotContain(digits);

        // The facility's day ends: the number is gone.
        assertThat(server.count("SELECT count(*) FROM notify_phone")).isEqualTo(1);
        clock.set(Instant.parse("2026-12-07T15:59:00Z"));
        server.sweepNotifications();
        assertThat(server.count("SELECT count(*) FROM notify_phone")).as("still the facility's day").isEqualTo(1);
        clock.set(Instant.parse("2026-12-07T16:00:01Z"));
        server.sweepNotifications();
        assertThat(server.count("SELECT count(*) FROM notify_phone")).isZero();
    }

    @Test
    void aGatewayThatHangsNeverDelaysCallNext() {
        assertThat(putSettings(settings(3), null).statusCode()).isEqualTo(200);
        hanging.set(true);
        JsonObject ahead = server.walkIn("UMUM");
        JsonObject mine = server.walkIn("UMUM");
        assertThat(register(server.client(), mine.getLong("id"), "+62 812 3456 7890").statusCode()).isEqualTo(200);
        // One ahead, the threshold is three: the message is on its way and the gateway holds it.
        Eventually.poll(Duration.ofSeconds(20), () -> received.size(), n -> n == 1);

        long started = System.nanoTime();
        JsonObject first = server.counter("R-UMUM-1", "call-next", null).bodyAsJsonObject();
        JsonObject second = server.counter("R-UMUM-1", "call-next", null).bodyAsJsonObject();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first.getLong("id")).isEqualTo(ahead.getLong("id"));
        assertThat(second.getLong("id")).isEqualTo(mine.getLong("id"));
        // The gateway holds each request for the sender's whole 10 s timeout: a call that waited for it would take
        // that long; two calls on a busy test machine take well under half of it.
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(server.count("SELECT count(*) FROM notify_outbox WHERE kind = 'CALLED'")).isEqualTo(1);
    }

    @Test
    void aNumberThatIsNotAnIndonesianMobileIsRefusedWithAStableCodeInBothLanguages() {
        JsonObject ticket = server.walkIn("UMUM");
        HttpResponse<Buffer> off = register(kiosk, ticket.getLong("id"), "081234567890");
        assertThat(off.statusCode()).isEqualTo(409);
        assertThat(off.bodyAsJsonObject().getString("code")).isEqualTo("NOTIFY_DISABLED");

        assertThat(putSettings(settings(3), null).statusCode()).isEqualTo(200);
        for (String bad : List.of("0212345678", "12345", "08123", "+6591234567", "0812345678901234", "08abc12345")) {
            HttpResponse<Buffer> refused = register(kiosk, ticket.getLong("id"), bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
            JsonObject problem = refused.bodyAsJsonObject();
            assertThat(problem.getString("code")).isEqualTo("NOTIFY_PHONE_INVALID");
            assertThat(problem.encode()).doesNotContain("NOTIFY_PHONE_INVALID.");
        }
        for (String good : List.of("081234567890", "+6281234567890", "6281234567890", "0812 3456 789")) {
            assertThat(register(kiosk, ticket.getLong("id"), good).statusCode()).as(good).isEqualTo(200);
        }
        assertThat(server.count("SELECT count(*) FROM notify_phone WHERE phone = '628123456789'")).isEqualTo(1);
    }
}
