package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each device token has a pace (DEVICE_RATE_LIMIT a minute); staff, other devices and event streams are apart. */
class DeviceRateLimitTest {
    private static final String ELIGIBILITY = "/api/v1/facilities/pkm-demo/eligibility?card=0001234567890";
    // 09:00:00 in Makassar: the minute's window ends in 60 seconds.
    private final MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
    private TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(String deviceRateLimit) {
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        env.put("DEVICE_RATE_LIMIT", deviceRateLimit);
        server = TestServer.start(env, clock);
    }

    @Test
    void theLookupBeyondTheLimitWithinAMinuteIsRefusedWithRetryAfterUntilTheNextMinute() {
        start("5");
        WebClient kiosk = server.as(server.kioskToken("pkm-demo"));
        for (int i = 0; i < 5; i++) {
            assertThat(kiosk.get(ELIGIBILITY).send().await().statusCode()).isEqualTo(200);
        }

        HttpResponse<Buffer> sixth = kiosk.get(ELIGIBILITY).send().await();

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.bodyAsJsonObject().getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(sixth.getHeader("Retry-After")).isEqualTo("60");
        HttpResponse<Buffer> ticket = kiosk.post("/api/v1/facilities/pkm-demo/tickets")
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")).await();
        assertThat(ticket.statusCode()).isEqualTo(429);
        assertThat(server.count("SELECT count(*) FROM ticket")).isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(kiosk.get(ELIGIBILITY).send().await().statusCode()).isEqualTo(200);
    }

    @Test
    void anotherDeviceAndStaffAreNotSlowedByADeviceOverItsLimit() {
        start("5");
        WebClient kiosk = server.as(server.kioskToken("pkm-demo"));
        for (int i = 0; i < 6; i++) {
            kiosk.get(ELIGIBILITY).send().await();
        }
        assertThat(kiosk.get(ELIGIBILITY).send().await().statusCode()).isEqualTo(429);

        WebClient otherKiosk = server.as(server.kioskToken("pkm-demo"));
        for (int i = 0; i < 5; i++) {
            assertThat(otherKiosk.get(ELIGIBILITY).send().await().statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(server.get(ELIGIBILITY).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDisplaysEventStreamIsCountedApartFromItsCalls() {
        start("5");
        String display = TestServer.DEVICE_TOKEN;
        for (int i = 0; i < 5; i++) {
            assertThat(server.as(display).get("/api/v1/facilities/pkm-demo/queue").send().await().statusCode())
                    .isEqualTo(200);
        }
        assertThat(server.as(display).get("/api/v1/facilities/pkm-demo/queue").send().await().statusCode())
                .isEqualTo(429);

        // Its calls spent, the screen still (re)connects to its live events — within a limit of their own.
        for (int i = 0; i < 5; i++) {
            try (SseClient stream = SseClient.connect(server.clientVertx(), server.port(), TestServer.DEMO, display)) {
                assertThat(stream.status()).isEqualTo(200);
            }
        }
        try (SseClient stream = SseClient.connect(server.clientVertx(), server.port(), TestServer.DEMO, display)) {
            assertThat(stream.status()).isEqualTo(429);
        }
    }

    @Test
    void zeroTurnsTheLimitOff() {
        start("0");
        WebClient kiosk = server.as(server.kioskToken("pkm-demo"));
        for (int i = 0; i < 200; i++) {
            assertThat(kiosk.get(ELIGIBILITY).send().await().statusCode()).isEqualTo(200);
        }
    }
}
