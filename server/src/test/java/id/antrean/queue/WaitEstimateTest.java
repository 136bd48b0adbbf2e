package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaitEstimateTest {
    private final MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutHistoryAPatientIsFiveMinutesSharedAmongTheCountersOfTheService() {
        server.walkIn("GIGI");
        server.walkIn("GIGI");
        JsonObject third = server.walkIn("GIGI");

        // Poli Gigi has one room: two people ahead, five minutes each.
        assertThat(third.getInteger("estimatedWaitMinutes")).isEqualTo(10);
        JsonObject gigi = server.get("/api/v1/facilities/pkm-demo/queue").bodyAsJsonObject()
                .getJsonArray("services").getJsonObject(1);
        assertThat(gigi.getInteger("estimatedWaitMinutes")).isEqualTo(15);
        assertThat(gigi.getJsonArray("waiting").getJsonObject(0).getInteger("estimatedWaitMinutes")).isZero();
    }

    @Test
    void theEstimateFollowsHowLongTheServiceHasBeenTakingToday() {
        for (int i = 0; i < 3; i++) {
            server.walkIn("UMUM");
            server.counter("R-UMUM-1", "call-next", null);
            clock.advance(Duration.ofMinutes(8));
            server.counter("R-UMUM-1", "finish", null);
        }
        clock.advance(Duration.ofMinutes(1));   // past the estimator's short cache
        server.walkIn("UMUM");
        server.walkIn("UMUM");
        JsonObject third = server.walkIn("UMUM");

        // Eight minutes a patient, two rooms serve Umum: two ahead → 8 minutes.
        assertThat(third.getInteger("estimatedWaitMinutes")).isEqualTo(8);
        String text = new String(server.get("/api/v1/facilities/pkm-demo/tickets/" + third.getLong("id") + "/ticket.pdf")
                .body().getBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF");
    }

    @Test
    void aKiosksPrinterTroubleReachesEveryConsole() {
        String kiosk = server.kioskToken("pkm-demo");
        try (SseClient console = SseClient.connect(server)) {
            console.next(Duration.ofSeconds(5));

            int status = server.as(kiosk).post("/api/v1/facilities/pkm-demo/device-alerts")
                    .sendJsonObject(new JsonObject().put("kind", "PRINTER_PROBLEM").put("problem", "OUT_OF_PAPER"))
                    .await().statusCode();

            assertThat(status).isEqualTo(202);
            JsonObject alert = console.next(Duration.ofSeconds(5));
            assertThat(alert.getString("type")).isEqualTo("DEVICE_ALERT");
            assertThat(alert.getString("problem")).isEqualTo("OUT_OF_PAPER");
            assertThat(alert.getJsonObject("device").getString("name")).isEqualTo("Kiosk test");
        }
    }
}
