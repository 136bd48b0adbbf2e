package id.antrean.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.RestartablePostgres;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Patroni switchover does to a running server, on a PostgreSQL of the test's own: connections cut, the
 * node they reach turned read-only, the database away for a while and back (on HAProxy's address). The server
 * answers 503 with Retry-After meanwhile (never a 500, never half a change), heals without a restart, and its
 * screens miss no event.
 */
class SwitchoverTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonObject WALK_IN = new JsonObject().put("service", "UMUM").put("payer", "UMUM");

    @Test
    void aWriteRefusedByADatabaseThatTurnedReadOnlyIsA503WithRetryAfterWritesNothingAndHealsWhenWritableAgain() {
        try (TestServer server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"))) {
            server.walkIn("UMUM");
            long tickets = server.count("SELECT count(*) FROM ticket");

            // The primary became a replica under the pool: every new session is read-only.
            server.sql("ALTER DATABASE " + databaseName(server) + " SET default_transaction_read_only = on");
            terminateOtherSessions(server);
            for (int i = 0; i < 5; i++) {
                HttpResponse<Buffer> refused = server.issue(WALK_IN);
                assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(503);
                assertThat(refused.getHeader("Retry-After")).isNotBlank();
                assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("DATABASE_UNAVAILABLE");
            }
            assertThat(server.count("SELECT count(*) FROM ticket")).as("nothing half-written").isEqualTo(tickets);

            server.sql("BEGIN READ WRITE; ALTER DATABASE " + databaseName(server)
                    + " RESET default_transaction_read_only; COMMIT");
            terminateOtherSessions(server);
            HttpResponse<Buffer> issued = Eventually.poll(WAIT, () -> server.issue(WALK_IN),
                    r -> r.statusCode() != 503);
            assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
            assertThat(server.count("SELECT count(*) FROM ticket")).isEqualTo(tickets + 1);
        }
    }

    @Test
    void whenTheDatabaseRestartsUnderARunningServerAnswersAre503UntilItIsBackThenIssuingHealsByItself(
            @TempDir Path dir) {
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pg"));
             TestServer server = TestServer.startOn(postgres.url(), MutableClock.at("2026-11-27T01:00:00Z"))) {
            server.walkIn("UMUM");

            postgres.stop();
            HttpResponse<Buffer> away = server.issue(WALK_IN);
            assertThat(away.statusCode()).as(away.bodyAsString()).isEqualTo(503);
            assertThat(away.getHeader("Retry-After")).isNotBlank();

            postgres.restart();
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<Buffer> issued = Eventually.poll(WAIT, () -> server.issue(WALK_IN), r -> {
                statuses.add(r.statusCode());
                return r.statusCode() != 503;
            });
            assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
            assertThat(statuses).as("answers while healing").allMatch(s -> s == 503 || s == 201);
            // Every pooled connection was replaced: a burst larger than one connection's worth all succeeds.
            for (int i = 0; i < 20; i++) {
                assertThat(server.issue(WALK_IN).statusCode()).isEqualTo(201);
            }
        }
    }

    @Test
    void anEventCommittedWhileTheListenConnectionWasDownStillReachesTheScreenInOrder(@TempDir Path dir) {
        MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
        try (RestartablePostgres postgres = RestartablePostgres.start(dir.resolve("pg"));
             TestServer nodeA = TestServer.startOn(postgres.url(), clock);
             SseClient screen = SseClient.connect(nodeA.clientVertx(), nodeA.port(), TestServer.DEMO,
                     TestServer.DISPLAY_TOKEN)) {
            long snapshot = screen.next(WAIT).getLong("id");

            // The database moves where node A cannot follow yet (a failover HAProxy has not switched to); another
            // node commits an event there, notifying nobody on node A.
            postgres.stop();
            int elsewhere = postgres.restartElsewhere();
            JsonObject missed;
            try (TestServer nodeB = TestServer.startOn(RestartablePostgres.urlOn(elsewhere), clock)) {
                missed = nodeB.walkIn("UMUM");
            }
            postgres.stop();
            postgres.restart();

            JsonObject heard = screen.next(WAIT);
            assertThat(heard.getString("type")).isEqualTo("TICKET_ISSUED");
            assertThat(heard.getJsonObject("ticket").getString("label")).isEqualTo(missed.getString("label"));
            assertThat(heard.getLong("id")).isEqualTo(snapshot + 1);

            HttpResponse<Buffer> issued = Eventually.poll(WAIT, () -> nodeA.issue(WALK_IN), r -> r.statusCode() != 503);
            assertThat(issued.statusCode()).isEqualTo(201);
            JsonObject next = screen.next(WAIT);
            assertThat(next.getLong("id")).as("no gap, no repeat").isEqualTo(snapshot + 2);
            assertThat(next.getJsonObject("ticket").getString("label"))
                    .isEqualTo(issued.bodyAsJsonObject().getString("label"));
        }
    }

    private static String databaseName(TestServer server) {
        String url = server.databaseUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** What Patroni's demotion and HAProxy's shutdown-sessions do to the server's connections. */
    private static void terminateOtherSessions(TestServer server) {
        server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
}
