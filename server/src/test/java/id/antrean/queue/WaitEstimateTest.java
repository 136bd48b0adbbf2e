package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
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
    void withoutHistoryAPatientIsThePolisTypicalTimeSharedAmongTheCountersOfTheService() {
        server.walkIn("GIGI");
        server.walkIn("GIGI");
        JsonObject third = server.walkIn("GIGI");

        // Poli Gigi has one room and a typical time of five minutes: two people ahead, ten minutes.
        assertThat(third.getInteger("estimatedWaitMinutes")).isEqualTo(10);
        JsonObject gigi = board("GIGI");
        assertThat(gigi.getInteger("estimatedWaitMinutes")).isEqualTo(15);
        assertThat(gigi.getJsonArray("waiting").getJsonObject(0).getInteger("estimatedWaitMinutes")).isZero();
    }

    /** The morning of the issue: staff click "finish" right after "call", and the old pace said 20 seconds a patient. */
    @Test
    void callAndFinishClickedTogetherDoNotMakeTheEstimateShort() {
        serveInBursts(17, Duration.ofMinutes(8));
        clock.advance(Duration.ofMinutes(1));   // past the estimator's short cache
        JsonObject ticket = server.walkIn("UMUM");

        // Calls came every eight minutes at R-UMUM-1, the only room calling: three ahead → 24 minutes (was 1).
        assertThat(ticket.getInteger("position")).isEqualTo(4);
        assertThat(ticket.getInteger("estimatedWaitMinutes")).isEqualTo(24);
    }

    /**
     * The paces are measured again in the background while the cached ones are still served, so the request that
     * finds them old does not wait for a query over four weeks of calls (issue #18: it made the p99 of the board,
     * a ticket, issuance and call-next).
     */
    @Test
    void pacesAreRefreshedAheadOfTheirExpiryWhileTheCachedOnesAreServed() {
        server.walkIn("GIGI");
        server.walkIn("GIGI");
        assertThat(board("GIGI").getInteger("estimatedWaitMinutes")).isEqualTo(10);   // 2 × 5 minutes
        server.sql("UPDATE service SET typical_service_minutes = 7 WHERE code = 'GIGI'");

        clock.advance(WaitEstimator.CACHE_FOR.minusSeconds(5));
        // Still the cached pace: nobody waits for the measure...
        assertThat(board("GIGI").getInteger("estimatedWaitMinutes")).isEqualTo(10);
        // ...which that read started, so the new pace follows before the cached one has expired.
        assertThat(Eventually.poll(Duration.ofSeconds(10), () -> board("GIGI").getInteger("estimatedWaitMinutes"),
                minutes -> minutes == 14)).isEqualTo(14);
    }

    @Test
    void theEstimateNeverPromisesLessThanThePolisTypicalTimePerPersonAhead() {
        serveInBursts(17, Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(1));
        JsonObject ticket = server.walkIn("UMUM");

        // Two minutes a patient measured, but Poli Umum's typical time is five: three ahead → 15 minutes.
        assertThat(ticket.getInteger("estimatedWaitMinutes")).isEqualTo(15);
    }

    @Test
    void withNeitherHistoryNorATypicalTimeTheEstimateIsHiddenEverywhere() {
        JsonObject typical = setTypicalMinutes("GIGI", null);
        assertThat(typical.getValue("typicalServiceMinutes")).isNull();
        clock.advance(Duration.ofMinutes(1));

        server.walkIn("GIGI");
        JsonObject second = server.walkIn("GIGI");

        assertThat(second.containsKey("estimatedWaitMinutes")).isTrue();
        assertThat(second.getValue("estimatedWaitMinutes")).isNull();
        JsonObject gigi = board("GIGI");
        assertThat(gigi.getValue("estimatedWaitMinutes")).isNull();
        assertThat(gigi.getJsonArray("waiting").getJsonObject(1).getValue("estimatedWaitMinutes")).isNull();
        assertThat(server.get("/api/v1/facilities/pkm-demo/tickets/" + second.getLong("id")).bodyAsJsonObject()
                .getValue("estimatedWaitMinutes")).isNull();
        assertThat(server.get("/api/v1/facilities/pkm-demo/tickets/" + second.getLong("id") + "/ticket.pdf")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminSetsAPolisTypicalTimeVersionedAuditedAndAnnounced() {
        WebClient admin = server.as(server.login("admin"));
        HttpResponse<Buffer> read = admin.get(SERVICES + "/GIGI").send().await();
        assertThat(read.bodyAsJsonObject().getInteger("typicalServiceMinutes")).isEqualTo(5);

        for (Object bad : new Object[] {0, 241, "12", 2.5}) {
            HttpResponse<Buffer> refused = admin.put(SERVICES + "/GIGI").putHeader("If-Match", read.getHeader("ETag"))
                    .sendJsonObject(change(read.bodyAsJsonObject()).put("typicalServiceMinutes", bad)).await();
            assertThat(refused.statusCode()).as("typical time " + bad).isEqualTo(400);
        }
        try (SseClient console = SseClient.connect(server)) {
            console.next(Duration.ofSeconds(5));
            JsonObject saved = setTypicalMinutes("GIGI", 12);

            assertThat(saved.getInteger("typicalServiceMinutes")).isEqualTo(12);
            assertThat(saved.getInteger("version")).isEqualTo(read.bodyAsJsonObject().getInteger("version") + 1);
            assertThat(console.next(Duration.ofSeconds(5)).getString("type")).isEqualTo("SETTINGS_CHANGED");
        }
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'SERVICE_CHANGED'"
                + " AND (details -> 'before' ->> 'typicalServiceMinutes')::int = 5"
                + " AND (details -> 'after' ->> 'typicalServiceMinutes')::int = 12")).isEqualTo(1);
        assertThat(server.count("SELECT typical_service_minutes FROM service WHERE code = 'GIGI'"
                + " AND facility_id = (SELECT facility_id FROM facility WHERE code = 'pkm-demo')")).isEqualTo(12);

        clock.advance(Duration.ofMinutes(1));   // past the estimator's short cache
        server.walkIn("GIGI");
        assertThat(server.walkIn("GIGI").getInteger("estimatedWaitMinutes")).isEqualTo(12);
    }

    private static final String SERVICES = "/api/v1/facilities/pkm-demo/services";

    /** A service's editable fields as read, for a PUT. */
    private static JsonObject change(JsonObject read) {
        JsonObject body = new JsonObject();
        for (String field : new String[] {"name", "prefix", "bpjsCode", "kioskVisible", "open", "sortOrder"}) {
            body.put(field, read.getValue(field));
        }
        return body;
    }

    private JsonObject setTypicalMinutes(String service, Integer minutes) {
        WebClient admin = server.as(server.login("admin"));
        HttpResponse<Buffer> read = admin.get(SERVICES + "/" + service).send().await();
        HttpResponse<Buffer> saved = admin.put(SERVICES + "/" + service).putHeader("If-Match", read.getHeader("ETag"))
                .sendJsonObject(change(read.bodyAsJsonObject()).put("typicalServiceMinutes", minutes)).await();
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        return saved.bodyAsJsonObject();
    }

    private JsonObject board(String service) {
        return server.get("/api/v1/facilities/pkm-demo/queue").bodyAsJsonObject().getJsonArray("services").stream()
                .map(JsonObject.class::cast).filter(s -> s.getString("code").equals(service)).findFirst().orElseThrow();
    }

    /**
     * Twenty Umum patients in line; R-UMUM-1 calls one every {@code every}, and its staff click "finish" twenty
     * seconds after each call, while the patient is still inside.
     */
    private void serveInBursts(int calls, Duration every) {
        for (int i = 0; i < 20; i++) {
            server.walkIn("UMUM");
        }
        for (int i = 0; i < calls; i++) {
            assertThat(server.counter("R-UMUM-1", "call-next", null).statusCode()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(20));
            server.counter("R-UMUM-1", "finish", null);
            clock.advance(every.minusSeconds(20));
        }
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
