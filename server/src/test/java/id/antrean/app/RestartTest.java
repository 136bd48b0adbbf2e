package id.antrean.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without DATABASE_URL the server runs its own PostgreSQL, whose data survives a restart. */
class RestartTest {
    /** Deleted after each test: the embedded PostgreSQL's binaries alone are 60 MB. */
    @TempDir
    Path temp;

    @Test
    void theEmbeddedDatabaseIsDurableKeepsTicketsAcrossARestartAndTheDemoSeedRunsTwiceHarmlessly() throws Exception {
        Path dataDir = temp.resolve("data");
        AppConfig config = AppConfig.fromEnv(Map.of("PORT", "0", "DATA_DIR", dataDir.toString(), "DEMO", "1",
                "HTTP_INSTANCES", "1", "DEMO_DEVICE_TOKEN", "restart-device-token", "BCRYPT_COST", "4"));
        JsonObject first;
        try (Antrean node = Antrean.start(config, Clock.systemUTC())) {
            first = issue(node.port(), "restart-1");
            assertThat(first.getInteger("number")).isEqualTo(1);
            assertThat(setting(node, "fsync")).isEqualTo("on");
            assertThat(setting(node, "synchronous_commit")).isEqualTo("on");
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (Antrean node = Antrean.start(config, Clock.systemUTC())) {
            JsonObject services = get(node.port(), "/api/v1/facilities/pkm-demo/services");
            assertThat(services.getJsonArray("services")).hasSize(5);
            assertThat(get(node.port(), "/api/v1/facilities/pkm-demo/tickets/" + first.getLong("id"))
                    .getString("label")).isEqualTo(first.getString("label"));
            assertThat(issue(node.port(), "restart-2").getInteger("number")).isEqualTo(2);
        }
    }

    @Test
    void aPostmasterThatDiesUnderTheServerIsStartedAgainAndHealthTellsHowOftenItCrashed() throws Exception {
        Path dataDir = temp.resolve("data");
        AppConfig config = AppConfig.fromEnv(Map.of("PORT", "0", "DATA_DIR", dataDir.toString(), "DEMO", "1",
                "HTTP_INSTANCES", "1", "DEMO_DEVICE_TOKEN", "crash-device-token", "BCRYPT_COST", "4"));
        try (Antrean node = Antrean.start(config, Clock.systemUTC())) {
            JsonObject before = issue(node.port(), "crash-1", "crash-device-token");
            long postmaster = node.database().embedded().orElseThrow().pid();

            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

            // The node's own Vert.x asks: one client for the whole poll, not one per attempt.
            WebClient web = WebClient.create(node.vertx());
            JsonObject health = Eventually.poll(Duration.ofSeconds(60), () -> health(web, node.port()),
                    h -> "UP".equals(h.getString("status")) && embedded(h).getInteger("restarts") == 1
                            && "UP".equals(embedded(h).getString("state")));
            assertThat(embedded(health).getLong("pid")).isNotEqualTo(postmaster);
            assertThat(embedded(health).getString("lastError")).isNull();
            assertThat(embedded(health).getString("lastCrash")).isNotBlank();
            assertThat(issue(node.port(), "crash-2", "crash-device-token").getInteger("number"))
                    .isEqualTo(before.getInteger("number") + 1);
        }
    }

    private static JsonObject embedded(JsonObject health) {
        return health.getJsonArray("checks").getJsonObject(0).getJsonObject("data").getJsonObject("embedded");
    }

    private static JsonObject health(WebClient web, int port) {
        return web.get(port, "localhost", "/health").send().await().bodyAsJsonObject();
    }

    private static String setting(Antrean node, String name) throws Exception {
        try (Connection c = node.database().jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static JsonObject issue(int port, String key) {
        return issue(port, key, "restart-device-token");
    }

    private static JsonObject issue(int port, String key, String token) {
        return call(port, client -> client.post(port, "localhost", "/api/v1/facilities/pkm-demo/tickets")
                .putHeader("Idempotency-Key", key)
                .putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")), 201);
    }

    private static JsonObject get(int port, String path) {
        return call(port, client -> client.get(port, "localhost", path)
                .putHeader("Authorization", "Bearer restart-device-token").send(), 200);
    }

    private static JsonObject call(int port, java.util.function.Function<WebClient, io.vertx.core.Future<HttpResponse<Buffer>>> request,
                                   int expected) {
        Vertx vertx = Vertx.vertx();
        try {
            HttpResponse<Buffer> response = request.apply(WebClient.create(vertx)).await();
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(expected);
            return response.bodyAsJsonObject();
        } finally {
            vertx.close().await();
        }
    }
}
