package id.antrean.backup;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin sees the server's backups and takes one now; a failed one alerts every facility. */
class BackupApiTest {
    private static final String BACKUPS = "/api/v1/facilities/pkm-demo/backups";
    /** 17:00 in Jakarta, 18:00 in Makassar (the demo's zone). */
    private static final MutableClock CLOCK = MutableClock.at("2026-12-07T10:00:00Z");

    @TempDir
    static Path temp;
    private static Path folder;
    private static TestServer server;
    private static WebClient admin;

    @BeforeAll
    static void start() {
        folder = temp.resolve("backups");
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        env.put("BACKUP_DIR", folder.toString());
        env.put("BACKUP_KEEP", "2");
        // Its next run is hours away in real time: it never fires during the test.
        env.put("BACKUP_TIME", "02:00");
        server = TestServer.start(env, CLOCK);
        admin = server.as(server.login("admin"));
    }

    /** Each test starts with no backup running (one at a time), whatever ran before it. */
    @BeforeEach
    void noBackupRunning() {
        Eventually.poll(Duration.ofSeconds(30), () -> server.count(
                "SELECT count(*) FROM backup_run WHERE outcome = 'RUNNING'"), n -> n == 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminTakesABackupNowAndSeesItsSizeTimeAndTheNextNightlyRunInTheFacilitysZone() throws Exception {
        HttpResponse<Buffer> taken = admin.post(BACKUPS).send().await();
        assertThat(taken.statusCode()).as(taken.bodyAsString()).isEqualTo(202);
        JsonObject run = taken.bodyAsJsonObject();
        assertThat(run.getString("outcome")).isEqualTo("RUNNING");
        assertThat(run.getString("file")).isEqualTo(BackupFiles.name(CLOCK.instant(), ZoneId.of("Asia/Jakarta")));
        assertThat(run.getString("startedAt")).isEqualTo(CLOCK.instant().atZone(ZoneId.of("Asia/Makassar"))
                .toOffsetDateTime().toString());

        JsonObject done = finished(run.getLong("id"));
        assertThat(done.getString("outcome")).as(done.encode()).isEqualTo("SUCCEEDED");
        assertThat(done.getString("requestedBy")).isEqualTo("Admin Demo");
        assertThat(done.getLong("bytes")).isEqualTo(Files.size(folder.resolve(run.getString("file"))));
        JsonObject overview = admin.get(BACKUPS).send().await().bodyAsJsonObject();
        assertThat(overview.getString("nextRun")).as("02:00 in Jakarta is 03:00 in Makassar")
                .isEqualTo("2026-12-08T03:00+08:00");
        assertThat(overview.getJsonObject("schedule").getString("zone")).isEqualTo("Asia/Jakarta");
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'BACKUP_REQUESTED'")).isPositive();
    }

    @Test
    void onlyTheNewestBackupKeepCountOfFilesStays() throws Exception {
        for (int i = 0; i < 3; i++) {
            CLOCK.advance(Duration.ofMinutes(1));
            HttpResponse<Buffer> taken = admin.post(BACKUPS).send().await();
            assertThat(taken.statusCode()).as(taken.bodyAsString()).isEqualTo(202);
            assertThat(finished(taken.bodyAsJsonObject().getLong("id")).getString("outcome")).isEqualTo("SUCCEEDED");
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).hasSize(2)
                    .last().isEqualTo(BackupFiles.name(CLOCK.instant(), ZoneId.of("Asia/Jakarta")));
        }
    }

    @Test
    void whileABackupRunsAnotherIsRefusedWithBackupRunning() {
        server.sql("INSERT INTO backup_run (trigger, started_at, outcome) VALUES ('MANUAL', '" + CLOCK.instant()
                + "', 'RUNNING')");
        try {
            HttpResponse<Buffer> refused = admin.post(BACKUPS).send().await();
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("BACKUP_RUNNING");
        } finally {
            server.sql("DELETE FROM backup_run WHERE outcome = 'RUNNING'");
        }
    }

    @Test
    void aRunLeftRunningByAStoppedServerNoLongerBlocksOnceItIsPastTwiceTheTimeout() {
        server.sql("INSERT INTO backup_run (trigger, started_at, outcome) VALUES ('MANUAL', '"
                + CLOCK.instant().minus(Duration.ofHours(3)) + "', 'RUNNING')");
        HttpResponse<Buffer> taken = admin.post(BACKUPS).send().await();
        assertThat(taken.statusCode()).as(taken.bodyAsString()).isEqualTo(202);
        assertThat(server.count("SELECT count(*) FROM backup_run WHERE error LIKE 'interrupted%'")).isEqualTo(1);
        finished(taken.bodyAsJsonObject().getLong("id"));
    }

    @Test
    void aFailedBackupIsRecordedAndAlertsEveryFacilitysConsoles() throws Exception {
        long facilities = server.count("SELECT count(*) FROM facility");
        assertThat(facilities).as("the demo has two facilities").isGreaterThan(1);
        long alertsBefore = server.count("SELECT count(*) FROM queue_event WHERE type = 'BACKUP_FAILED'");
        // A file where the backup folder should be: nothing can be written there.
        Path moved = temp.resolve("moved-away");
        Files.createDirectories(folder);
        Files.move(folder, moved);
        Files.writeString(folder, "not a folder");
        try {
            CLOCK.advance(Duration.ofMinutes(1));
            HttpResponse<Buffer> taken = admin.post(BACKUPS).send().await();
            assertThat(taken.statusCode()).as(taken.bodyAsString()).isEqualTo(202);
            JsonObject done = finished(taken.bodyAsJsonObject().getLong("id"));
            assertThat(done.getString("outcome")).isEqualTo("FAILED");
            assertThat(done.getString("error")).isNotBlank();
            assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'BACKUP_FAILED'") - alertsBefore)
                    .as("one alert per facility").isEqualTo(facilities);
            assertThat(server.count("SELECT count(DISTINCT facility_id) FROM queue_event WHERE type = 'BACKUP_FAILED'"))
                    .isEqualTo(facilities);
            assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'BACKUP_FAILED' AND payload -> 'backup'"
                    + " ->> 'id' = '" + done.getLong("id") + "'")).isEqualTo(facilities);
        } finally {
            Files.delete(folder);
            Files.move(moved, folder);
        }
    }

    @Test
    void aReceptionistMayNeitherSeeNorTakeBackups() {
        assertThat(server.client().get(BACKUPS).send().await().statusCode()).isEqualTo(403);
        assertThat(server.client().post(BACKUPS).send().await().statusCode()).isEqualTo(403);
    }

    /** Polls the list until the run has ended. */
    private static JsonObject finished(long id) {
        return Eventually.poll(Duration.ofSeconds(30), () -> {
            List<Object> runs = admin.get(BACKUPS).send().await().bodyAsJsonObject().getJsonArray("runs").getList();
            return runs.stream().map(r -> r instanceof Map<?, ?> m ? new JsonObject(castMap(m)) : (JsonObject) r)
                    .filter(r -> r.getLong("id") == id).findFirst().orElse(new JsonObject());
        }, r -> r.getString("outcome") != null && !"RUNNING".equals(r.getString("outcome")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
