package id.antrean.drills;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.db.Database;
import id.antrean.drills.Endpoint.Caller;
import id.antrean.drills.Endpoint.Target;
import id.antrean.drills.FuzzCase.Expect;
import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.mobilejkn.ContractMessages;
import id.antrean.mobilejkn.MobileJknCaller;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import id.antrean.testing.Eventually;
import java.time.Duration;

/**
 * The fuzz drill of issue 8: at least a thousand generated bad requests — malformed JSON, wrong types, missing and
 * unknown fields, huge bodies, odd Unicode, SQL-looking strings, bad path and query parameters, bad credentials,
 * bad QR texts and camera frames — across every public endpoint (the API, its pages and reports, Mobile JKN's
 * online queue and the kiosk agent), against a real server on PostgreSQL with the demo data and a kiosk agent
 * pointed at it. No answer may be a 5xx, and no refused request may change a row.
 *
 * <p>The cases come from one seeded {@link Random}: {@code -Ddrill.fuzz.seed=} replays a run,
 * {@code -Ddrill.fuzz.count=} makes more cases (never fewer than 1,000). They are sent one after another; the
 * database is fingerprinted (every row of every table, see {@link DbFingerprint}) before and after each, so a
 * refused request that changed a row is named, and an accepted one (a case may be a request the endpoint may take,
 * e.g. an emoji in a device name) is kept out of the comparison instead of hiding the others.
 */
class FuzzDrillTest {
    static final long SEED = Long.getLong("drill.fuzz.seed", 20261125L);
    // At least this many; run() raises it to ten cases for every endpoint, however many there are.
    static final int COUNT = Math.max(1_000, Integer.getInteger("drill.fuzz.count", 1_200));
    /** A Wednesday, 08:30 in Makassar: the demo's polis are open and take bookings for today. */
    private static final String NOW = "2026-11-25T00:30:00Z";
    private static final String TODAY = "2026-11-25";
    private static final String CARD = "0001234567890";
    private static final String NIK = "7371011205580001";
    private static final String PIN = "2468";
    private static final Pattern LEAK = Pattern.compile("root:x?:0:0|\\[fonts\\]|<modelVersion>|Manifest-Version");

    private static TestServer server;
    private static KioskAgent kiosk;
    private static HttpClient http;
    private static Catalog.Fixtures fixtures;
    private static final Credentials credentials = new Credentials();
    private static Outcome outcome;

    /** The tokens the cases are sent with; some are renewed when an accepted case used them up. */
    private static final class Credentials {
        String receptionist;
        String admin;
        String logout;
        String kioskSettings;
        String operator;
        MobileJknCaller mobileJkn;
    }

    /** What a case got back; {@code error} when nothing came back at all. */
    record Answer(int status, String contentType, String body, String error) {
        String describe() {
            return error != null ? "no answer: " + error
                    : status + " " + contentType + " " + FuzzCase.shorten(body.replaceAll("\\s+", " "), 300);
        }
    }

