package id.antrean.bench;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server as it runs in production: {@code server.jar} in a JVM of its own, configured by environment
 * variables, killed for real. Its output goes to a log file beside its data.
 */
public final class ServerProcess implements AutoCloseable {
    public static final String PASSWORD = "bench-password";
    /** The demo kiosk's token. */
    public static final String DEVICE_TOKEN = "bench-device-token-0123456789";
    /** The demo display's token: what the waiting-room screens of the benchmarks and drills use. */
    public static final String DISPLAY_TOKEN = "bench-display-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    private ServerProcess(Map<String, String> env, Path log, int port) {
        this.env = env;
        this.log = log;
        this.port = port;
    }

    /**
     * The environment of a bench node: the demo facility, known credentials, no login, request or per-address
     * connection limits (thousands of screens connect from 127.0.0.1).
     */
    public static Map<String, String> env(String databaseUrl, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        if (databaseUrl != null) {
            env.put("DATABASE_URL", databaseUrl);
        }
        env.put("DATA_DIR", dataDir.toString());
        env.put("DEMO", "1");
        env.put("DEMO_PASSWORD", PASSWORD);
        env.put("DEMO_DEVICE_TOKEN", DEVICE_TOKEN);
        env.put("DEMO_DISPLAY_TOKEN", DISPLAY_TOKEN);
        env.put("LOGIN_RATE_LIMIT", "0");
        env.put("MOBILEJKN_RATE_LIMIT", "0");
        env.put("LOGIN_FAILURES_PER_ACCOUNT", "0");
        env.put("LOGIN_FAILURES_PER_ADDRESS", "0");
        env.put("DEVICE_RATE_LIMIT", "0");
        env.put("HTTP_CONNECTIONS_PER_ADDRESS", "0");
        env.put("BCRYPT_COST", "4");
        return env;
    }

    /** Starts {@code server.jar} with this environment on a free port, without waiting for it. */
    public static ServerProcess launch(Map<String, String> env, Path log) {
        int port = Postgres.freePort();
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("PORT", Integer.toString(port));
        ServerProcess server = new ServerProcess(withPort, log, port);
        server.spawn();
        return server;
    }

    /** Starts it and waits until {@code /health} says UP. */
    public static ServerProcess start(Map<String, String> env, Path log) {
        ServerProcess server = launch(env, log);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    private void spawn() {
        Path jar = Path.of(System.getProperty("server.jar", "server/target/server.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No server jar at " + jar + ": build it first (./mvnw -DskipTests package)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        // BENCH_SERVER_JAVA_OPTS: extra JVM options for the node, e.g. a flight recording while profiling.
        String extra = System.getenv("BENCH_SERVER_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code /health} until it answers 200 or the deadline passes. */
    public void awaitHealthy(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped at start; see " + log);
            }
            if (health() == 200) {
                return;
            }
            Deadline.pause();
        }
        throw new IllegalStateException("The server was not healthy within " + within + "; see " + log);
    }

    /** {@code GET /health}: its status, or -1 when nothing answers. */
    public int health() {
        return health(Duration.ofSeconds(2));
    }

    /**
     * {@code GET /health}'s status, or -1 when it did not answer within {@code timeout}. Drills that judge every
     * answer give it longer: on a loaded CI machine a slow answer is not a wrong one.
     */
    public int health(Duration timeout) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/health")).timeout(timeout)
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code GET /health}'s body, or the error that kept it from answering. */
    public String healthBody() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/health")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** SIGKILL: no shutdown hook, no goodbye — a power cut as far as the JVM knows. */
    public void kill9() {
        process.destroyForcibly();
        waitFor();
    }

    /** Starts the same node again (same port, same environment) without waiting. */
    public void launchAgain() {
        spawn();
    }

    /** Starts the same node again (same port, same environment) and waits until it is healthy. */
    public void restart() {
        spawn();
        awaitHealthy(Duration.ofSeconds(90));
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
