package id.antrean.bpjs.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.testing.Eventually;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BpjsCredentialsTest {
    private static final String CREDENTIALS = "/api/v1/facilities/pkm-demo/bpjs-credentials";
    private static final String CONS_ID = "20002";
    private static final String SECRET = "rahasia-puskesmas-A-9f3k";
    private static final String USER_KEY = "kunci-pengguna-A-7h2q";
    private static final String PCARE_PASSWORD = "sandi pcare A 5x8z";
    private static final List<String> SECRETS = List.of(SECRET, USER_KEY, PCARE_PASSWORD);
    private static TestServer server;
    private static WebClient admin;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void start() {
        // The simulator's clock must agree with the signatures' timestamps: both run on the real clock here.
        server = TestServer.start(java.time.Clock.systemUTC());
        admin = server.as(server.login("admin"));
        server.bpjs().register(new BpjsSimulator.Consumer(CONS_ID, SECRET, USER_KEY));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void fresh() {
        server.sql("DELETE FROM bpjs_credentials");
        server.sql("DELETE FROM eligibility_check");
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logged);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static JsonObject own(String secret) {
        return new JsonObject().put("consId", CONS_ID).put("secret", secret).put("userKey", USER_KEY)
                .put("pcareUsername", "admin.pkm").put("pcarePassword", PCARE_PASSWORD);
    }

    private static HttpResponse<Buffer> put(JsonObject body, String ifMatch) {
        HttpRequest<Buffer> request = admin.put(CREDENTIALS);
        if (ifMatch != null) {
            request.putHeader("If-Match", ifMatch);
        }
        return request.sendJsonObject(body).await();
    }

    private static HttpResponse<Buffer> get(String path) {
        return admin.get(path).send().await();
    }

    private static HttpResponse<Buffer> test() {
        return admin.post(CREDENTIALS + "/test").send().await();
    }

    private static List<String> column(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = id.antrean.db.Database.fromUrl(server.databaseUrl()).jdbc();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : SECRETS) {
            assertThat(text).doesNotContain(secret);
        }
    }

    private void assertNoSecretLogged() {
        for (ILoggingEvent event : logged.list) {
            assertNoSecretIn(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                assertNoSecretIn(event.getThrowableProxy().getMessage() == null ? "" : event.getThrowableProxy().getMessage());
            }
        }
    }

    private static String eligibilitySeenAs(String facility, String card) {
        int before = server.bpjs().received().size();
        HttpResponse<Buffer> answer = server.as(server.kioskToken(facility))
                .get("/api/v1/facilities/" + facility + "/eligibility?card=" + card).send().await();
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        return receivedSince(before).stream()
                .filter(r -> r.getString("path").contains("/peserta/"))
                .map(r -> r.getString("consId")).findFirst().orElse("none");
    }

    @Test
    void storedCredentialsAreNeverShownOnlyWhichFieldsAreSet() {
        HttpResponse<Buffer> created = put(own(SECRET), null);
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(200);
        assertThat(created.getHeader("Cache-Control")).isEqualTo("no-store");
        HttpResponse<Buffer> read = get(CREDENTIALS);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.getHeader("ETag")).isEqualTo("\"1\"");
        JsonObject state = read.bodyAsJsonObject();
        assertThat(state.getString("source")).isEqualTo("FACILITY");
        assertThat(state.getInteger("version")).isEqualTo(1);
        assertThat(state.getString("changedBy")).isEqualTo("admin");
        assertThat(state.getBoolean("readable")).isTrue();
        assertThat(state.getJsonObject("fields").getMap()).containsEntry("consId", true).containsEntry("secret", true)
                .containsEntry("pcarePassword", true).containsEntry("antreanUserKey", false)
                .containsEntry("appCode", false);
        assertNoSecretIn(created.bodyAsString());
        assertNoSecretIn(read.bodyAsString());
        assertThat(read.bodyAsString()).doesNotContain(CONS_ID);
    }

    @Test
    void theDatabaseHoldsOnlyCiphertextWithItsOwnNonceForEachField() {
        put(own(SECRET), null);

        List<String> row = column("SELECT encode(cons_id, 'escape') || encode(secret, 'escape') || encode(user_key, 'escape')"
                + " || encode(pcare_password, 'escape') FROM bpjs_credentials");
        assertThat(row).hasSize(1);
        assertNoSecretIn(row.get(0));
        assertThat(row.get(0)).doesNotContain(CONS_ID);
        // A random nonce per field: the first 12 bytes of no two fields are alike.
        assertThat(column("SELECT encode(substr(f, 1, 12), 'hex') FROM bpjs_credentials,"
                + " LATERAL (VALUES (cons_id), (secret), (user_key), (pcare_username), (pcare_password)) v(f)"))
                .doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void theAuditLogNamesChangedFieldsNeverTheirValuesAndTheChangeIsAnnounced() {
        long eventsBefore = server.count("SELECT count(*) FROM queue_event WHERE type = 'SETTINGS_CHANGED'");
        long auditBefore = server.count("SELECT coalesce(max(audit_id), 0) FROM audit_log");
        put(own(SECRET), null);
        HttpResponse<Buffer> changed = put(own("rahasia-baru-B-1q2w"), "\"1\"");
        assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isEqualTo("\"2\"");

        List<String> details = column("SELECT details::text FROM audit_log WHERE action = 'BPJS_CREDENTIALS_SET'"
                + " AND audit_id > " + auditBefore + " ORDER BY audit_id");
        assertThat(details).hasSize(2);
        JsonObject second = new JsonObject(details.get(1));
        assertThat(second.getJsonObject("after").getJsonArray("changed").getList()).containsExactly("secret");
        assertThat(second.getJsonObject("before").getJsonObject("fields").getBoolean("secret")).isTrue();
        details.forEach(BpjsCredentialsTest::assertNoSecretIn);
        details.forEach(d -> assertThat(d).doesNotContain("rahasia-baru-B-1q2w"));
        assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'SETTINGS_CHANGED'"
                + " AND payload::text LIKE '%\"bpjs\"%'")).isGreaterThanOrEqualTo(eventsBefore + 2);
        assertNoSecretLogged();
    }

    @Test
    void eligibilityIsSignedWithTheFacilitysOwnConsumerAndOthersWithTheServersDefault() {
        put(own(SECRET), null);

        assertThat(eligibilitySeenAs("pkm-demo", "0001234567890")).isEqualTo(CONS_ID);
        assertThat(eligibilitySeenAs("klinik-demo", "0009876543210")).isEqualTo("10001");
        assertNoSecretLogged();
    }

    @Test
    void theOutboxReportsTheFacilitysQueueWithItsOwnConsumer() {
        put(own(SECRET), null);
        int before = server.bpjs().received().size();

        HttpResponse<Buffer> ticket = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", "0001234567890"));
        assertThat(ticket.statusCode()).as(ticket.bodyAsString()).isEqualTo(201);

        List<JsonObject> reports = Eventually.poll(Duration.ofSeconds(20),
                () -> {
                    return receivedSince(before).stream()
                            .filter(r -> r.getString("path").equals("/antreanfktp/antrean/add")).toList();
                },
                list -> !list.isEmpty());
        assertThat(reports).extracting(r -> r.getString("consId")).containsOnly(CONS_ID);
        assertThat(Eventually.poll(Duration.ofSeconds(10),
                () -> server.count("SELECT count(*) FROM bpjs_outbox WHERE status = 'SENT'"), n -> n >= 1)).isPositive();
        assertNoSecretLogged();
    }

    @Test
    void removingThemFallsBackToTheServersDefaultCredentials() {
        put(own(SECRET), null);
        assertThat(eligibilitySeenAs("pkm-demo", "0001234567890")).isEqualTo(CONS_ID);

        HttpResponse<Buffer> removed = admin.delete(CREDENTIALS).putHeader("If-Match", "\"1\"").send().await();
        assertThat(removed.statusCode()).as(removed.bodyAsString()).isEqualTo(200);
        assertThat(removed.bodyAsJsonObject().getString("source")).isEqualTo("SERVER");
        server.sql("DELETE FROM eligibility_check");

        assertThat(eligibilitySeenAs("pkm-demo", "0001234567890")).isEqualTo("10001");
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'BPJS_CREDENTIALS_REMOVED'")).isEqualTo(1);
    }

    @Test
    void editsNeedTheVersionLastSeen() {
        put(own(SECRET), null);

        HttpResponse<Buffer> blind = put(own(SECRET), null);
        HttpResponse<Buffer> stale = put(own(SECRET), "\"7\"");
        HttpResponse<Buffer> staleDelete = admin.delete(CREDENTIALS).putHeader("If-Match", "\"7\"").send().await();
        HttpResponse<Buffer> blindDelete = admin.delete(CREDENTIALS).send().await();

        assertThat(blind.statusCode()).isEqualTo(428);
        assertThat(blind.bodyAsJsonObject().getString("code")).isEqualTo("PRECONDITION_REQUIRED");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.bodyAsJsonObject().getString("code")).isEqualTo("EDIT_CONFLICT");
        assertThat(staleDelete.statusCode()).isEqualTo(412);
        assertThat(blindDelete.statusCode()).isEqualTo(428);
        assertThat(server.count("SELECT version FROM bpjs_credentials")).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        HttpResponse<Buffer> missing = put(new JsonObject().put("consId", CONS_ID).put("secret", SECRET), null);
        HttpResponse<Buffer> unknown = put(own(SECRET).put("extra", "x"), null);
        HttpResponse<Buffer> passwordAlone = put(new JsonObject().put("consId", CONS_ID).put("secret", SECRET)
                .put("userKey", USER_KEY).put("pcarePassword", PCARE_PASSWORD), null);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(passwordAlone.statusCode()).isEqualTo(400);
        assertThat(passwordAlone.bodyAsJsonObject().getString("code")).isEqualTo("BPJS_PCARE_USERNAME_REQUIRED");
        assertThat(server.count("SELECT count(*) FROM bpjs_credentials")).isZero();
        assertNoSecretIn(missing.bodyAsString() + unknown.bodyAsString() + passwordAlone.bodyAsString());
    }

    @Test
    void theTestSaysOkForGoodCredentialsAndUnauthorizedForAWrongSecret() {
        put(own(SECRET), null);
        JsonObject ok = test().bodyAsJsonObject();
        put(own("rahasia-yang-salah-0000"), "\"1\"");
        HttpResponse<Buffer> wrong = test();

        assertThat(ok.getString("outcome")).isEqualTo("ok");
        assertThat(ok.getString("source")).isEqualTo("FACILITY");
        assertThat(ok.getJsonObject("message").getString("id")).startsWith("Berhasil");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.bodyAsJsonObject().getString("outcome")).isEqualTo("unauthorized");
        assertThat(wrong.bodyAsJsonObject().getJsonObject("message").getString("en")).contains("Refused");
        assertNoSecretIn(wrong.bodyAsString());
        assertNoSecretLogged();
    }

    @Test
    void credentialsSealedUnderAnotherKeyGiveAClearAnswerNeverAnError() {
        put(own(SECRET), null);
        // As after restoring the database on a server whose key file was lost.
        server.sql("UPDATE bpjs_credentials SET key_id = '0123456789abcdef'");
        server.sql("DELETE FROM eligibility_check");
        try {
            // The resolver's cache was cleared by the PUT; the next read sees the changed row.
            HttpResponse<Buffer> test = test();
            HttpResponse<Buffer> poli = get("/api/v1/facilities/pkm-demo/bpjs/poli");
            HttpResponse<Buffer> state = get(CREDENTIALS);

            assertThat(test.statusCode()).isEqualTo(200);
            assertThat(test.bodyAsJsonObject().getString("outcome")).isEqualTo("decrypt-failed");
            assertThat(test.bodyAsJsonObject().getJsonObject("message").getString("en")).contains("SECRET_KEY");
            assertThat(poli.statusCode()).isEqualTo(409);
            assertThat(poli.bodyAsJsonObject().getString("code")).isEqualTo("BPJS_CREDENTIALS_UNREADABLE");
            assertThat(state.bodyAsJsonObject().getBoolean("readable")).isFalse();
            // Eligibility still answers (from the roster) rather than failing the kiosk.
            assertThat(server.as(server.kioskToken("pkm-demo"))
                    .get("/api/v1/facilities/pkm-demo/eligibility?card=0001234567890").send().await().statusCode())
                    .isEqualTo(200);
            // Entering them again repairs it.
            assertThat(put(own(SECRET), "\"1\"").statusCode()).isEqualTo(200);
            assertThat(test().bodyAsJsonObject().getString("outcome")).isEqualTo("ok");
        } finally {
            server.sql("DELETE FROM bpjs_credentials");
        }
    }

    @Test
    void referenceListsComeFromPcareWithTheFacilitysCredentials() {
        put(own(SECRET), null);
        int before = server.bpjs().received().size();

        HttpResponse<Buffer> poli = get("/api/v1/facilities/pkm-demo/bpjs/poli");
        HttpResponse<Buffer> doctors = get("/api/v1/facilities/pkm-demo/bpjs/doctors");

        assertThat(poli.statusCode()).as(poli.bodyAsString()).isEqualTo(200);
        assertThat(poli.bodyAsJsonObject().getJsonArray("poli").getJsonObject(0).getMap())
                .containsEntry("code", "001").containsEntry("name", "UMUM");
        assertThat(poli.bodyAsJsonObject().getJsonArray("poli").size()).isGreaterThanOrEqualTo(5);
        assertThat(doctors.statusCode()).isEqualTo(200);
        assertThat(doctors.bodyAsJsonObject().getJsonArray("doctors").getJsonObject(0).getString("name"))
                .startsWith("dr.");
        assertThat(receivedSince(before))
                .allSatisfy(r -> assertThat(r.getString("consId")).isEqualTo(CONS_ID));
    }

    @Test
    void referenceListsSayWhenBpjsRefusesTheCredentials() {
        put(own("rahasia-yang-salah-0000"), null);

        HttpResponse<Buffer> poli = get("/api/v1/facilities/pkm-demo/bpjs/poli");

        assertThat(poli.statusCode()).isEqualTo(502);
        assertThat(poli.bodyAsJsonObject().getString("code")).isEqualTo("BPJS_UNAUTHORIZED");
    }

    @Test
    void aReceptionistCannotSeeOrChangeThem() {
        HttpResponse<Buffer> read = server.get(CREDENTIALS);
        HttpResponse<Buffer> write = server.client().put(CREDENTIALS).sendJsonObject(own(SECRET)).await();

        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(server.count("SELECT count(*) FROM bpjs_credentials")).isZero();
    }

    /** What the simulator heard after the first {@code before} requests, from one copy of its record. */
    private static List<JsonObject> receivedSince(int before) {
        List<JsonObject> all = server.bpjs().received();
        return all.subList(before, all.size());
    }
}
