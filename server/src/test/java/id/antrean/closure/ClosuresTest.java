package id.antrean.closure;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A poli, or the whole facility, closed for a day: no numbers, marked on every screen, audited, announced. */
class ClosuresTest {
    private static final String CLOSURES = "/api/v1/facilities/pkm-demo/closures";
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA).
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private TestServer server;
    private WebClient admin;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        admin = server.as(server.login("admin"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<Buffer> close(String date, String service, String reason) {
        JsonObject body = new JsonObject().put("date", date).put("reason", reason);
        if (service != null) {
            body.put("service", service);
        }
        return admin.post(CLOSURES).sendJsonObject(body).await();
    }

    private HttpResponse<Buffer> issue(String service) {
        return server.issue(TestServer.DEMO, new JsonObject().put("service", service).put("payer", "UMUM"),
                UUID.randomUUID().toString());
    }

    private JsonObject service(JsonObject services, String code) {
        return services.getJsonArray("services").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
    }

    @Test
    void closingGigiTodayRefusesItsNumbersWithTheReasonAndMarksItClosedForKioskAndDisplay() {
        HttpResponse<Buffer> closed = close("2026-11-25", "gigi", "Dokter gigi cuti");

        assertThat(closed.statusCode()).as(closed.bodyAsString()).isEqualTo(201);
        JsonObject closure = closed.bodyAsJsonObject();
        assertThat(closure.getJsonObject("service").getString("code")).isEqualTo("GIGI");
        assertThat(closure.getString("reason")).isEqualTo("Dokter gigi cuti");
        assertThat(closure.getInteger("version")).isEqualTo(1);

        HttpResponse<Buffer> refused = issue("GIGI");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("SERVICE_CLOSED_TODAY");
        assertThat(refused.bodyAsJsonObject().getJsonObject("message").getString("id"))
                .contains("Poli Gigi", "tutup hari ini", "Dokter gigi cuti");
        assertThat(issue("UMUM").statusCode()).isEqualTo(201);
        assertThat(server.count("SELECT count(*) FROM ticket t JOIN service s USING (facility_id) "
                + "WHERE s.service_id = t.home_service_id AND s.code = 'GIGI'")).isZero();

        JsonObject services = server.as(server.kioskToken(TestServer.DEMO))
                .get("/api/v1/facilities/pkm-demo/services").send().await().bodyAsJsonObject();
        assertThat(service(services, "GIGI").getJsonObject("closedToday"))
                .isEqualTo(new JsonObject().put("reason", "Dokter gigi cuti"));
        assertThat(service(services, "GIGI").getBoolean("open")).isTrue();
        assertThat(service(services, "UMUM").containsKey("closedToday")).isFalse();
    }

    @Test
    void theBoardAndTheKioskAgentCarryTheClosureSoTheKioskHidesThePoliAndTheDisplaySaysSo() throws Exception {
        close("2026-11-25", "GIGI", "Dokter gigi cuti");

        JsonObject board = server.as(TestServer.DISPLAY_TOKEN).get("/api/v1/facilities/pkm-demo/queue").send().await()
                .bodyAsJsonObject();
        assertThat(service(board, "GIGI").getJsonObject("closedToday").getString("reason")).isEqualTo("Dokter gigi cuti");
        assertThat(service(board, "UMUM").containsKey("closedToday")).isFalse();

        java.nio.file.Path prints = java.nio.file.Files.createTempDirectory("closure-prints");
        try (KioskAgent kiosk = KioskAgent.start(KioskConfig.fromEnv(java.util.Map.of("PORT", "0",
                "SERVER_URL", "http://localhost:" + server.port(), "FACILITY", TestServer.DEMO,
                "DEVICE_TOKEN", TestServer.DEVICE_TOKEN, "PRINTER", "pdf:" + prints)), clock)) {
            JsonObject offered = server.anonymous().get(kiosk.port(), "localhost", "/api/services").send().await()
                    .bodyAsJsonObject();
            assertThat(service(offered, "GIGI").getJsonObject("closedToday").getString("reason"))
                    .isEqualTo("Dokter gigi cuti");
            assertThat(service(offered, "UMUM").getValue("closedToday")).isNull();
        }
    }

    @Test
    void aClosureIsAuditedAndAnnouncedLiveToScreens() {
        try (SseClient sse = SseClient.connect(server)) {
            sse.next(Duration.ofSeconds(10));

            close("2026-11-26", "UMUM", "Libur Nasional");

            assertThat(sse.until(e -> "SETTINGS_CHANGED".equals(e.getString("type")), Duration.ofSeconds(10)))
                    .last().satisfies(e -> assertThat(e.encode()).contains("\"settings\":\"closures\""));
        }
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'CLOSURE_ADDED' "
                + "AND actor_name = 'admin' AND details -> 'before' = 'null'::jsonb "
                + "AND details -> 'after' ->> 'reason' = 'Libur Nasional' "
                + "AND details -> 'after' ->> 'date' = '2026-11-26'")).isEqualTo(1);
    }

    @Test
    void aWholeFacilityClosureClosesEveryPoliButLeavesOtherDaysOpen() {
        assertThat(close("2026-11-25", null, "Libur Nasional").statusCode()).isEqualTo(201);

        for (String code : new String[] {"UMUM", "GIGI", "KIA"}) {
            assertThat(issue(code).bodyAsJsonObject().getString("code")).isEqualTo("SERVICE_CLOSED_TODAY");
        }
        JsonObject services = server.get("/api/v1/facilities/pkm-demo/services").bodyAsJsonObject();
        assertThat(services.getJsonArray("services").stream().map(JsonObject.class::cast)
                .allMatch(s -> "Libur Nasional".equals(s.getJsonObject("closedToday").getString("reason")))).isTrue();

        clock.set(java.time.Instant.parse("2026-11-26T00:30:00Z"));
        server.relogin();
        assertThat(issue("UMUM").statusCode()).isEqualTo(201);
    }

    @Test
    void theDateIsTheFacilitysLocalDayNeverThePast() {
        // 01:00 on the 25th in Makassar is still the 24th in UTC: the 24th has passed there.
        clock.set(java.time.Instant.parse("2026-11-24T17:00:00Z"));
        admin = server.as(server.login("admin"));

        HttpResponse<Buffer> past = close("2026-11-24", "UMUM", "Terlambat");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.bodyAsJsonObject().getString("code")).isEqualTo("CLOSURE_IN_PAST");
        assertThat(close("2026-11-25", "UMUM", "Rapat").statusCode()).isEqualTo(201);
        assertThat(server.count("SELECT count(*) FROM closure")).isEqualTo(1);
    }

    @Test
    void anUnknownPoliIsNotFoundAndTheSamePoliCannotBeClosedTwiceOnADay() {
        HttpResponse<Buffer> unknown = close("2026-11-26", "MATA", "Cuti");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("SERVICE_NOT_FOUND");

        assertThat(close("2026-11-26", "GIGI", "Cuti").statusCode()).isEqualTo(201);
        HttpResponse<Buffer> twice = close("2026-11-26", "GIGI", "Cuti lagi");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.bodyAsJsonObject().getString("code")).isEqualTo("ALREADY_CLOSED");
        assertThat(close("2026-11-26", null, "Libur").statusCode()).isEqualTo(201);
        HttpResponse<Buffer> wholeTwice = close("2026-11-26", null, "Libur lagi");
        assertThat(wholeTwice.bodyAsJsonObject().getString("code")).isEqualTo("ALREADY_CLOSED");
        assertThat(server.count("SELECT count(*) FROM closure")).isEqualTo(2);
    }

    @Test
    void badBodiesAreRefusedAsProblemsWithoutARow() {
        for (JsonObject body : new JsonObject[] {
                new JsonObject().put("date", "2026-11-26"),
                new JsonObject().put("date", "26-11-2026").put("reason", "Libur"),
                new JsonObject().put("date", "2026-11-26").put("reason", "   "),
                new JsonObject().put("date", "2026-11-26").put("reason", "Libur").put("extra", 1),
                new JsonObject().put("date", "2026-02-30").put("reason", "Libur")}) {
            HttpResponse<Buffer> refused = admin.post(CLOSURES).sendJsonObject(body).await();
            assertThat(refused.statusCode()).as(body.encode()).isEqualTo(400);
            assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(server.count("SELECT count(*) FROM closure")).isZero();
    }

    @Test
    void removingAClosureNeedsTheVersionTheAdminSawAndOpensThePoliAgain() {
        long id = close("2026-11-25", "GIGI", "Dokter gigi cuti").bodyAsJsonObject().getLong("id");
        String path = CLOSURES + "/" + id;

        assertThat(admin.delete(path).send().await().statusCode()).isEqualTo(428);
        HttpResponse<Buffer> stale = admin.delete(path).putHeader("If-Match", "\"7\"").send().await();
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.bodyAsJsonObject().getString("code")).isEqualTo("EDIT_CONFLICT");
        String etag = admin.get(path).send().await().getHeader("ETag");
        assertThat(etag).isEqualTo("\"1\"");

        assertThat(admin.delete(path).putHeader("If-Match", etag).send().await().statusCode()).isEqualTo(204);

        assertThat(issue("GIGI").statusCode()).isEqualTo(201);
        assertThat(admin.get(path).send().await().statusCode()).isEqualTo(404);
        assertThat(admin.delete(path).putHeader("If-Match", etag).send().await().bodyAsJsonObject()
                .getString("code")).isEqualTo("CLOSURE_NOT_FOUND");
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'CLOSURE_REMOVED' "
                + "AND details -> 'before' ->> 'reason' = 'Dokter gigi cuti' AND details -> 'after' = 'null'::jsonb"))
                .isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'SETTINGS_CHANGED' "
                + "AND payload ->> 'settings' = 'closures'")).isEqualTo(2);
    }

    @Test
    void receptionistsMayNeitherSeeNorChangeClosures() {
        assertThat(server.get(CLOSURES).statusCode()).isEqualTo(403);
        assertThat(server.post(CLOSURES, new JsonObject().put("date", "2026-11-26").put("reason", "Libur"))
                .statusCode()).isEqualTo(403);
        assertThat(server.count("SELECT count(*) FROM closure")).isZero();
    }
}
