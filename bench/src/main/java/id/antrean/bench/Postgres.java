package id.antrean.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of its own for the server under test: the "external" database its {@code DATABASE_URL}
 * points at. Durable (fsync and synchronous commit on, as in production), on a fixed port so that it can be
 * stopped and started again under a running server.
 */
public final class Postgres implements AutoCloseable {
    public static final String DATABASE = "antrean";
    /** Whether this run records pg_stat_statements ({@code BENCH_PG_STAT_STATEMENTS=1}). */
    public static final boolean STAT_STATEMENTS = "1".equals(System.getenv("BENCH_PG_STAT_STATEMENTS"));
    /** With it, the executed plan of every statement slower than this many ms ({@code BENCH_PG_AUTO_EXPLAIN_MS}). */
    private static final String AUTO_EXPLAIN_MS = System.getenv("BENCH_PG_AUTO_EXPLAIN_MS");
    private final Path dataDir;
    private final int port;
    /** Where JDBC finds a database of this server: the URL without the database's name, and the name after it. */
    private final java.util.function.UnaryOperator<String> jdbcUrl;
    private final String password;
    private EmbeddedPostgres server;
    /** pg_stat_statements loaded at start: for every run with BENCH_PG_STAT_STATEMENTS=1, always for the facilities. */
    private boolean statementStatistics = STAT_STATEMENTS;

    private Postgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        this.jdbcUrl = database -> "jdbc:postgresql://localhost:" + port + "/" + database;
        this.password = "";
    }

    private Postgres(Path dataDir, java.util.function.UnaryOperator<String> jdbcUrl, String password) {
        this.dataDir = dataDir;
        this.port = -1;
        this.jdbcUrl = jdbcUrl;
        this.password = password;
    }

    /**
     * The embedded PostgreSQL of a server running without {@code DATABASE_URL}, as its own files describe it: the
     * private socket in {@code DATA_DIR/run} and the password in {@code DATA_DIR/db-password}. It belongs to the
     * server: {@link #close()} leaves it running.
     */
    public static Postgres ofServer(Path serverDataDir) {
        Path socket = serverDataDir.toAbsolutePath().resolve("run").resolve(".s.PGSQL.5432");
        try {
            String password = java.nio.file.Files.readString(serverDataDir.resolve("db-password")).strip();
            return new Postgres(serverDataDir.toAbsolutePath().resolve("postgres"),
                    database -> id.antrean.db.EmbeddedDatabase.jdbcUrl(socket, database), password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PostgreSQL this JVM did not start and does not stop (e.g. the Patroni cluster behind HAProxy of the HA
     * drill), reached as the superuser {@code postgres} with this password.
     */
    public static Postgres external(String host, int port, String password) {
        return new Postgres(null, database -> "jdbc:postgresql://" + host + ":" + port + "/" + database, password);
    }

    /** Starts a new server with its data in {@code dataDir} (created, or reused when it holds a cluster). */
    public static Postgres start(Path dataDir) {
        return start(dataDir, STAT_STATEMENTS);
    }

    /** As {@link #start(Path)}, with pg_stat_statements loaded whatever BENCH_PG_STAT_STATEMENTS says. */
    public static Postgres startWithStatementStatistics(Path dataDir) {
        return start(dataDir, true);
    }

    private static Postgres start(Path dataDir, boolean statementStatistics) {
        Postgres postgres = new Postgres(dataDir, freePort());
        postgres.statementStatistics = statementStatistics;
        postgres.startServer();
        postgres.execute("postgres", "CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
        return postgres;
    }

    private void startServer() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // BENCH_PG_STAT_STATEMENTS=1: where PostgreSQL's time goes, statement by statement (a little
                    // overhead, so off for the figures of record).
                    .setServerConfig("shared_preload_libraries", statementStatistics
                            ? "pg_stat_statements" + (AUTO_EXPLAIN_MS == null ? "" : ",auto_explain") : "")
                    // Planning counted apart from execution: a statement planned anew at every call shows here.
                    .setServerConfig("pg_stat_statements.track_planning", statementStatistics ? "on" : "off")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (statementStatistics && AUTO_EXPLAIN_MS != null) {
                // BENCH_PG_AUTO_EXPLAIN_MS=N (with BENCH_PG_STAT_STATEMENTS=1): the executed plan, with its buffers, of
                // every statement slower than N ms, in PostgreSQL's log (the plans a pooled session really uses).
                builder.setServerConfig("auto_explain.log_min_duration", AUTO_EXPLAIN_MS + "ms")
                        .setServerConfig("auto_explain.log_analyze", "on")
                        .setServerConfig("auto_explain.log_buffers", "on")
                        .setServerConfig("logging_collector", "on")
                        .setServerConfig("log_directory", "pg_log");
            }
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (a fast shutdown: clients are disconnected), keeping its data. */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    /** Starts it again on the same port and data. */
    public void restart() {
        startServer();
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    /** The URL the server is given as {@code DATABASE_URL}. */
    public String url() {
        return "postgresql://postgres@localhost:" + port + "/" + DATABASE;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl.apply(DATABASE), "postgres", password);
    }

    /** Runs statements in the named database. */
    public void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl.apply(database), "postgres", password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number, e.g. a count, from the application's database. */
    public long number(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each row of a query as its columns joined by ", " (for diagnostics in the results). */
    public java.util.List<String> rows(String sql) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? ", " : "").append(rs.getMetaData().getColumnLabel(i)).append(' ')
                            .append(rs.getString(i));
                }
                out.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * The processes of the PostgreSQL whose data is in {@code dataDir}: it detaches from the JVM (pg_ctl), so its
     * postmaster is found by the data directory on its command line; the rest are the postmaster's children.
     */
    static java.util.stream.LongStream processIds(Path dataDir) {
        String dir = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                .flatMapToLong(p -> java.util.stream.LongStream.concat(java.util.stream.LongStream.of(p.pid()),
                        p.descendants().mapToLong(ProcessHandle::pid)));
    }

    static int freePort() {
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
