package id.antrean.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is what a puskesmas PC runs: nobody else on the PC may reach its data, run its programs in
 * its place, or stop it from starting.
 */
class EmbeddedDatabaseTest {
    /** A data directory of each test's own, deleted after it (unpacked binaries are 60 MB). */
    @TempDir
    Path dataDir;

    @Test
    void itListensOnlyOnAPrivateSocketAndEveryLoginNeedsTheGeneratedPassword() throws Exception {
        try (Database db = EmbeddedDatabase.start(dataDir, 0)) {
            assertThat(single(db, "SHOW listen_addresses")).as("no TCP listener").isEmpty();
            assertThat(single(db, "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules"))
                    .isEqualTo("scram-sha-256");
            assertThat(db.connectOptions().getHost()).isEqualTo(dataDir.resolve("run").toString());

            assertThatThrownBy(() -> connect(dataDir, null).close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(dataDir, "wrong").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection withPassword = connect(dataDir, Files.readString(dataDir.resolve("db-password")).strip())) {
                assertThat(withPassword.isValid(2)).isTrue();
            }

            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("run"))).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("db-password"))).isEqualTo("rw-------");
            assertThat(permissions(dataDir.resolve("postgres"))).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("postgres.log"))).isEqualTo("rw-------");
            assertThat(pathsOpenToOthers(dataDir.resolve("pgsql"))).as("binaries others can read or write").isEmpty();
        }
    }

    @Test
    void aTamperedProgramIsUnpackedAgainBeforeItRunsAndTheDataIsKept() throws Exception {
        try (Database db = EmbeddedDatabase.start(dataDir, 0)) {
            execute(db, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
        }
        Path postgres;
        try (Stream<Path> homes = Files.list(dataDir.resolve("pgsql"))) {
            postgres = homes.findFirst().orElseThrow().resolve("bin/postgres");
        }
        byte[] original = Files.readAllBytes(postgres);
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(postgres, "#!/bin/sh\necho planted\n", StandardOpenOption.TRUNCATE_EXISTING);

        try (Database db = EmbeddedDatabase.start(dataDir, 0)) {
            assertThat(single(db, "SELECT n::text FROM kept")).isEqualTo("42");
        }
        assertThat(Files.readAllBytes(postgres)).as("the program as shipped").isEqualTo(original);
    }

    @Test
    void aDataDirectoryFromBeforePasswordsGetsOneAtItsNextStartAndKeepsItsData() throws Exception {
        // What earlier versions left: a cluster open to every local user (trust), reached over TCP.
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection c = legacy.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE antrean");
        }
        try (Database db = EmbeddedDatabase.start(dataDir, 0)) {
            execute(db, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");
            assertThat(single(db, "SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules"))
                    .isEqualTo("scram-sha-256");
            assertThatThrownBy(() -> connect(dataDir, null).close()).isInstanceOf(SQLException.class);
        }
        assertThat(dataDir.resolve("db-password")).exists();
        assertThat(dataDir.resolve("db-password.new")).doesNotExist();
        try (Database db = EmbeddedDatabase.start(dataDir, 0)) {
            assertThat(single(db, "SELECT n::text FROM kept")).isEqualTo("7");
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsRunning() throws Exception {
        try (Database db = EmbeddedDatabase.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, 0))
                    .hasMessageContaining("Another Antrean server")
                    .hasMessageContaining(dataDir.toString());
            assertThat(single(db, "SELECT 'still here'")).isEqualTo("still here");
        }
    }

    @Test
    void aTcpListenerOn127001IsOpenedOnlyWhenAskedForAndStillNeedsThePassword() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Database db = EmbeddedDatabase.start(dataDir, port)) {
            assertThat(single(db, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/antrean";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong").close())
                    .hasMessageContaining("password authentication failed");
            try (Connection c = DriverManager.getConnection(url, "postgres",
                    Files.readString(dataDir.resolve("db-password")).strip())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    private static Connection connect(Path dataDir, String password) throws SQLException {
        return DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(dataDir.resolve("run/.s.PGSQL.5432"), "antrean"),
                "postgres", password);
    }

    private static String single(Database db, String sql) throws SQLException {
        try (Connection c = db.jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.jdbc(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> pathsOpenToOthers(Path root) throws Exception {
        Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        List<Path> open = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(p -> !Files.isSymbolicLink(p)).forEach(p -> {
                try {
                    if (Files.getPosixFilePermissions(p).stream().anyMatch(others::contains)) {
                        open.add(p);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return open;
    }
}
