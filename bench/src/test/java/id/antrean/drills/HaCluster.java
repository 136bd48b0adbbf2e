package id.antrean.drills;

import id.antrean.bench.Deadline;
import id.antrean.bench.Postgres;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HA layout of docs/DEPLOYMENT.md on loopback: etcd, three PostgreSQL nodes under Patroni (synchronous mode)
 * and HAProxy routing to the primary, each run from its Debian package with the files in {@code deploy/ha/} as
 * they are. PostgreSQL refuses to run as root, so as root Patroni runs as the {@code postgres} user.
 */
final class HaCluster implements AutoCloseable {
    static final Path CONFIG = Path.of("deploy", "ha");
    static final int HAPROXY_PORT = 5000;
    static final String SUPERUSER_PASSWORD = "antrean-drill-superuser";
    static final List<String> NODES = List.of("pg1", "pg2", "pg3");
    private static final String PG_BIN = "/usr/lib/postgresql/15/bin";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path work;
    private final Path root;
    private final List<Process> others = new ArrayList<>();
    private final Map<String, Process> patronis = new LinkedHashMap<>();

    private HaCluster(Path work, Path root) {
        this.work = work;
        this.root = root;
    }

    /** What keeps the drill from running here, or empty when etcd, Patroni, HAProxy and PostgreSQL 15 are all installed. */
    static Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        for (String tool : List.of("etcd", "patroni", "patronictl", "haproxy")) {
            if (onPath(tool).isEmpty()) {
                absent.add(tool);
            }
        }
        if (!Files.isExecutable(Path.of(PG_BIN, "postgres"))) {
            absent.add(PG_BIN + "/postgres");
        }
        return absent.isEmpty() ? Optional.empty()
                : Optional.of("not installed: " + String.join(", ", absent)
                        + " (bench/run drills installs patroni etcd-server haproxy postgresql-15)");
    }

    private static Optional<Path> onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts etcd, the three Patroni nodes and HAProxy; returns once a primary with a synchronous standby takes writes. */
    static HaCluster start(Path work, Path repositoryRoot) throws Exception {
        HaCluster cluster = new HaCluster(work, repositoryRoot);
        try {
            cluster.startAll();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        Path pg = Files.createDirectories(work.resolve("pg"));
        if (asRoot()) {
            run(List.of("chown", "postgres:postgres", pg.toString()));
        }
        others.add(spawn(List.of("etcd", "--name", "etcd1", "--data-dir", work.resolve("etcd").toString(),
                "--listen-client-urls", "http://127.0.0.1:12379", "--advertise-client-urls", "http://127.0.0.1:12379",
                "--listen-peer-urls", "http://127.0.0.1:12380", "--initial-advertise-peer-urls", "http://127.0.0.1:12380",
                "--initial-cluster", "etcd1=http://127.0.0.1:12380"), Map.of(), work.resolve("etcd.log")));
        if (!Deadline.await(Duration.ofSeconds(30), () -> status("http://127.0.0.1:12379/health") == 200)) {
            throw new IllegalStateException("etcd did not start; see " + work.resolve("etcd.log"));
        }
        for (int i = 1; i <= NODES.size(); i++) {
            startNode(i);
        }
        others.add(spawn(List.of("haproxy", "-db", "-f", root.resolve(CONFIG).resolve("haproxy.cfg").toString()),
                Map.of(), work.resolve("haproxy.log")));
        if (!Deadline.await(Duration.ofSeconds(90), () -> synchronousStandby().isPresent() && writable())) {
            throw new IllegalStateException("no primary with a synchronous standby behind HAProxy within 90 s: "
                    + cluster() + "; see " + work);
        }
    }

    private void startNode(int i) {
        String name = NODES.get(i - 1);
        Map<String, String> env = Map.of(
                "PATRONI_NAME", name,
                "PATRONI_RESTAPI_LISTEN", "127.0.0.1:800" + i,
                "PATRONI_RESTAPI_CONNECT_ADDRESS", "127.0.0.1:800" + i,
                "PATRONI_POSTGRESQL_LISTEN", "127.0.0.1:544" + i,
                "PATRONI_POSTGRESQL_CONNECT_ADDRESS", "127.0.0.1:544" + i,
                "PATRONI_POSTGRESQL_DATA_DIR", dataDir(name).toString(),
                "PATRONI_POSTGRESQL_PGPASS", work.resolve("pg").resolve(name + ".pgpass").toString());
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        command.addAll(List.of("patroni", root.resolve(CONFIG).resolve("patroni.yml").toString()));
        patronis.put(name, spawn(command, env, work.resolve(name + ".log")));
    }

    private Path dataDir(String name) {
        return work.resolve("pg").resolve(name);
    }

    /** The JDBC side of the cluster, through HAProxy: what the server nodes reach as their DATABASE_URL. */
    Postgres database() {
        return Postgres.external("127.0.0.1", HAPROXY_PORT, SUPERUSER_PASSWORD);
    }

    static String databaseUrl() {
        return "postgresql://postgres:" + SUPERUSER_PASSWORD + "@127.0.0.1:" + HAPROXY_PORT + "/" + Postgres.DATABASE;
    }

    /** Patroni's view of the members ({@code GET /cluster} of any node that answers). */
    JsonArray cluster() {
        for (int i = 1; i <= NODES.size(); i++) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:800" + i + "/cluster"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return new JsonObject(r.body()).getJsonArray("members");
                }
            } catch (IOException e) {
                // The next node.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new JsonArray();
    }

    Optional<String> leader() {
        return member("leader");
    }

    Optional<String> synchronousStandby() {
        return member("sync_standby");
    }

    private Optional<String> member(String role) {
        return cluster().stream().map(JsonObject.class::cast)
                .filter(m -> role.equals(m.getString("role")) && "running".equals(m.getString("state")))
                .map(m -> m.getString("name")).findFirst();
    }

    /** Whether a write through HAProxy succeeds now (a primary is behind it and commits). */
    boolean writable() {
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + HAPROXY_PORT
                + "/postgres?connectTimeout=2&socketTimeout=5", "postgres", SUPERUSER_PASSWORD);
             var s = c.createStatement(); var rs = s.executeQuery("SELECT NOT pg_is_in_recovery()")) {
            return rs.next() && rs.getBoolean(1);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * kill -9 of a whole database node: its Patroni and its PostgreSQL (which Patroni started detached, so it is
     * found by its data directory). Nothing is shut down cleanly.
     */
    void killNode(String name) {
        Process patroni = patronis.get(name);
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(patroni.toHandle());
        victims.addAll(patroni.descendants().toList());
        String dir = dataDir(name).toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                .forEach(p -> {
                    victims.add(p);
                    victims.addAll(p.descendants().toList());
                });
        victims.forEach(ProcessHandle::destroyForcibly);
    }

    /** A planned switchover with patronictl, to a named candidate. */
    void switchover(String leader, String candidate) {
        run(List.of("patronictl", "-c", root.resolve(CONFIG).resolve("patroni.yml").toString(), "switchover",
                "--leader", leader, "--candidate", candidate, "--force"));
    }

    /** Turns Patroni's synchronous mode on or off and waits until the primary says so. */
    void synchronousMode(boolean on) {
        run(List.of("patronictl", "-c", root.resolve(CONFIG).resolve("patroni.yml").toString(), "edit-config",
                "-s", "synchronous_mode=" + on, "--force"));
        if (!Deadline.await(Duration.ofSeconds(30), () -> synchronousStandbyNames().isEmpty() != on)) {
            throw new IllegalStateException("synchronous_mode=" + on + " not in effect within 30 s");
        }
    }

    private String synchronousStandbyNames() {
        try (var c = database().connect(); var s = c.createStatement();
             var rs = s.executeQuery("SHOW synchronous_standby_names")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            return "?";
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private Process spawn(List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).directory(work.toFile());
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("commands.log").toFile()))
                    .directory(work.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " failed; see " + work.resolve("commands.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (String name : patronis.keySet()) {
            killNode(name);
        }
        for (Process p : others) {
            p.destroyForcibly();
        }
        for (Process p : others) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
