package id.antrean.db;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the database is: connect options for the reactive client, a JDBC URL for Flyway and the
 * demo seed, and what to stop on shutdown (the embedded PostgreSQL, when there is one).
 */
public record Database(PgConnectOptions connectOptions, String jdbcUrl, String user, String password,
                       AutoCloseable owner) implements AutoCloseable {

    /** A database reached through a {@code postgresql://user:password@host:port/db} URL. */
    public static Database fromUrl(String url) {
        PgConnectOptions options = PgConnectOptions.fromUri(url);
        String query = url.contains("?") ? url.substring(url.indexOf('?')) : "";
        String jdbc = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/"
                + options.getDatabase() + query;
        return new Database(options, jdbc, options.getUser(), options.getPassword(), () -> { });
    }

    /** A blocking JDBC connection, for start-up work only (migrations, demo seed). */
    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** The same database as a {@code postgresql://} URL, e.g. for a second server node. */
    public String url() {
        String credentials = user == null ? "" : user + (password == null ? "" : ":" + password) + "@";
        return "postgresql://" + credentials + connectOptions.getHost() + ":" + connectOptions.getPort()
                + "/" + connectOptions.getDatabase();
    }

    /** The embedded PostgreSQL this server runs and watches over; empty for a database reached by URL. */
    public java.util.Optional<EmbeddedDatabase> embedded() {
        return owner instanceof EmbeddedDatabase embedded ? java.util.Optional.of(embedded) : java.util.Optional.empty();
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            owner.close();
        } catch (java.io.IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new java.io.IOException(e);
        }
    }
}
