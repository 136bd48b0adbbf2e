package id.antrean.backup;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.app.Antrean;
import id.antrean.app.AppConfig;
import id.antrean.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The go-live promise on the embedded PostgreSQL a puskesmas PC runs: back up (server running or not), lose the
 * data directory, restore, and the day's tickets and their numbering carry on as if nothing happened.
 */
class BackupRestoreTest {
    private static final String TOKEN = "backup-device-token";

    /** Deleted after the test: the embedded PostgreSQL's binaries alone are 60 MB. */
    @TempDir
    Path temp;

    private final Clock clock = MutableClock.at("2026-12-07T03:00:00Z");   // 11:00 in Makassar: mid-day

    @Test
    void backupWipeRestoreKeepsEveryTicketAndTheNextNumberContinuesWithoutGapOrDuplicate() throws Exception {
        Path dataDir = temp.resolve("data");
        Path whileRunning = temp.resolve("copies/while-running.dump");
        Path whileStopped = temp.resolve("copies/while-stopped.dump");
        Map<String, String> env = Map.of("PORT", "0", "DATA_DIR", dataDir.toString(), "DEMO", "1",
                "HTTP_INSTANCES", "1", "DEMO_DEVICE_TOKEN", TOKEN, "BCRYPT_COST", "4", "BACKUP_TIME", "off");
        AppConfig config = AppConfig.fromEnv(env);

        List<JsonObject> issued = new ArrayList<>();
        try (Antrean node = Antrean.start(config, clock)) {
            for (int i = 1; i <= 3; i++) {
                issued.add(issue(node.port(), "before-" + i));
            }
            assertThat(issued).extracting(t -> t.getInteger("number")).containsExactly(1, 2, 3);

            Cli backup = cli(env, "backup", whileRunning.toString());
            assertThat(backup.code).as(backup.err).isEqualTo(BackupCommand.OK);
            assertThat(backup.out).startsWith("Backup written: ");
            assertThat(Files.size(whileRunning)).isPositive();
            assertThat(Files.list(whileRunning.getParent())).as("no partial file left behind")
                    .containsExactly(whileRunning);

            Cli refused = cli(env, "restore", whileRunning.toString());
            assertThat(refused.code).isEqualTo(BackupCommand.IN_USE);
            assertThat(refused.err).contains("server is running").contains("Stop it first");
            assertThat(issue(node.port(), "still-serving").getInteger("number")).as("the server kept its data")
                    .isEqualTo(4);
        }

        Cli offline = cli(env, "backup", whileStopped.toString());
        assertThat(offline.code).as(offline.err).isEqualTo(BackupCommand.OK);
        assertThat(Files.size(whileStopped)).isPositive();

        deleteTree(dataDir);
        Cli restore = cli(env, "restore", whileRunning.toString());
        assertThat(restore.code).as(restore.err).isEqualTo(BackupCommand.OK);
        assertThat(restore.out).startsWith("Restored ");
        Cli again = cli(env, "restore", whileRunning.toString());
        assertThat(again.code).as("a database that holds data is never overwritten").isEqualTo(BackupCommand.NOT_EMPTY);
        assertThat(again.err).contains("already holds a database");

        try (Antrean node = Antrean.start(config, clock)) {
            for (JsonObject ticket : issued) {
                JsonObject found = get(node.port(), "/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id"));
                assertThat(found.getString("label")).isEqualTo(ticket.getString("label"));
                assertThat(found.getInteger("number")).isEqualTo(ticket.getInteger("number"));
            }
            // The backup was taken before ticket 4: the restored day goes on from 3.
            assertThat(issue(node.port(), "after-restore").getInteger("number")).isEqualTo(4);
            try (Connection c = node.database().jdbc(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT number) FROM ticket")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(4);
                assertThat(rs.getLong(2)).isEqualTo(4);
            }
        }
    }

    @Test
    void backupWithoutADatabaseSaysThereIsNothingToBackUp() {
        Cli nothing = cli(Map.of("DATA_DIR", temp.resolve("empty").toString()), "backup",
                temp.resolve("x.dump").toString());
        assertThat(nothing.code).isEqualTo(BackupCommand.FAILED);
        assertThat(nothing.err).startsWith("Nothing to back up");
        Cli missing = cli(Map.of("DATA_DIR", temp.resolve("empty").toString()), "restore",
                temp.resolve("missing.dump").toString());
        assertThat(missing.code).isEqualTo(BackupCommand.USAGE);
        assertThat(missing.err).startsWith("Backup file not found");
    }

    private record Cli(int code, String out, String err) {
    }

    private Cli cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new BackupCommand(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock).run(args);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertThat(root).doesNotExist();
    }

    private static JsonObject issue(int port, String key) {
        return call(client -> client.post(port, "localhost", "/api/v1/facilities/pkm-demo/tickets")
                .putHeader("Idempotency-Key", key)
                .putHeader("Authorization", "Bearer " + TOKEN)
                .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")), 201);
    }

    private static JsonObject get(int port, String path) {
        return call(client -> client.get(port, "localhost", path).putHeader("Authorization", "Bearer " + TOKEN).send(),
                200);
    }

    private static JsonObject call(Function<WebClient, io.vertx.core.Future<HttpResponse<Buffer>>> request,
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
