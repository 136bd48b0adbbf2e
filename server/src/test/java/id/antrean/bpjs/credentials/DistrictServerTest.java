package id.antrean.bpjs.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A district server: BPJS's addresses in the environment but no server-wide credentials, so each facility enters
 * its own, and one without them is never signed for with anyone else's.
 */
class DistrictServerTest {
    private static final String CREDENTIALS = "/api/v1/facilities/pkm-demo/bpjs-credentials";
    private static Vertx vertx;
    private static BpjsSimulator bpjs;
    private static TestServer server;
    private static WebClient admin;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        bpjs = BpjsSimulator.start(vertx, 0, Clock.systemUTC(),
                List.of(new BpjsSimulator.Consumer("30003", "rahasia-kabupaten-3x", "kunci-kabupaten-3x"))).await();
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        env.put("BPJS_BASE_URL", bpjs.pcareBaseUrl());
        env.put("BPJS_ANTREAN_BASE_URL", bpjs.antreanBaseUrl());
        server = TestServer.start(env, Clock.systemUTC());
        admin = server.as(server.login("admin"));
    }

    @AfterAll
    static void stop() {
        server.close();
        vertx.close().await();
    }

    @Test
    void aFacilityWithoutCredentialsIsToldToEnterThemAndItsKioskStillAnswers() {
        HttpResponse<Buffer> state = admin.get(CREDENTIALS).send().await();
        HttpResponse<Buffer> test = admin.post(CREDENTIALS + "/test").send().await();
        HttpResponse<Buffer> poli = admin.get("/api/v1/facilities/pkm-demo/bpjs/poli").send().await();
        HttpResponse<Buffer> eligibility = server.as(TestServer.DEVICE_TOKEN)
                .get("/api/v1/facilities/pkm-demo/eligibility?card=0001234567890").send().await();

        assertThat(state.bodyAsJsonObject().getString("source")).isEqualTo("NONE");
        assertThat(test.bodyAsJsonObject().getString("outcome")).isEqualTo("no-credentials");
        assertThat(poli.statusCode()).isEqualTo(409);
        assertThat(poli.bodyAsJsonObject().getString("code")).isEqualTo("BPJS_NO_CREDENTIALS");
        assertThat(eligibility.statusCode()).isEqualTo(200);
        assertThat(bpjs.received()).isEmpty();

        HttpResponse<Buffer> entered = admin.put(CREDENTIALS).sendJsonObject(new JsonObject().put("consId", "30003")
                .put("secret", "rahasia-kabupaten-3x").put("userKey", "kunci-kabupaten-3x")).await();
        assertThat(entered.statusCode()).as(entered.bodyAsString()).isEqualTo(200);
        assertThat(admin.post(CREDENTIALS + "/test").send().await().bodyAsJsonObject().getString("outcome"))
                .isEqualTo("ok");
        assertThat(bpjs.received()).extracting(r -> r.getString("consId")).containsOnly("30003");
    }
}
