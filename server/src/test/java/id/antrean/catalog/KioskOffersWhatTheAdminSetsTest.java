package id.antrean.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kiosk offers the services an admin makes visible there, as soon as they change, without a restart. */
class KioskOffersWhatTheAdminSetsTest {
    private TestServer server;
    private KioskAgent kiosk;
    private WebClient admin;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
        admin = server.as(server.login("admin"));
        kiosk = KioskAgent.start(KioskConfig.fromEnv(Map.of(
                "PORT", "0", "SERVER_URL", "http://localhost:" + server.port(), "FACILITY", TestServer.DEMO,
                "DEVICE_TOKEN", TestServer.DEVICE_TOKEN,
                "PRINTER", "pdf:" + Files.createTempDirectory("kiosk-services"), "PRINTER_WIDTH", "58")), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        server.close();
    }

    private List<String> offered() {
        HttpResponse<Buffer> response = server.anonymous().get(kiosk.port(), "localhost", "/api/services").send().await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject().getJsonArray("services").stream()
                .map(s -> ((JsonObject) s).getString("code")).toList();
    }

    private JsonObject offeredService(String code) {
        HttpResponse<Buffer> response = server.anonymous().get(kiosk.port(), "localhost", "/api/services").send().await();
        return response.bodyAsJsonObject().getJsonArray("services").stream().map(s -> (JsonObject) s)
                .filter(s -> code.equals(s.getString("code"))).findFirst().orElseThrow();
    }

    @Test
    void anEnglishNameTheAdminSetsReachesTheKioskAndBlankClearsIt() {
        String umum = "/api/v1/facilities/pkm-demo/services/UMUM";
        JsonObject before = admin.get(umum).send().await().bodyAsJsonObject();
        assertThat(before.getValue("nameEn")).isNull();
        assertThat(offeredService("UMUM").getValue("nameEn")).isNull();

        HttpResponse<Buffer> named = admin.put(umum).putHeader("If-Match", "\"" + before.getInteger("version") + "\"")
                .sendJsonObject(new JsonObject().put("name", before.getString("name")).put("prefix", "A")
                        .put("nameEn", "  General Clinic "))
                .await();

        assertThat(named.statusCode()).as(named.bodyAsString()).isEqualTo(200);
        assertThat(named.bodyAsJsonObject().getString("nameEn")).isEqualTo("General Clinic");
        assertThat(server.get("/api/v1/facilities/pkm-demo/queue").bodyAsJsonObject().getJsonArray("services").stream()
                .map(s -> (JsonObject) s).filter(s -> "UMUM".equals(s.getString("code"))).findFirst().orElseThrow()
                .getString("nameEn")).isEqualTo("General Clinic");
        assertThat(offeredService("UMUM").getString("nameEn")).isEqualTo("General Clinic");
        assertThat(offeredService("UMUM").getString("name")).isEqualTo(before.getString("name"));

        HttpResponse<Buffer> unreadable = admin.put(umum).putHeader("If-Match", "\"" + (before.getInteger("version") + 1) + "\"")
                .sendJsonObject(new JsonObject().put("name", before.getString("name")).put("prefix", "A").put("nameEn", "--"))
                .await();
        assertThat(unreadable.statusCode()).isEqualTo(400);

        HttpResponse<Buffer> cleared = admin.put(umum).putHeader("If-Match", "\"" + (before.getInteger("version") + 1) + "\"")
                .sendJsonObject(new JsonObject().put("name", before.getString("name")).put("prefix", "A").put("nameEn", " "))
                .await();
        assertThat(cleared.statusCode()).as(cleared.bodyAsString()).isEqualTo(200);
        assertThat(cleared.bodyAsJsonObject().getValue("nameEn")).isNull();
        assertThat(offeredService("UMUM").getValue("nameEn")).isNull();
    }

    @Test
    void aServiceHiddenFromTheKioskIsNotOfferedThereButStaffStillIssueIt() {
        assertThat(offered()).contains("APOTEK");

        HttpResponse<Buffer> hidden = admin.put("/api/v1/facilities/pkm-demo/services/APOTEK")
                .putHeader("If-Match", "\"1\"")
                .sendJsonObject(new JsonObject().put("name", "Apotek").put("prefix", "E").put("kioskVisible", false))
                .await();
        assertThat(hidden.statusCode()).as(hidden.bodyAsString()).isEqualTo(200);

        assertThat(offered()).contains("UMUM").doesNotContain("APOTEK");
        assertThat(server.walkIn("APOTEK").getString("label")).startsWith("E-");

        admin.post("/api/v1/facilities/pkm-demo/services").sendJsonObject(new JsonObject().put("code", "GIZI")
                .put("name", "Poli Gizi").put("prefix", "G")).await();
        assertThat(offered()).contains("GIZI");
    }
}
