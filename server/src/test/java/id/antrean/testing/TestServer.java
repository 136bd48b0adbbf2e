package id.antrean.testing;

import id.antrean.app.AppConfig;
import id.antrean.app.Antrean;
import id.antrean.auth.AuthConfig;
import id.antrean.auth.DemoAccounts;
import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.db.Database;
import id.antrean.db.DemoSeed;
import id.antrean.db.Migrations;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.util.HashMap;
import java.util.Map;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

/**
 * A real server node on a real database, driven over HTTP. Requests block the test thread (the
 * client runs on its own Vert.x), so tests read top to bottom like the API's user guide.
 */
public final class TestServer implements AutoCloseable {
    public static final String DEMO = "pkm-demo";

    public static final String PASSWORD = "kata-sandi-uji";
    /** The demo kiosk's token ({@code DEMO_DEVICE_TOKEN}). */
    public static final String DEVICE_TOKEN = "token-perangkat-uji";
    /** The demo display's token ({@code DEMO_DISPLAY_TOKEN}). */
    public static final String DISPLAY_TOKEN = "token-layar-uji";
    /** The master key of test servers (bytes 0..31): no key file is made in the module's folder. */
    public static final String SECRET_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final Antrean node;
    private final String databaseUrl;
    private final Vertx clientVertx;
    private final WebClient anonymous;
    private String receptionistToken;
    private final WebClientSession client;

    private TestServer(Antrean node, String databaseUrl) {
        this(node, databaseUrl, true);
    }

    private TestServer(Antrean node, String databaseUrl, boolean demoLogin) {
        this.node = node;
        this.databaseUrl = databaseUrl;
        this.clientVertx = Vertx.vertx();
        this.anonymous = WebClient.create(clientVertx,
                new WebClientOptions().setDefaultHost("localhost").setDefaultPort(node.port()),
                new PoolOptions().setHttp1MaxSize(64));
        this.receptionistToken = demoLogin ? login("resepsionis") : null;
        this.client = WebClientSession.create(anonymous);
        if (demoLogin) {
            client.addHeader("Authorization", "Bearer " + receptionistToken);
        }
    }

    /**
     * A node on a fresh, empty database without the demo (a facility's first start): nobody to log in as until
     * the setup has created an operator. {@code extraEnv} adds to or overrides the test environment.
     */
    public static TestServer startEmpty(Clock clock, Map<String, String> extraEnv) {
        return startEmptyOn(TestPostgres.newDatabaseUrl(), clock, extraEnv);
    }

