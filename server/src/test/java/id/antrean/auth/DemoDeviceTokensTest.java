package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's kiosk and display have a token each, with only their own permissions: the display's token is in
 * the display's URL (on a TV, in a browser history) and must not take numbers. Answers carrying a secret are
 * never stored by a cache.
 */
class DemoDeviceTokensTest {
    private static final String FACILITY = "/api/v1/facilities/pkm-demo";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDisplayTokenReadsTheQueueButTakesNoNumberChecksNoOneAndPrintsNothing() {
        WebClient display = server.as(TestServer.DISPLAY_TOKEN);
        long ticketsBefore = server.count("SELECT count(*) FROM ticket");

        JsonObject me = display.get("/api/v1/auth/me").send().await().bodyAsJsonObject();
        assertThat(me.getString("name")).isEqualTo("Display Demo");
        assertThat(me.getJsonArray("deviceKinds").getList()).containsExactly("DISPLAY");
        assertThat(me.getJsonArray("permissions").getList()).containsExactlyInAnyOrder("READ_QUEUE", "REPORT_STATUS");
        assertThat(display.get(FACILITY + "/queue").send().await().statusCode()).isEqualTo(200);
        assertThat(display.get(FACILITY + "/services").send().await().statusCode()).isEqualTo(200);

        HttpResponse<Buffer> issue = display.post(FACILITY + "/tickets").putHeader("Idempotency-Key", "display-1")
                .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")).await();
        assertThat(issue.statusCode()).as(issue.bodyAsString()).isEqualTo(403);
        assertThat(issue.bodyAsJsonObject().getString("code")).isEqualTo("ROLE_FORBIDDEN");
        HttpResponse<Buffer> eligibility = display.get(FACILITY + "/eligibility?card=0001234567890").send().await();
        assertThat(eligibility.statusCode()).isEqualTo(403);
        assertThat(server.count("SELECT count(*) FROM ticket")).isEqualTo(ticketsBefore);
    }

    @Test
    void theKioskTokenStillTakesNumbersAndIsAKioskOnly() {
        WebClient kiosk = server.as(TestServer.DEVICE_TOKEN);

        JsonObject me = kiosk.get("/api/v1/auth/me").send().await().bodyAsJsonObject();
        assertThat(me.getString("name")).isEqualTo("Kiosk Demo");
        assertThat(me.getJsonArray("deviceKinds").getList()).containsExactly("KIOSK");
        HttpResponse<Buffer> issue = kiosk.post(FACILITY + "/tickets").putHeader("Idempotency-Key", "kiosk-1")
                .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")).await();
        assertThat(issue.statusCode()).as(issue.bodyAsString()).isEqualTo(201);
    }

    @Test
    void aLoginAnswerIsNeverStored() {
        HttpResponse<Buffer> login = server.anonymous().post("/api/v1/auth/token")
                .sendJsonObject(new JsonObject().put("username", "resepsionis").put("password", TestServer.PASSWORD))
                .await();

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.bodyAsJsonObject().getString("token")).isNotBlank();
        assertThat(login.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aNewDeviceTokenIsNeverStored() {
        HttpResponse<Buffer> issued = server.as(server.login("admin")).post(FACILITY + "/devices")
                .sendJsonObject(new JsonObject().put("name", "Kios Lobi").put("kind", "KIOSK")).await();

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(issued.bodyAsJsonObject().getString("token")).isNotBlank();
        assertThat(issued.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aMobileJknTokenIsNeverStoredEither() {
        HttpResponse<Buffer> auth = server.anonymous().get("/mobilejkn/pkm-demo/auth")
                .putHeader("x-username", DemoAccounts.MOBILEJKN_USER).putHeader("x-password", TestServer.PASSWORD)
                .send().await();

        assertThat(auth.statusCode()).isEqualTo(200);
        assertThat(auth.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void oneTokenForBothDemoDevicesIsAConfigurationError() {
        assertThatThrownBy(() -> AuthConfig.fromEnv(Map.of("DEMO_DEVICE_TOKEN", "sama", "DEMO_DISPLAY_TOKEN", "sama")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEMO_DISPLAY_TOKEN");
    }

    @Test
    void randomDemoTokensDiffer() {
        AuthConfig config = AuthConfig.fromEnv(Map.of());
        assertThat(config.demoDeviceToken()).isNotBlank();
        assertThat(config.demoDisplayToken()).isNotBlank().isNotEqualTo(config.demoDeviceToken());
    }
}
