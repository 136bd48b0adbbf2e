package id.antrean.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /health tells the truth about the database, and the server lives through the database's absence. */
class HealthTest {

    @Test
    void healthIs200WithTheDatabaseUpAnd503WhileItIsDownThenRecoversByItself() throws Exception {
        Path data = Files.createTempDirectory("antrean-health-pg");
        EmbeddedPostgres postgres = startPostgres(data, 0);
        int port = postgres.getPort();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE antrean");
        }
        String url = "postgresql://postgres@localhost:" + port + "/antrean";
        try (TestServer server = TestServer.startOn(url, MutableClock.at("2026-11-27T01:00:00Z"))) {
            HttpResponse<Buffer> up = server.get("/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.bodyAsJsonObject().getString("status")).isEqualTo("UP");

            postgres.close();

            HttpResponse<Buffer> down = Eventually.poll(Duration.ofSeconds(20), () -> server.get("/health"),
                    r -> r.statusCode() == 503);
            assertThat(down.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
            HttpResponse<Buffer> refused = server.issue(new JsonObject().put("service", "UMUM").put("payer", "UMUM"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
            assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("DATABASE_UNAVAILABLE");

            postgres = startPostgres(data, port);

            Eventually.poll(Duration.ofSeconds(20), () -> server.get("/health"), r -> r.statusCode() == 200);
            assertThat(server.walkIn("UMUM").getInteger("number")).isEqualTo(1);
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }
}