    /**
     * A puskesmas PC's first start: no {@code DATABASE_URL}, no demo, the embedded PostgreSQL in an empty
     * {@code dataDir} (its binaries unpacked, its cluster made, its password generated), as the README's first command.
     */
    public static TestServer startEmbeddedEmpty(java.nio.file.Path dataDir, Clock clock) {
        Map<String, String> env = env(null, false);
        env.remove("DATABASE_URL");
        env.put("DATA_DIR", dataDir.toString());
        env.put("BACKUP_DIR", dataDir.resolve("backups").toString());
        try {
            AppConfig config = AppConfig.fromEnv(env);
            return new TestServer(Antrean.start(config, clock), null, false);
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    /** As {@link #startEmpty}, on an existing database (a restart, a second node). */
    public static TestServer startEmptyOn(String databaseUrl, Clock clock, Map<String, String> extraEnv) {
        Map<String, String> env = env(databaseUrl, false);
        env.putAll(extraEnv);
        try {
            AppConfig config = AppConfig.fromEnv(env);
            return new TestServer(Antrean.start(config, clock), config.databaseUrl(), false);
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    /** The setup code this node offered at start; null when an operator existed already. */
    public String setupCode() {
        return node.setupOffer() == null ? null : node.setupOffer().code();
    }

    /** Logs anyone in with a password of their own; the response as it came. */
    public HttpResponse<Buffer> login(String username, String password) {
        return anonymous.post("/api/v1/auth/token")
                .sendJsonObject(new JsonObject().put("username", username).put("password", password)).await();
    }

    /** A node with the demo data on a fresh database. */
    public static TestServer start(Clock clock) {
        return startOn(TestPostgres.newDatabaseUrl(), clock);
    }

    /** Another node on an existing database (e.g. the second node of a pair). */
    public static TestServer startOn(String databaseUrl, Clock clock) {
        return start(env(databaseUrl, true), clock);
    }

    /** The demo facility on a server that has no BPJS configured: the roster answers alone. */
    public static TestServer startWithoutBpjs(Clock clock) {
        String url = TestPostgres.newDatabaseUrl();
        Map<String, String> env = env(url, false);
        try {
            Database db = Database.fromUrl(url);
            Migrations.apply(db);
            DemoSeed.apply(db);
            DemoAccounts.ensure(db, DEMO, AuthConfig.fromEnv(env));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return start(env, clock);
    }

    /**
     * The environment a test node runs with: known demo credentials, cheap hashing, no login, Mobile JKN, device or
     * per-address connection limit (the tests of those limits set their own).
     */
    public static Map<String, String> env(String databaseUrl, boolean demo) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATABASE_URL", databaseUrl);
        env.put("DEMO", demo ? "1" : "0");
        env.put("HTTP_INSTANCES", "2");
        env.put("DEMO_PASSWORD", PASSWORD);
        env.put("DEMO_DEVICE_TOKEN", DEVICE_TOKEN);
        env.put("DEMO_DISPLAY_TOKEN", DISPLAY_TOKEN);
        env.put("BCRYPT_COST", "4");
        env.put("LOGIN_RATE_LIMIT", "0");
        env.put("MOBILEJKN_RATE_LIMIT", "0");
        env.put("LOGIN_FAILURES_PER_ACCOUNT", "0");
        env.put("LOGIN_FAILURES_PER_ADDRESS", "0");
        env.put("DEVICE_RATE_LIMIT", "0");
        env.put("HTTP_CONNECTIONS_PER_ADDRESS", "0");
        env.put("TRACK_RATE_LIMIT", "0");
        env.put("SECRET_KEY", SECRET_KEY);
        // Test clocks are fixed: a nightly backup timer computed from them could fire in the middle of a test.
        env.put("BACKUP_TIME", "off");
        // Backups an admin takes in a test go to the system's temp folder, not into the work tree's ./data.
        env.put("BACKUP_DIR", System.getProperty("java.io.tmpdir") + "/antrean-test-backups-" + ProcessHandle.current().pid());
        return env;
    }

    public static TestServer start(Map<String, String> env, Clock clock) {
        try {
            AppConfig config = AppConfig.fromEnv(env);
            return new TestServer(Antrean.start(config, clock), config.databaseUrl());
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    /** Logs a demo account in; its bearer token. */
    public String login(String username) {
        HttpResponse<Buffer> response = anonymous.post("/api/v1/auth/token")
                .sendJsonObject(new JsonObject().put("username", username).put("password", PASSWORD)).await();
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + username + " failed: " + response.bodyAsString());
        }
        return response.bodyAsJsonObject().getString("token");
    }

    /** A client that sends this bearer token with every request. */
    public WebClient as(String token) {
        return WebClientSession.create(anonymous).addHeader("Authorization", "Bearer " + token);
    }

    /** Logs the receptionist in again (a staff token lasts a working day: tests that jump days need a new one). */
    public void relogin() {
        receptionistToken = login("resepsionis");
        client.removeHeader("Authorization").addHeader("Authorization", "Bearer " + receptionistToken);
    }

    /** A new kiosk of any facility, registered directly in the database; its token. */
    public String kioskToken(String facility) {
        String token = "kiosk-" + facility + "-" + java.util.UUID.randomUUID();
        sql("INSERT INTO device (facility_id, name, kind, token_hash) SELECT facility_id, 'Kiosk test', 'KIOSK', '"
                + id.antrean.auth.Tokens.hash(token) + "' FROM facility WHERE code = '" + facility + "'");
        return token;
    }

    /** A client without any token. */
    public WebClient anonymous() {
        return anonymous;
    }

    public String receptionistToken() {
        return receptionistToken;
    }

    public int port() {
        return node.port();
    }

    /** Every route of this node, {@code "METHOD /path/:param"}. */
    public java.util.List<String> routes() {
        return node.routes();
    }

    /** Runs the no-show sweep now (it runs every minute of real time, and these tests move their own clock). */
    public int sweepNoShows() {
        return node.noShowSweep().runOnce().await();
    }

    /** Runs the sweep that forgets patients' phone numbers once their facility's day is over (issue #19). */
    public int sweepNotifications() {
        return node.notifications().sweep().await();
    }

    /** Where this node runs bcrypt: how many checks ran, and how many at once. */
    public id.antrean.auth.PasswordPool passwordPool() {
        return node.passwords();
    }

    /** The BPJS simulator this node talks to (the demo's, in-process). */
    public BpjsSimulator bpjs() {
        return node.bpjsSimulator();
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public Vertx clientVertx() {
        return clientVertx;
    }

    public WebClient client() {
        return client;
    }

    public HttpResponse<Buffer> get(String path) {
        return client.get(path).send().await();
    }

    public HttpResponse<Buffer> post(String path, JsonObject body) {
        HttpRequest<Buffer> request = client.post(path);
        return (body == null ? request.send() : request.sendJsonObject(body)).await();
    }

    public HttpResponse<Buffer> postRaw(String path, String contentType, String body, String idempotencyKey) {
        HttpRequest<Buffer> request = client.post(path);
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.putHeader("Idempotency-Key", idempotencyKey);
        }
        return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
    }

    /** Issues a ticket at the demo facility with a fresh idempotency key; the response as it came. */
    public HttpResponse<Buffer> issue(JsonObject body) {
        return issue(DEMO, body, UUID.randomUUID().toString());
    }

    public HttpResponse<Buffer> issue(String facility, JsonObject body, String key) {
        return client.post("/api/v1/facilities/" + facility + "/tickets")
                .putHeader("Idempotency-Key", key)
                .sendJsonObject(body).await();
    }

    /** Issues a walk-in UMUM ticket for a service of the demo facility and returns it. */
    public JsonObject walkIn(String service) {
        HttpResponse<Buffer> response = issue(new JsonObject().put("service", service).put("payer", "UMUM"));
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201, got " + response.statusCode() + ": " + response.bodyAsString());
        }
        return response.bodyAsJsonObject();
    }

    /** A counter action at the demo facility. */
    public HttpResponse<Buffer> counter(String counter, String action, JsonObject body) {
        return post("/api/v1/facilities/" + DEMO + "/counters/" + counter + "/" + action, body);
    }

    /** One number from the database, for asserting what was (not) written. */
    public long count(String sql) {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The plan PostgreSQL executes for {@code sql} (with {@code $n} parameters, prepared as the server prepares
     * it) with these literal arguments: {@code EXPLAIN (ANALYZE, FORMAT JSON)}, its top plan node.
     */
    public JsonObject executedPlan(String sql, String... arguments) {
        return executedPlan(false, sql, arguments);
    }

    /** As {@link #executedPlan(String, String...)}, with the generic plan a session uses once a statement is cached. */
    public JsonObject executedGenericPlan(String sql, String... arguments) {
        return executedPlan(true, sql, arguments);
    }

    private JsonObject executedPlan(boolean generic, String sql, String... arguments) {
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = " + (generic ? "force_generic_plan" : "force_custom_plan"));
            s.execute("PREPARE planned AS " + sql);
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE planned("
                    + String.join(", ", arguments) + ")")) {
                rs.next();
                return new io.vertx.core.json.JsonArray(rs.getString(1)).getJsonObject(0).getJsonObject("Plan");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The node's BPJS outbox worker (the demo's BPJS is configured). */
    public id.antrean.bpjs.outbox.OutboxWorker bpjsOutbox() {
        return node.bpjsOutbox().orElseThrow();
    }

    /** The node's own pool: statements on the node's sessions (e.g. what they keep prepared). */
    public io.vertx.sqlclient.Pool pool() {
        return node.pool();
    }

    /** Runs a statement directly on the database (fixtures the API cannot make yet). */
    public void sql(String sql) {
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection jdbc() throws SQLException {
        // A node on its own embedded PostgreSQL has no URL: its database object knows the socket and password.
        return databaseUrl == null ? node.database().jdbc() : Database.fromUrl(databaseUrl).jdbc();
    }

    /** Stops the node, as a crash or a shutdown would; the database stays. */
    public void stopNode() {
        node.close();
    }

    @Override
    public void close() {
        anonymous.close();
        clientVertx.close().await();
        node.close();
    }
}
