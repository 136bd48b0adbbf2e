package id.antrean.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin sets up counters and rooms: the services each calls, and the name the display says, which must be
 * made of words the display has recordings of.
 */
class CounterAdminTest {
    private static final String COUNTERS = "/api/v1/facilities/pkm-demo/counters";
    private static TestServer server;
    private static WebClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
        admin = server.as(server.login("admin"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject counter(String code, String... services) {
        return new JsonObject().put("code", code).put("name", "Ruang " + code).put("services", new JsonArray(List.of(services)));
    }

    private static HttpResponse<Buffer> create(JsonObject body) {
        return admin.post(COUNTERS).sendJsonObject(body).await();
    }

    private static HttpResponse<Buffer> put(String code, String ifMatch, JsonObject body) {
        var request = admin.put(COUNTERS + "/" + code);
        if (ifMatch != null) {
            request.putHeader("If-Match", ifMatch);
        }
        return request.sendJsonObject(body).await();
    }

    private static String code(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getString("code");
    }

    private static JsonObject listed(String code) {
        return server.get(COUNTERS).bodyAsJsonObject().getJsonArray("counters").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("code").equals(code)).findFirst().orElse(null);
    }

    @Test
    void aNewRoomCallsTheTicketsOfItsServicesAndTheCallCarriesItsSpokenName() {
        HttpResponse<Buffer> created = create(counter("r-umum-3", "umum", "GIGI")
                .put("name", "Ruang Periksa Umum 3 (lantai 2)").put("spokenName", "Ruang Periksa Umum 3"));

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(created.bodyAsJsonObject().getJsonArray("services")).containsExactly("UMUM", "GIGI");
        assertThat(listed("R-UMUM-3").getString("spokenName")).isEqualTo("Ruang Periksa Umum 3");

        JsonObject ticket = server.walkIn("GIGI");
        HttpResponse<Buffer> called = server.counter("R-UMUM-3", "call-next", null);
        assertThat(called.statusCode()).as(called.bodyAsString()).isEqualTo(200);
        assertThat(called.bodyAsJsonObject().getLong("id")).isEqualTo(ticket.getLong("id"));
        assertThat(called.bodyAsJsonObject().getJsonObject("counter").getString("spokenName"))
                .isEqualTo("Ruang Periksa Umum 3");
        server.counter("R-UMUM-3", "finish", null);
    }

    @Test
    void aSpokenNameWithAWordTheDisplayCannotSayIsRefusedWithTheWordsItCan() {
        HttpResponse<Buffer> refused = create(counter("R-X", "UMUM").put("spokenName", "Ruang Akupunktur 2"));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonObject problem = refused.bodyAsJsonObject();
        assertThat(problem.getString("code")).isEqualTo("SPOKEN_NAME_UNSAYABLE");
        assertThat(problem.getString("field")).isEqualTo("spokenName");
        assertThat(problem.getJsonObject("message").getString("id")).contains("akupunktur")
                .contains("ruang").contains("periksa").contains("laboratorium");
        assertThat(problem.getJsonObject("message").getString("en")).contains("akupunktur");
        assertThat(listed("R-X")).isNull();
        // numbers and single letters are said as they are
        assertThat(create(counter("R-Y", "UMUM").put("spokenName", "Loket B 12")).statusCode()).isEqualTo(201);
    }

    @Test
    void unknownServicesTakenCodesAndBadBodiesAreRefused() {
        HttpResponse<Buffer> unknown = create(counter("R-Z", "UMUM", "NOPE"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("SERVICE_NOT_FOUND");
        assertThat(unknown.bodyAsJsonObject().getString("field")).isEqualTo("services");
        HttpResponse<Buffer> taken = create(counter("R-GIGI", "GIGI"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(code(taken)).isEqualTo("COUNTER_CODE_TAKEN");
        assertThat(create(counter("R Z", "UMUM")).statusCode()).isEqualTo(400);
        assertThat(create(counter("R-Z", "UMUM").put("spokenName", "Ruang\nUmum")).statusCode()).isEqualTo(400);
        assertThat(create(new JsonObject().put("code", "R-Z").put("name", "R")).statusCode()).isEqualTo(400);
        assertThat(listed("R-Z")).isNull();
    }

    @Test
    void aChangeNeedsTheCurrentVersionAndIsAuditedAndAnnounced() {
        create(counter("R-KIA-2", "KIA"));
        JsonObject change = counter("R-KIA-2", "KIA", "UMUM").put("name", "Ruang KIA 2");
        change.remove("code");

        assertThat(put("R-KIA-2", null, change).statusCode()).isEqualTo(428);
        try (SseClient events = SseClient.connect(server)) {
            HttpResponse<Buffer> changed = put("R-KIA-2", "\"1\"", change);
            assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
            assertThat(changed.getHeader("ETag")).isEqualTo("\"2\"");
            List<JsonObject> seen = events.until(e -> "SETTINGS_CHANGED".equals(e.getString("type")), Duration.ofSeconds(10));
            assertThat(seen.get(seen.size() - 1).getString("settings")).isEqualTo("counters");
        }
        HttpResponse<Buffer> stale = put("R-KIA-2", "\"1\"", change.copy().put("name", "Ruang Lain"));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(code(stale)).isEqualTo("EDIT_CONFLICT");
        assertThat(listed("R-KIA-2").getJsonArray("services")).containsExactly("UMUM", "KIA");
        assertThat(listed("R-KIA-2").getString("name")).isEqualTo("Ruang KIA 2");
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'COUNTER_CHANGED'"
                + " AND details->'before'->>'name' = 'Ruang R-KIA-2' AND details->'after'->>'name' = 'Ruang KIA 2'"
                + " AND details->'after'->'services' = '[\"UMUM\", \"KIA\"]'::jsonb")).isEqualTo(1);
    }

    @Test
    void aRoomThatNeverCalledIsDeletedOneThatDidIsRetiredAndOneWithAPatientIsKept() {
        create(counter("R-BARU", "UMUM"));
        assertThat(admin.delete(COUNTERS + "/R-BARU").send().await().statusCode()).isEqualTo(428);
        assertThat(admin.delete(COUNTERS + "/R-BARU").putHeader("If-Match", "\"1\"").send().await().statusCode())
                .isEqualTo(204);
        assertThat(server.count("SELECT count(*) FROM counter WHERE code = 'R-BARU'")).isZero();

        create(counter("R-LAMA", "LAB"));
        JsonObject ticket = server.walkIn("LAB");
        server.counter("R-LAMA", "call", new JsonObject().put("ticket", ticket.getLong("id")));
        HttpResponse<Buffer> busy = admin.delete(COUNTERS + "/R-LAMA").putHeader("If-Match", "\"1\"").send().await();
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(code(busy)).isEqualTo("COUNTER_IN_USE");
        server.counter("R-LAMA", "finish", null);

        HttpResponse<Buffer> retired = admin.delete(COUNTERS + "/R-LAMA").putHeader("If-Match", "\"1\"").send().await();
        assertThat(retired.statusCode()).as(retired.bodyAsString()).isEqualTo(200);
        assertThat(retired.bodyAsJsonObject().getString("retiredAt")).isNotNull();
        assertThat(listed("R-LAMA")).isNull();
        assertThat(server.counter("R-LAMA", "call-next", null).statusCode()).isEqualTo(404);
        assertThat(server.get("/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id")).bodyAsJsonObject()
                .getJsonObject("counter").getString("code")).isEqualTo("R-LAMA");
        assertThat(code(create(counter("R-LAMA", "LAB")))).isEqualTo("COUNTER_CODE_TAKEN");
    }

    @Test
    void aReceptionistCannotChangeCounters() {
        HttpResponse<Buffer> refused = server.client().post(COUNTERS).sendJsonObject(counter("R-RES", "UMUM")).await();
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("ROLE_FORBIDDEN");
        for (var request : List.of(server.client().get(COUNTERS + "/R-GIGI"), server.client().put(COUNTERS + "/R-GIGI"),
                server.client().delete(COUNTERS + "/R-GIGI"))) {
            HttpResponse<Buffer> response = request.putHeader("If-Match", "\"1\"").send().await();
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(code(response)).isEqualTo("ROLE_FORBIDDEN");
        }
        assertThat(listed("R-RES")).isNull();
    }
}
