package id.antrean.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.antrean.db.Database;
import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly backup fires at BACKUP_TIME in BACKUP_ZONE and is taken once per night for the whole database; the
 * commands work the same on a database given by DATABASE_URL.
 */
class NightlyBackupAndDatabaseUrlTest {
    @TempDir
    Path temp;

    @Test
    void theNightlyRunFiresAtBackupTimeOncePerNightAndTheCommandsBackUpAndRestoreADatabaseUrl() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-07T10:00:00Z");
        // Two seconds after the (fixed) test clock, in Jakarta: the timer fires two seconds after the start.
        Instant night = clock.instant().plusSeconds(2);
        String url = TestPostgres.newDatabaseUrl();
        Map<String, String> env = TestServer.env(url, true);
        env.put("BACKUP_DIR", temp.resolve("nightly").toString());
        env.put("BACKUP_TIME", LocalTime.ofInstant(night, ZoneId.of("Asia/Jakarta")).toString());
        try (TestServer server = TestServer.start(env, clock)) {
            server.walkIn("UMUM");
            server.walkIn("UMUM");

            Eventually.poll(Duration.ofSeconds(60), () -> server.count(
                    "SELECT count(*) FROM backup_run WHERE trigger = 'SCHEDULED' AND outcome = 'SUCCEEDED'"), n -> n == 1);
            assertThat(server.count("SELECT count(*) FROM backup_run WHERE scheduled_for = '" + night + "'"))
                    .isEqualTo(1);
            assertThat(temp.resolve("nightly").resolve(BackupFiles.name(clock.instant(), ZoneId.of("Asia/Jakarta"))))
                    .isRegularFile();
            // Another node's try for the same night is refused by the database itself.
            assertThatThrownBy(() -> server.sql("INSERT INTO backup_run (trigger, scheduled_for, started_at, outcome,"
                    + " finished_at, error) VALUES ('SCHEDULED', '" + night + "', now(), 'FAILED', now(), 'x')"))
                    .hasMessageContaining("backup_run_scheduled_for_key");

            Path file = temp.resolve("by-hand/antrean.dump");
            Cli backup = cli(Map.of("DATABASE_URL", url), "backup", file.toString());
            assertThat(backup.code).as(backup.err).isEqualTo(BackupCommand.OK);

            String empty = TestPostgres.newDatabaseUrl();
            // A copy cut short (a full USB stick): refused, and the database is left empty for the next try.
            byte[] whole = Files.readAllBytes(file);
            Path cut = Files.write(temp.resolve("cut.dump"), java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
            Cli broken = cli(Map.of("DATABASE_URL", empty), "restore", cut.toString());
            assertThat(broken.code).isEqualTo(BackupCommand.FAILED);
            assertThat(broken.err).as(broken.err).contains("damaged or cut short");
            assertThat(text(empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");

            // Cut exactly between two tables (a whole zip that stops early): said the same way, nothing restored.
            Path between = temp.resolve("between.dump");
            try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(file));
                 var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(between))) {
                for (int kept = 0; kept < 3; kept++) {
                    var entry = in.getNextEntry();
                    out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            Cli stopsEarly = cli(Map.of("DATABASE_URL", empty), "restore", between.toString());
            assertThat(stopsEarly.code).isEqualTo(BackupCommand.FAILED);
            assertThat(stopsEarly.err).as(stopsEarly.err).contains("damaged or cut short");
            assertThat(text(empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");

            Cli restore = cli(Map.of("DATABASE_URL", empty), "restore", file.toString());
            assertThat(restore.code).as(restore.err).isEqualTo(BackupCommand.OK);
            String tickets = "SELECT string_agg(label || ':' || number, ',' ORDER BY ticket_id) FROM ticket";
            assertThat(text(empty, tickets)).isEqualTo(text(url, tickets)).isNotNull();
            assertThat(text(empty, "SELECT count(*) FROM backup_run")).as("the backup history is not copied")
                    .isEqualTo("0");

            Cli again = cli(Map.of("DATABASE_URL", empty), "restore", file.toString());
            assertThat(again.code).isEqualTo(BackupCommand.NOT_EMPTY);
            assertThat(again.err).contains("already holds tables");
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndLeavesTheDatabaseEmpty() throws Exception {
        Path notABackup = Files.writeString(temp.resolve("notes.dump"), "hello");
        String empty = TestPostgres.newDatabaseUrl();
        Cli restore = cli(Map.of("DATABASE_URL", empty), "restore", notABackup.toString());
        assertThat(restore.code).isEqualTo(BackupCommand.FAILED);
        assertThat(restore.err).contains("not an Antrean backup");
        assertThat(text(empty, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
    }

    private record Cli(int code, String out, String err) {
    }

    private static Cli cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new BackupCommand(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), MutableClock.at("2026-12-07T10:00:00Z")).run(args);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String text(String url, String sql) throws Exception {
        try (Connection c = Database.fromUrl(url).jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
