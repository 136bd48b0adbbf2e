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

        // Eight minutes a patient, and only one of Umum's two rooms has been calling: two ahead → 16 minutes.
        assertThat(third.getInteger("estimatedWaitMinutes")).isEqualTo(16);
        String text = new String(server.get("/api/v1/facilities/pkm-demo/tickets/" + third.getLong("id") + "/ticket.pdf")
                .body().getBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF");
    }

    /**
     * A seeded history: on Tuesday, three Umum patients at 08:xx took 4 minutes each, three at 10:xx took 12.
     * On Wednesday the estimate follows the hour of the day: 4 minutes a patient at 08:xx, 12 at 10:xx, and at
     * 11:xx (no history) the mean over all hours, weighted towards the latest: 4, 4, 4, 5.6, 6.88, 7.904.
     */
    @Test
    void theEstimateFollowsTheServicesPaceAtThatHourOfTheDay() {
        clock.set(java.time.Instant.parse("2026-11-24T00:00:00Z"));   // Tuesday 08:00 WITA
        server.relogin();
        serve(3, Duration.ofMinutes(4));
        clock.set(java.time.Instant.parse("2026-11-24T02:00:00Z"));   // 10:00 WITA
        serve(3, Duration.ofMinutes(12));

        assertThat(thirdInLineAt("2026-11-25T00:05:00Z")).isEqualTo(4);   // Wednesday 08:05: 2 ahead × 4 / 2 rooms
        assertThat(thirdInLineAt("2026-11-25T02:05:00Z")).isEqualTo(12);  // 10:05: 2 ahead × 12 / 2 rooms
        assertThat(thirdInLineAt("2026-11-25T03:05:00Z")).isEqualTo(8);   // 11:05: 2 × 7.904 / 2, rounded up
    }

    private void serve(int patients, Duration each) {
        for (int i = 0; i < patients; i++) {
            server.walkIn("UMUM");
            server.counter("R-UMUM-1", "call-next", null);
            clock.advance(each);
            server.counter("R-UMUM-1", "finish", null);
        }
    }

    /** Issues three Umum tickets at that instant (the line empty before) and returns the third's estimate. */
    private int thirdInLineAt(String instant) {
        clock.set(java.time.Instant.parse(instant));
        server.relogin();
        for (JsonObject waiting : server.get("/api/v1/facilities/pkm-demo/queue").bodyAsJsonObject()
                .getJsonArray("services").getJsonObject(0).getJsonArray("waiting").stream()
                .map(JsonObject.class::cast).toList()) {
            server.counter("R-UMUM-2", "cancel", new JsonObject().put("ticket", waiting.getLong("id")));
        }
        server.walkIn("UMUM");
        server.walkIn("UMUM");
        return server.walkIn("UMUM").getInteger("estimatedWaitMinutes");
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