    /** Everything the run found; the tests assert on parts of it. */
    record Outcome(int cases, long millis, Map<String, Integer> perEndpoint, int rejected, int accepted,
                   List<String> serverFailures, List<String> rowChanges, List<String> acceptedButMustBeRefused,
                   List<String> laterChanges) {
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(MutableClock.at(NOW));
        // Two walk-ins: the first is called to R-UMUM-1 (its counter actions have a current ticket), the other waits.
        server.walkIn("UMUM");
        long waiting = server.walkIn("UMUM").getLong("id");
        HttpResponse<Buffer> called = server.counter("R-UMUM-1", "call-next", null);
        assertThat(called.statusCode()).as(called.bodyAsString()).isEqualTo(200);
        credentials.mobileJkn = new MobileJknCaller(server);
        MobileJknCaller.response(credentials.mobileJkn.book(CARD, NIK, "001", TODAY));
        long booked = server.count("SELECT ticket_id FROM ticket WHERE status = 'BOOKED' AND card_number = '" + CARD + "'");
        credentials.receptionist = server.receptionistToken();
        credentials.admin = server.login("admin");
        credentials.logout = server.login("resepsionis");
        credentials.operator = server.login("operator");
        HttpResponse<Buffer> device = server.as(credentials.admin).post("/api/v1/facilities/" + TestServer.DEMO + "/devices")
                .sendJsonObject(new JsonObject().put("name", "Kiosk to revoke").put("kind", "KIOSK")).await();
        assertThat(device.statusCode()).as(device.bodyAsString()).isEqualTo(201);

        // The kiosk's clock stands still too: its PIN tries per minute then count the same in every run.
        Path prints = Files.createTempDirectory("fuzz-prints");
        kiosk = KioskAgent.start(KioskConfig.fromEnv(Map.of(
                "PORT", "0", "SERVER_URL", "http://localhost:" + server.port(), "FACILITY", TestServer.DEMO,
                "DEVICE_TOKEN", TestServer.DEVICE_TOKEN, "PRINTER", "pdf:" + prints, "PRINTER_WIDTH", "58",
                "KIOSK_PIN", PIN)), Clock.fixed(java.time.Instant.parse(NOW), java.time.ZoneOffset.UTC));
        HttpResponse<Buffer> unlocked = server.anonymous().post(kiosk.port(), "localhost", "/api/settings/unlock")
                .sendJsonObject(new JsonObject().put("pin", PIN)).await();
        assertThat(unlocked.statusCode()).as(unlocked.bodyAsString()).isEqualTo(200);
        credentials.kioskSettings = unlocked.bodyAsJsonObject().getString("token");

        // A closure and a staff account of their own: a reset password or a deactivation hits nobody the drill uses.
        HttpResponse<Buffer> closure = server.as(credentials.admin).post("/api/v1/facilities/" + TestServer.DEMO + "/closures")
                .sendJsonObject(new JsonObject().put("date", java.time.LocalDate.parse(TODAY).plusDays(20).toString())
                        .put("service", "KIA").put("reason", "Pelatihan")).await();
        assertThat(closure.statusCode()).as(closure.bodyAsString()).isEqualTo(201);
        HttpResponse<Buffer> staff = server.as(credentials.admin).post("/api/v1/facilities/" + TestServer.DEMO + "/staff")
                .sendJsonObject(new JsonObject().put("username", "fuzz.petugas").put("name", "Fuzz")
                        .put("role", "RECEPTIONIST").put("password", "Sandi-fuzz-petugas-1")).await();
        assertThat(staff.statusCode()).as(staff.bodyAsString()).isEqualTo(201);
        fixtures = new Catalog.Fixtures(TestServer.DEMO, TODAY, waiting, booked, device.bodyAsJsonObject().getLong("id"),
                CARD, NIK, TestServer.PASSWORD, PIN, closure.bodyAsJsonObject().getLong("id"),
                staff.bodyAsJsonObject().getLong("id"));
        // A connection of its own for every case: a case whose answer closes its connection (431 for a huge
        // header, say) must not cost the next case its answer.
        http = server.clientVertx().createHttpClient(new HttpClientOptions().setKeepAlive(false).setIdleTimeout(30)
                .setMaxHeaderSize(64 * 1024).setMaxInitialLineLength(64 * 1024), new PoolOptions().setHttp1MaxSize(4));
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close().await();
        }
        if (kiosk != null) {
            kiosk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCatalogHasEveryContractOperationAndEveryRouteOfTheServer() {
        // Catalog.all fails for a contract operation it has no entry for.
        List<Endpoint> endpoints = Catalog.all(Contract.load(), fixtures);
        List<String> known = endpoints.stream().filter(e -> e.target() == Target.API)
                .map(e -> e.method() + " " + e.path().replaceAll("\\{([A-Za-z]+)}", ":$1"))
                .toList();
        List<String> missing = new ArrayList<>();
        for (String route : server.routes()) {
            String[] r = route.split(" ", 2);
            String path = r[1];
            boolean covered = path.equals("/mobilejkn/") || path.startsWith("/mobilejkn/")
                    ? endpoints.stream().anyMatch(e -> e.target() == Target.MOBILE_JKN)
                    : known.stream().anyMatch(k -> matches(k, r[0], path));
            if (!covered) {
                missing.add(route);
            }
        }
        assertThat(missing).as("routes of the server that the fuzz drill does not call: add them to Catalog").isEmpty();
    }

    /** A catalog entry for a route: same method (a route for all methods: GET), same path or its static root. */
    private static boolean matches(String known, String method, String path) {
        String m = method.equals("*") ? "GET" : method;
        String p = path.endsWith("/*") ? path.substring(0, path.length() - 1) + ":file"
                : path.endsWith("/") && path.length() > 1 ? path + ":file" : path;
        return known.equals(m + " " + p);
    }

    @Test
    void aThousandBadInputsAcrossEveryPublicEndpointNeverGetA5xx() {
        Outcome o = drill();
        assertThat(o.cases()).isGreaterThanOrEqualTo(1_000);
        List<Endpoint> endpoints = Catalog.all(Contract.load(), fixtures);
        for (Endpoint e : endpoints) {
            assertThat(o.perEndpoint().getOrDefault(e.key(), 0)).as("cases for " + e.key()).isGreaterThanOrEqualTo(10);
        }
        assertThat(o.serverFailures())
                .as("%d of %d bad requests got a 5xx (or Mobile JKN's internal-error envelope, or no answer); seed %d",
                        o.serverFailures().size(), o.cases(), SEED)
                .isEmpty();
    }

    @Test
    void rejectedRequestsChangeNoRow() {
        Outcome o = drill();
        // The drill must mostly be refusals, or "no refused request changed a row" says little.
        assertThat(o.rejected()).as("refused cases").isGreaterThan(o.cases() / 2);
        assertThat(o.rowChanges()).as("refused requests that changed rows; seed %d", SEED).isEmpty();
        assertThat(o.acceptedButMustBeRefused()).as("requests the contract refuses that were accepted; seed %d", SEED)
                .isEmpty();
        assertThat(o.laterChanges()).as("rows changed after the last answer, with nothing accepted").isEmpty();
    }

    private static synchronized Outcome drill() {
        if (outcome == null) {
            try {
                outcome = run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return outcome;
    }

    private static Outcome run() throws Exception {
        List<Endpoint> endpoints = Catalog.all(Contract.load(), fixtures);
        List<Endpoint> schedule = Fuzzer.schedule(endpoints);
        Fuzzer fuzzer = new Fuzzer(new Random(SEED));
        // Enough whole passes of the schedule for every endpoint's ten cases, however many endpoints there are.
        int lightest = endpoints.stream().mapToInt(Fuzzer::weight).min().orElse(1);
        int count = Math.max(COUNT, (10 + lightest - 1) / lightest * schedule.size());
        System.out.printf("Fuzz drill: seed %d (-Ddrill.fuzz.seed=%d replays it), %d cases over %d endpoints%n",
                SEED, SEED, count, endpoints.size());
        Map<String, Integer> perEndpoint = new TreeMap<>();
        Map<String, Map<String, Integer>> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> rowChanges = new ArrayList<>();
        List<String> mustBeRefused = new ArrayList<>();
        int rejected = 0;
        int accepted = 0;
        int mustRefuse = 0;
        Map<String, Integer> kinds = new TreeMap<>();
        long started = System.nanoTime();
        Path log = Path.of("target", "fuzz-drill-cases.txt");
        try (Connection db = Database.fromUrl(server.databaseUrl()).jdbc();
             java.io.Writer cases = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            DbFingerprint fingerprint = DbFingerprint.of(db);
            Map<String, String> before = fingerprint.take(db);
            // The fingerprint must see a change of one character in one row, or its silence below means nothing.
            server.sql("UPDATE device SET name = name || '.' WHERE device_id = " + fixtures.deviceToRevoke());
            assertThat(DbFingerprint.changed(before, fingerprint.take(db))).singleElement().asString().startsWith("device ");
            server.sql("UPDATE device SET name = rtrim(name, '.') WHERE device_id = " + fixtures.deviceToRevoke());
            assertThat(fingerprint.take(db)).isEqualTo(before);
            for (int i = 0; i < count; i++) {
                Endpoint e = schedule.get(i % schedule.size());
                FuzzCase c = fuzzer.next(i, e);
                Answer a = send(c);
                cases.write(c.summary() + "\n      → " + a.describe() + "\n");
                kinds.merge(c.kind(), 1, Integer::sum);
                mustRefuse += c.expect() == Expect.REJECT ? 1 : 0;
                perEndpoint.merge(e.key(), 1, Integer::sum);
                statuses.computeIfAbsent(e.key(), k -> new TreeMap<>())
                        .merge(a.error() != null ? "none" : Integer.toString(a.status()), 1, Integer::sum);
                if (serverFailure(c, a)) {
                    failures.add(c.summary() + "\n      → " + a.describe());
                }
                if (a.status() == 200 && LEAK.matcher(a.body()).find()) {
                    failures.add(c.summary() + "\n      → a file from outside the web roots: " + a.describe());
                }
                Map<String, String> after = fingerprint.take(db);
                if (refused(c, a)) {
                    rejected++;
                    List<String> changed = DbFingerprint.changed(before, after);
                    if (!changed.isEmpty()) {
                        rowChanges.add(c.summary() + "\n      → " + a.describe() + "\n      changed " + changed);
                    }
                } else if (a.error() == null && a.status() < 500) {
                    accepted++;
                    if (c.expect() == Expect.REJECT) {
                        mustBeRefused.add(c.summary() + "\n      → " + a.describe());
                    }
                    if (repair(c)) {
                        after = fingerprint.take(db);
                    }
                }
                before = after;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            // Anything a refused request set off late (after its answer) would show here.
            Thread.sleep(1_500);
            List<String> later = DbFingerprint.changed(before, fingerprint.take(db));
            System.out.printf("Fuzz drill: %d cases in %.1f s: %d refused, %d accepted, %d server failures, "
                            + "%d row changes by refused requests, %d of %d that must be refused accepted%n",
                    count, millis / 1000.0, rejected, accepted, failures.size(), rowChanges.size(), mustBeRefused.size(),
                    mustRefuse);
            System.out.println("  cases per kind: " + kinds);
            statuses.forEach((k, v) -> System.out.printf("  %-75s %s%n", k, v));
            System.out.println("Fuzz drill: every case and its answer is in " + log.toAbsolutePath());
            report("SERVER FAILURES", failures);
            report("ROW CHANGES BY REFUSED REQUESTS", rowChanges);
            report("ACCEPTED BUT MUST BE REFUSED", mustBeRefused);
            return new Outcome(count, millis, perEndpoint, rejected, accepted, failures, rowChanges, mustBeRefused, later);
        }
    }

    private static void report(String title, List<String> lines) {
        if (!lines.isEmpty()) {
            System.out.println("Fuzz drill — " + title + " (" + lines.size() + "):");
            lines.forEach(l -> System.out.println("  " + l));
        }
    }

    // ----- sending -----

    private static Answer send(FuzzCase c) {
        int port = c.endpoint().target() == Target.KIOSK ? kiosk.port() : server.port();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(c.method())).setHost("localhost")
                .setPort(port).setURI(c.uri()).setIdleTimeout(30_000);
        Map<String, String> headers = new LinkedHashMap<>();
        if (c.goodAuth()) {
            headers.putAll(goodCredentials(c.endpoint().caller()));
        }
        for (Map.Entry<String, String> h : c.headers().entrySet()) {
            headers.put(h.getKey(), h.getValue()
                    .replace("{RECEPTIONIST}", credentials.receptionist)
                    .replace("{GOOD}", goodSecret(c.endpoint().caller())));
        }
        headers.forEach(options::putHeader);
        Future<Answer> answer = http.request(options).compose(request -> {
            Future<io.vertx.core.http.HttpClientResponse> response = c.body() == null ? request.send()
                    : request.send(Buffer.buffer(c.body()));
            return response.compose(r -> {
                String type = r.getHeader("Content-Type");
                if (type != null && type.startsWith("text/event-stream")) {
                    // A good stream never ends: its status and type are the answer.
                    r.exceptionHandler(x -> { });
                    request.reset();
                    return Future.succeededFuture(new Answer(r.statusCode(), type, "(event stream)", null));
                }
                return r.body().map(b -> new Answer(r.statusCode(), type,
                        b.toString(StandardCharsets.UTF_8), null));
            });
        });
        try {
            return answer.await(40, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new Answer(0, null, "", e.toString());
        }
    }

    private static Map<String, String> goodCredentials(Caller caller) {
        return switch (caller) {
            case NONE -> Map.of();
            case RECEPTIONIST -> Map.of("Authorization", "Bearer " + credentials.receptionist);
            case ADMIN -> Map.of("Authorization", "Bearer " + credentials.admin);
            case DEVICE -> Map.of("Authorization", "Bearer " + TestServer.DEVICE_TOKEN);
            case LOGOUT -> Map.of("Authorization", "Bearer " + credentials.logout);
            case MOBILE_JKN -> Map.of("x-username", Catalog.USERNAME_MJKN, "x-token", credentials.mobileJkn.token());
            case MOBILE_JKN_LOGIN -> Map.of("x-username", Catalog.USERNAME_MJKN, "x-password", TestServer.PASSWORD);
            case KIOSK_SETTINGS -> Map.of("X-Kiosk-Settings", credentials.kioskSettings);
            case OPERATOR -> Map.of("Authorization", "Bearer " + credentials.operator);
        };
    }

    /** The caller's own secret, for cases that send it spoiled ({@code {GOOD}x}). */
    private static String goodSecret(Caller caller) {
        return switch (caller) {
            case NONE, RECEPTIONIST -> credentials.receptionist;
            case ADMIN -> credentials.admin;
            case DEVICE -> TestServer.DEVICE_TOKEN;
            case LOGOUT -> credentials.logout;
            case MOBILE_JKN -> credentials.mobileJkn.token();
            case MOBILE_JKN_LOGIN -> TestServer.PASSWORD;
            case KIOSK_SETTINGS -> credentials.kioskSettings;
            case OPERATOR -> credentials.operator;
        };
    }

    // ----- judging -----

    /** A 5xx, no answer, or Mobile JKN's envelope for a failure of ours (it never answers 5xx, by contract). */
    private static boolean serverFailure(FuzzCase c, Answer a) {
        if (a.error() != null || a.status() >= 500) {
            return true;
        }
        if (c.endpoint().target() == Target.MOBILE_JKN && a.body().startsWith("{")) {
            String message = metadataMessage(a);
            return ContractMessages.INTERNAL_ERROR.equals(message) || ContractMessages.UNAVAILABLE.equals(message);
        }
        return false;
    }

    /** Refused: a 4xx, or for Mobile JKN any envelope but Ok (its refusals are HTTP 201 and 202). */
    private static boolean refused(FuzzCase c, Answer a) {
        if (a.error() != null || a.status() >= 500) {
            return false;
        }
        if (a.status() >= 400) {
            return true;
        }
        return c.endpoint().target() == Target.MOBILE_JKN && a.status() != 200;
    }

    private static String metadataMessage(Answer a) {
        try {
            JsonObject metadata = new JsonObject(a.body()).getJsonObject("metadata");
            return metadata == null ? null : metadata.getString("message");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * After an accepted case: gives back what it used up, so later cases still get past the credentials. Returns
     * whether the database was touched (the next fingerprint is then taken afresh).
     */
    private static boolean repair(FuzzCase c) {
        // A backup goes on after the answer and records how it ended: wait for that before the next case. Not only
        // takeBackup starts one: listBackups fuzzed to POST is the same request.
        boolean backedUp = server.count("SELECT count(*) FROM backup_run WHERE outcome = 'RUNNING'") > 0;
        if (backedUp) {
            Eventually.poll(Duration.ofSeconds(60),
                    () -> server.count("SELECT count(*) FROM backup_run WHERE outcome = 'RUNNING'"), n -> n == 0);
        }
        return repairUsedUp(c) || backedUp;
    }

    private static boolean repairUsedUp(FuzzCase c) {
        switch (c.endpoint().name()) {
            case "logout" -> credentials.logout = server.login("resepsionis");
            case "revokeDevice" -> {
                // An odd id may have named the demo's own kiosk: its token must keep working for the kiosk agent.
                server.sql("UPDATE device SET revoked_at = NULL WHERE created_by = 'demo' AND revoked_at IS NOT NULL");
                return true;
            }
            case "putBpjsCredentials" -> {
                // Fuzzed credentials BPJS does not know would make the reference lists answer 502: the server's again.
                server.sql("DELETE FROM bpjs_credentials");
                return true;
            }
            case "setMobileJknAccount" -> {
                // New credentials end Mobile JKN's tokens: set the demo's again, and take a new token.
                HttpResponse<Buffer> reset = server.as(credentials.admin)
                        .put("/api/v1/facilities/" + TestServer.DEMO + "/mobilejkn-account")
                        .sendJsonObject(new JsonObject().put("username", Catalog.USERNAME_MJKN)
                                .put("password", TestServer.PASSWORD)).await();
                assertThat(reset.statusCode()).as(reset.bodyAsString()).isEqualTo(204);
                credentials.mobileJkn.newToken();
                credentials.mobileJkn.token();
                return true;
            }
            default -> {
                return false;
            }
        }
        return false;
    }
}
