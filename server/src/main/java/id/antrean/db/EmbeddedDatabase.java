package id.antrean.db;

import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL a puskesmas PC runs when no {@code DATABASE_URL} is given: its data in {@code DATA_DIR/postgres},
 * its binaries in {@code DATA_DIR/pgsql}, reached over a Unix socket in {@code DATA_DIR/run} with a password kept
 * in {@code DATA_DIR/db-password}; the whole {@code DATA_DIR} readable by the server's user only.
 *
 * <p>It heals itself like a service manager would: a postmaster orphaned by a killed server is stopped before the
 * next start, and a postmaster that dies while the server runs is started again, with back-off, until it stays up.
 *
 * <p>Somewhat over 300 lines on purpose: start, supervision, restart and health share the one child process's
 * state; what stands alone is apart ({@link Postmaster}, {@link PostgresBinaries}, {@link ClusterAccess},
 * {@link LeftoverPostgres}, {@link DataDirectoryLock}).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String DATABASE_NAME = "antrean";
    static final int DEFAULT_PORT = 5432;
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    /** Unix socket paths are limited to 104 bytes on macOS, 108 on Linux. */
    private static final int SOCKET_PATH_LIMIT = 100;
    private static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;

    /** What the embedded PostgreSQL is doing, as {@code /health} shows it. */
    public enum State { UP, RESTARTING, STOPPED }

    private final DataDirectoryLock lock;
    private final PostgresBinaries binaries;
    private final Path pgData;
    private final Postmaster.Listening listening;
    private final Path log;
    private final ScheduledExecutorService restarter;
    private volatile Postmaster postmaster;
    private volatile State state = State.UP;
    private volatile int restarts;
    private volatile Instant lastCrash;
    private volatile String lastError;
    private volatile boolean closing;

    private EmbeddedDatabase(DataDirectoryLock lock, PostgresBinaries binaries, Path pgData,
                             Postmaster.Listening listening, Path log) {
        this.lock = lock;
        this.binaries = binaries;
        this.pgData = pgData;
        this.listening = listening;
        this.log = log;
        this.restarter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-restarter");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts (initialising on first use) the embedded PostgreSQL.
     *
     * @param tcpPort 0 for the Unix socket only; otherwise also listen on 127.0.0.1 at that port (password required)
     */
    public static Database start(Path dataDir, int tcpPort) throws IOException, SQLException {
        Path data = PrivateFiles.directory(dataDir.toAbsolutePath().normalize());
        keepNativeLibrariesIn(PrivateFiles.directory(data.resolve("tmp")));
        DataDirectoryLock lock = DataDirectoryLock.acquire(data);
        EmbeddedDatabase embedded = null;
        try {
            PostgresBinaries binaries = PostgresBinaries.in(data.resolve("pgsql"));
            Path pgData = data.resolve("postgres");
            Postmaster.Listening listening = new Postmaster.Listening(socketDirectory(data),
                    tcpPort == 0 ? DEFAULT_PORT : tcpPort, tcpPort != 0);
            embedded = new EmbeddedDatabase(lock, binaries, pgData, listening, logFile(data));
            ClusterAccess access = new ClusterAccess(data, pgData, listening.tcp());
            embedded.startFirstTime(access);
            return embedded.database(access.password());
        } catch (IOException | SQLException | RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            } else {
                lock.close();
            }
            throw e;
        }
    }

    /**
     * Netty's transport and junixsocket, which reach the database's socket, unpack a native library at first use:
     * into our private folder rather than the shared temp folder (unless the operator chose a folder).
     */
    private static void keepNativeLibrariesIn(Path folder) {
        for (String property : List.of("io.netty.native.workdir", "org.newsclub.net.unix.library.tmpdir")) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, folder.toString());
            }
        }
    }

    private void startFirstTime(ClusterAccess access) throws IOException, SQLException {
        LeftoverPostgres.stop(binaries.home().getParent(), pgData);
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            initdb();
        }
        access.writeHba();
        LOG.info("Starting embedded PostgreSQL with data in {}", pgData);
        postmaster = Postmaster.start(binaries, pgData, listening, log, START_WAIT);
        if (!access.passwordInPlace()) {
            LOG.info("Giving the embedded PostgreSQL a password (kept in DATA_DIR/{})", ClusterAccess.PASSWORD_FILE);
            String password = access.pendingPassword();
            try (Connection c = connect("postgres", null); Statement s = c.createStatement()) {
                // A generated base64url password: nothing to escape. ALTER ROLE takes no parameters.
                s.execute("ALTER ROLE " + ClusterAccess.USER + " PASSWORD '" + password + "'");
                access.confirmPassword();
                s.execute("SELECT pg_reload_conf()");
            }
        }
        createDatabaseIfMissing(access.password());
        watch(postmaster);
    }

    private void initdb() throws IOException {
        LOG.info("Creating the embedded PostgreSQL's data in {}", pgData);
        List<String> command = new ArrayList<>(OsUser.unprivileged());
        command.addAll(List.of(binaries.program("initdb").toString(), "-D", pgData.toString(),
                "-U", ClusterAccess.USER, "-E", "UTF-8", "-A", "trust", "--no-instructions"));
        Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!initdb.waitFor(2, TimeUnit.MINUTES) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new IOException("initdb failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the database", e);
        }
    }

    private void watch(Postmaster running) {
        running.onExit().thenRun(() -> {
            if (closing || running != postmaster) {
                return;
            }
            state = State.RESTARTING;
            restarts++;
            lastCrash = Instant.now();
            lastError = "PostgreSQL (pid " + running.pid() + ") exited with code " + running.exitValue();
            LOG.error("{}; starting it again", lastError);
            scheduleRestart(FIRST_RETRY);
        });
    }

    private void scheduleRestart(Duration delay) {
        if (!closing) {
            restarter.schedule(() -> restart(delay), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void restart(Duration delay) {
        if (closing) {
            return;
        }
        try {
            LeftoverPostgres.stop(binaries.home().getParent(), pgData);
            PostgresBinaries.verify(binaries.home());
            Postmaster started = Postmaster.start(binaries, pgData, listening, log, START_WAIT);
            postmaster = started;
            if (closing) {
                started.stop();
                return;
            }
            state = State.UP;
            lastError = null;
            LOG.info("Embedded PostgreSQL is running again (pid {})", started.pid());
            watch(started);
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage();
            Duration next = delay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay.multipliedBy(2);
            LOG.error("Embedded PostgreSQL did not start again ({}); next try in {} ms", e.getMessage(), next.toMillis());
            scheduleRestart(next);
        }
    }

    /** Whether {@code dataDir} holds a cluster already (a database to back up, or one a restore must not overwrite). */
    public static boolean initialised(Path dataDir) {
        return Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"));
    }

    /**
     * The database of the server that holds {@code dataDir}'s lock, reached as that server reaches it: through the
     * socket and port its {@code postmaster.pid} names, with the stored password. Owns nothing: closing it stops
     * nothing.
     */
    public static Database running(Path dataDir) throws IOException {
        Path data = dataDir.toAbsolutePath().normalize();
        java.util.List<String> lines = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
        if (lines.size() < 5) {
            throw new IOException("the running server's PostgreSQL has not finished starting; try again in a minute");
        }
        // postmaster.pid: line 4 the port, line 5 the socket's folder.
        int port = Integer.parseInt(lines.get(3).strip());
        Path socketDirectory = Path.of(lines.get(4).strip());
        String password = PrivateFiles.readSecret(data.resolve(ClusterAccess.PASSWORD_FILE));
        PgConnectOptions options = new PgConnectOptions().setHost(socketDirectory.toString()).setPort(port)
                .setDatabase(DATABASE_NAME).setUser(ClusterAccess.USER).setPassword(password);
        return new Database(options, jdbcUrl(socketDirectory.resolve(".s.PGSQL." + port), DATABASE_NAME),
                ClusterAccess.USER, password, () -> { });
    }

    /** What it is doing, for {@code /health}: state, pid, restarts since the server started, the last failure. */
    public JsonObject health() {
        Postmaster current = postmaster;
        JsonObject health = new JsonObject().put("state", state.name()).put("restarts", restarts);
        if (current != null && current.isAlive()) {
            health.put("pid", current.pid());
        }
        if (lastCrash != null) {
            health.put("lastCrash", lastCrash.toString());
        }
        if (lastError != null) {
            health.put("lastError", lastError);
        }
        return health;
    }

    public State state() {
        return state;
    }

    /** The postmaster's pid (for drills that kill it). */
    public long pid() {
        return postmaster.pid();
    }

    private Database database(String password) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(listening.socketDirectory().toString())
                .setPort(listening.port())
                .setDatabase(DATABASE_NAME)
                .setUser(ClusterAccess.USER)
                .setPassword(password);
        return new Database(options, jdbcUrl(DATABASE_NAME), ClusterAccess.USER, password, this);
    }

    private String jdbcUrl(String database) {
        return jdbcUrl(listening.socketFile(), database);
    }

    /** JDBC over a Unix socket, through junixsocket's socket factory (the driver has none of its own). */
    public static String jdbcUrl(Path socketFile, String database) {
        return "jdbc:postgresql://localhost/" + database
                + "?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg"
                + "&socketFactoryArg=" + URLEncoder.encode(socketFile.toString(), StandardCharsets.UTF_8)
                + "&sslmode=disable";
    }

    private Connection connect(String database, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), ClusterAccess.USER, password);
    }

    private void createDatabaseIfMissing(String password) throws SQLException {
        try (Connection c = connect("postgres", password);
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

    /** {@code DATA_DIR/run}, unless its path is too long for a socket: then a private folder of the system's temp. */
    private static Path socketDirectory(Path dataDir) throws IOException {
        Path run = dataDir.resolve("run");
        if (run.resolve(".s.PGSQL.65535").toString().getBytes(StandardCharsets.UTF_8).length <= SOCKET_PATH_LIMIT) {
            return PrivateFiles.directory(run);
        }
        return PrivateFiles.temporaryDirectory("antrean-pg-");
    }

    /** PostgreSQL's own output, kept beside its data; the previous one kept once it grows past 10 MB. */
    private static Path logFile(Path dataDir) throws IOException {
        Path log = dataDir.resolve("postgres.log");
        if (Files.exists(log) && Files.size(log) > LOG_ROTATE_BYTES) {
            Files.move(log, dataDir.resolve("postgres.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        return PrivateFiles.file(log);
    }

    @Override
    public void close() throws IOException {
        closing = true;
        restarter.shutdownNow();
        state = State.STOPPED;
        Postmaster current = postmaster;
        if (current != null) {
            current.stop();
        }
        lock.close();
    }
}
