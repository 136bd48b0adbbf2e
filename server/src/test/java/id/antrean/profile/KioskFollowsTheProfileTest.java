package id.antrean.profile;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an admin sets for kiosks in the facility's profile (how long a kiosk waits untouched before it starts over,
 * and whether it offers English) reaches the running kiosk agent within seconds, without a restart.
 */
class KioskFollowsTheProfileTest {
    private static final String PROFILE = "/api/v1/facilities/pkm-demo/profile";
    private final MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
    private TestServer server;
    private KioskAgent kiosk;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(clock);
        kiosk = KioskAgent.start(KioskConfig.fromEnv(Map.of(
                "PORT", "0", "SERVER_URL", "http://localhost:" + server.port(), "FACILITY", TestServer.DEMO,
                "DEVICE_TOKEN", TestServer.DEVICE_TOKEN,
                "PRINTER", "pdf:" + Files.createTempDirectory("kiosk-profile"), "PRINTER_WIDTH", "58")), clock);
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        server.close();
    }

    private JsonObject kioskInfo() {
        HttpResponse<Buffer> response = server.anonymous().get(kiosk.port(), "localhost", "/api/kiosk").send().await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    @Test
    void theKioskTakesItsIdleTimeAndLanguagesFromTheFacilitysProfile() {
        JsonObject before = kioskInfo();
        assertThat(before.getJsonObject("facility").getString("code")).isEqualTo("pkm-demo");
        assertThat(before.getJsonArray("languages").getList()).containsExactly("id", "en");

        WebClient admin = server.as(server.login("admin"));
        HttpResponse<Buffer> read = admin.get(PROFILE).send().await();
        JsonObject profile = read.bodyAsJsonObject();
        HttpResponse<Buffer> saved = admin.put(PROFILE).putHeader("If-Match", read.getHeader("ETag"))
                .sendJsonObject(new JsonObject().put("name", profile.getString("name"))
                        .put("kioskIdleSeconds", 120).put("languages", new JsonArray().add("id"))).await();
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);

        // The agent asks the server again once its few seconds of freshness are over.
        clock.advance(Duration.ofSeconds(6));
        JsonObject after = kioskInfo();
        assertThat(after.getInteger("idleSeconds")).isEqualTo(120);
        assertThat(after.getJsonArray("languages").getList()).containsExactly("id");
    }
}
