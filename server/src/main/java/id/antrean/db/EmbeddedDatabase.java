package id.antrean.db;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started by the application itself when no {@code DATABASE_URL} is given. Its data
 * lives under {@code DATA_DIR/postgres} and survives restarts.
 */
public final class EmbeddedDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE_NAME = "antrean";
    static final String USER = "postgres";

    private EmbeddedDatabase() {
    }

    public static Database start(Path dataDir) throws IOException, SQLException {
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        Files.createDirectories(pgData.getParent());
        LOG.info("Starting embedded PostgreSQL with data in {}", pgData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                // The library starts PostgreSQL for tests (fsync off, asynchronous commit); an acknowledged
                // ticket must survive a crash, so both are turned back on. Later options win over -F.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        createDatabaseIfMissing(postgres);
        int port = postgres.getPort();
        PgConnectOptions options = new PgConnectOptions()
                .setHost("localhost")
                .setPort(port)
                .setDatabase(DATABASE_NAME)
                .setUser(USER);
        String jdbc = "jdbc:postgresql://localhost:" + port + "/" + DATABASE_NAME;
        return new Database(options, jdbc, USER, null, postgres);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE_NAME);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE_NAME + " ENCODING 'UTF8'");
            }
        }
    }
}
