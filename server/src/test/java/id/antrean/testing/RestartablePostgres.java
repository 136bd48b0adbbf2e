package id.antrean.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of its own (not the shared {@link TestPostgres}), for tests that stop it under a running
 * server and start it again, on the same port or, to keep a node away from it, on another one.
 */
public final class RestartablePostgres implements AutoCloseable {
    private static final String DATABASE = "antrean";
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static RestartablePostgres start(Path dataDir) {
        RestartablePostgres postgres = new RestartablePostgres(dataDir, freePort());
        postgres.startOn(postgres.port);
        try (Connection c = postgres.server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres;
    }

    /** The URL of its database on its own port. */
    public String url() {
        return urlOn(port);
    }

    /** The URL of its database as it would be on another port. */
    public static String urlOn(int port) {
        return "postgresql://postgres@localhost:" + port + "/" + DATABASE;
    }

    /** Stops it (a fast shutdown: every client is disconnected), keeping its data. */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    /** Starts it again on its own port. */
    public void restart() {
        startOn(port);
    }

    /** Starts it on another port, where the nodes that know it by its own port cannot reach it. */
    public int restartElsewhere() {
        int elsewhere = freePort();
        startOn(elsewhere);
        return elsewhere;
    }

    private void startOn(int onPort) {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(onPort)
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
