package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.BASE;
import static id.antrean.mobilejkn.MobileJknCaller.USER;
import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.auth.Passwords;
import id.antrean.auth.Tokens;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Call 1 (/auth), the token every other call needs, the facility's credentials and the rate limit. */
class MobileJknAuthTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA, UTC+8), the demo facility's zone.
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private TestServer server;
    private MobileJknCaller mobileJkn;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        mobileJkn = new MobileJknCaller(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDemoCredentialsGetATokenInTheEnvelopeThatIsStoredOnlyAsItsHash() {
        HttpResponse<Buffer> response = mobileJkn.auth(USER, TestServer.PASSWORD);

        String token = response.bodyAsJsonObject().getJsonObject("response").getString("token");
        assertAnswer(response, MobileJknCaller.ok(new JsonObject().put("token", token)));
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(server.count("SELECT count(*) FROM mobilejkn_token WHERE token_hash = '" + Tokens.hash(token) + "'"))
                .isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM mobilejkn_token WHERE token_hash = '" + token + "'")).isZero();
        assertThat(server.count("""
                SELECT count(*) FROM mobilejkn_token
                WHERE expires_at = timestamptz '2026-11-25T01:30:00Z'""")).isEqualTo(1);
    }

    @Test
    void aWrongPasswordAWrongUsernameOrMissingHeadersAreRefusedAlike() {
        JsonObject refused = refusal("Username atau Password Tidak Sesuai");

        assertAnswer(mobileJkn.auth(USER, "salah"), refused);
        assertAnswer(mobileJkn.auth("orang-lain", TestServer.PASSWORD), refused);
        assertAnswer(mobileJkn.auth(USER, null), refused);
        assertAnswer(mobileJkn.auth(null, null), refused);
        assertThat(server.count("SELECT count(*) FROM mobilejkn_token")).isZero();
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        HttpResponse<Buffer> auth = server.anonymous().get(BASE + "/auth")
                .putHeader("X-Username", USER).putHeader("X-PASSWORD", TestServer.PASSWORD).send().await();
        String token = MobileJknCaller.<JsonObject>response(auth).getString("token");

        HttpResponse<Buffer> status = server.anonymous().get(BASE + "/antrean/status/001/2026-11-25")
                .putHeader("X-USERNAME", USER).putHeader("X-Token", token).send().await();

        assertThat(MobileJknCaller.<JsonArray>response(status)).hasSize(1);
    }

    @Test
    void aTokenWorksForAnHourThenIsExpired() {
        mobileJkn.token();
        clock.advance(Duration.ofMinutes(59));
        assertThat(mobileJkn.get("/antrean/status/001/2026-11-25").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));

        assertAnswer(mobileJkn.get("/antrean/status/001/2026-11-25"), refusal("Token expired"));
        assertAnswer(mobileJkn.post("/antrean", MobileJknCaller.booking("0001234567890", "7371011205580001", "001",
                "2026-11-25")), refusal("Token expired"));
        mobileJkn.newToken();
        assertThat(mobileJkn.get("/antrean/status/001/2026-11-25").statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingOrUnknownTokenOrOneSentWithAnotherUsernameIsNotValid() {
        String token = mobileJkn.token();
        JsonObject invalid = refusal("Token tidak valid");
        String path = BASE + "/antrean/status/001/2026-11-25";

        assertAnswer(server.anonymous().get(path).send().await(), invalid);
        assertAnswer(server.anonymous().get(path).putHeader("x-username", USER).send().await(), invalid);
        assertAnswer(server.anonymous().get(path).putHeader("x-username", USER).putHeader("x-token", "bukan-token")
                .send().await(), invalid);
        assertAnswer(server.anonymous().get(path).putHeader("x-username", "admin").putHeader("x-token", token)
                .send().await(), invalid);
        assertAnswer(server.anonymous().get(path).putHeader("x-token", token).send().await(), invalid);
        // A staff bearer token is no Mobile JKN token.
        assertAnswer(server.anonymous().get(path).putHeader("x-username", USER)
                .putHeader("x-token", server.receptionistToken()).send().await(), invalid);
    }

    @Test
    void anotherFacilitysTokenIsRefusedHereAndOursThere() {
        server.sql("INSERT INTO mobilejkn_account (facility_id, username, password_hash) SELECT facility_id, 'klinik-jkn', '"
                + new Passwords(4).hash("rahasia-klinik") + "' FROM facility WHERE code = 'klinik-demo'");
        MobileJknCaller klinik = new MobileJknCaller(server.anonymous(), "/mobilejkn/klinik-demo");
        HttpResponse<Buffer> auth = klinik.auth("klinik-jkn", "rahasia-klinik");
        String klinikToken = MobileJknCaller.<JsonObject>response(auth).getString("token");

        assertAnswer(server.anonymous().get(BASE + "/antrean/status/001/2026-11-25")
                .putHeader("x-username", "klinik-jkn").putHeader("x-token", klinikToken).send().await(),
                refusal("Token tidak valid"));
        assertAnswer(server.anonymous().get("/mobilejkn/klinik-demo/antrean/status/001/2026-11-25")
                .putHeader("x-username", USER).putHeader("x-token", mobileJkn.token()).send().await(),
                refusal("Token tidak valid"));
        // And the demo's credentials are no credentials of the clinic.
        assertAnswer(klinik.auth(USER, TestServer.PASSWORD), refusal("Username atau Password Tidak Sesuai"));
    }

    @Test
    void anXPasswordSentBesideTheTokenIsIgnored() {
        HttpResponse<Buffer> response = mobileJkn.request(io.vertx.core.http.HttpMethod.GET,
                "/antrean/status/001/2026-11-25").putHeader("x-password", "apa-saja").send().await();

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownFacilityIsAnsweredInTheEnvelope() {
        assertAnswer(server.anonymous().get("/mobilejkn/tidak-ada/auth").putHeader("x-username", USER)
                .putHeader("x-password", TestServer.PASSWORD).send().await(), refusal("Fasilitas Kesehatan Tidak Ditemukan"));
        assertAnswer(server.anonymous().get("/mobilejkn/tidak-ada/antrean/status/001/2026-11-25")
                .putHeader("x-username", USER).putHeader("x-token", mobileJkn.token()).send().await(),
                refusal("Fasilitas Kesehatan Tidak Ditemukan"));
    }

    @Test
    void aFacilityCodeNoFacilityCanHaveIsAnUnknownFacilityNotAnInternalError() {
        // Found by the fuzz drill: a NUL in the facility code reached PostgreSQL, which refuses it in text, and the
        // caller was told of an internal error.
        JsonObject unknown = refusal("Fasilitas Kesehatan Tidak Ditemukan");
        for (String facility : new String[] {"%00", "pkm-demo%00", "%F0%9F%98%80", "pkm%20demo", "x".repeat(300)}) {
            assertAnswer(server.anonymous().get("/mobilejkn/" + facility + "/auth").putHeader("x-username", USER)
                    .putHeader("x-password", TestServer.PASSWORD).send().await(), unknown);
            assertAnswer(server.anonymous().post("/mobilejkn/" + facility + "/antrean").putHeader("x-username", USER)
                    .putHeader("x-token", mobileJkn.token())
                    .sendJsonObject(MobileJknCaller.booking("0001234567890", "7371011205580001", "001", "2026-11-25"))
                    .await(), unknown);
        }
        assertThat(server.count("SELECT count(*) FROM ticket")).isZero();
    }

    @Test
    void anUnknownPathOrMethodUnderTheServiceIsAnsweredInTheEnvelope() {
        JsonObject unknown = refusal("Alamat atau Metode Layanan Tidak Dikenal");

        assertAnswer(mobileJkn.get("/antrean/tidak-ada"), unknown);
        assertAnswer(mobileJkn.send(io.vertx.core.http.HttpMethod.DELETE, "/antrean", null), unknown);
        assertAnswer(server.anonymous().get("/mobilejkn/").send().await(), unknown);
    }

    @Test
    void anAdminSetsTheCredentialsAndTheTokensOfTheOldOnesStopWorking() {
        String oldToken = mobileJkn.token();
        String admin = server.login("admin");

        HttpResponse<Buffer> set = server.as(admin).put("/api/v1/facilities/pkm-demo/mobilejkn-account")
                .sendJsonObject(new JsonObject().put("username", "bpjs-pkm").put("password", "sandi-baru-123")).await();

        assertThat(set.statusCode()).as(set.bodyAsString()).isEqualTo(204);
        assertThat(server.count("SELECT count(*) FROM mobilejkn_account WHERE username = 'bpjs-pkm' "
                + "AND password_hash LIKE '$2b$%'")).isEqualTo(1);
        assertAnswer(mobileJkn.get("/antrean/status/001/2026-11-25"), refusal("Token tidak valid"));
        assertAnswer(mobileJkn.auth(USER, TestServer.PASSWORD), refusal("Username atau Password Tidak Sesuai"));
        HttpResponse<Buffer> auth = mobileJkn.auth("bpjs-pkm", "sandi-baru-123");
        assertThat(MobileJknCaller.<JsonObject>response(auth).getString("token")).isNotEqualTo(oldToken);
        JsonArray audit = server.as(admin).get("/api/v1/facilities/pkm-demo/audit").send().await()
                .bodyAsJsonObject().getJsonArray("entries");
        assertThat(audit.stream().map(e -> ((JsonObject) e).getString("action"))).contains("MOBILEJKN_ACCOUNT_SET");
    }

    @Test
    void aPasswordWithHalfASurrogatePairIsRefusedAndTheCredentialsStay() {
        // Found by the fuzz drill: it passed the contract's pattern, then hashing it failed with a 500.
        HttpResponse<Buffer> set = server.as(server.login("admin")).put("/api/v1/facilities/pkm-demo/mobilejkn-account")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"username\":\"bpjs-pkm\",\"password\":\"sandi-baru-\\ud800\"}")).await();

        assertThat(set.statusCode()).as(set.bodyAsString()).isEqualTo(400);
        assertThat(set.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_FIELD");
        assertThat(set.bodyAsJsonObject().getString("field")).isEqualTo("password");
        assertThat(server.count("SELECT count(*) FROM mobilejkn_account WHERE username = 'bpjs-pkm'")).isZero();
        assertThat(mobileJkn.auth(USER, TestServer.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAnAdminOfTheFacilitySetsItsCredentialsAndAUsernameBelongsToOneFacility() {
        JsonObject body = new JsonObject().put("username", "bpjs-pkm").put("password", "sandi-baru-123");
        assertThat(server.client().put("/api/v1/facilities/pkm-demo/mobilejkn-account").sendJsonObject(body).await()
                .statusCode()).isEqualTo(403);
        assertThat(server.anonymous().put("/api/v1/facilities/pkm-demo/mobilejkn-account").sendJsonObject(body).await()
                .statusCode()).isEqualTo(401);
        String admin = server.login("admin");
        assertThat(server.as(admin).put("/api/v1/facilities/klinik-demo/mobilejkn-account").sendJsonObject(body).await()
                .statusCode()).isEqualTo(403);
        assertThat(server.as(admin).put("/api/v1/facilities/pkm-demo/mobilejkn-account")
                .sendJsonObject(new JsonObject().put("username", "x").put("password", "pendek")).await()
                .statusCode()).isEqualTo(400);

        server.sql("INSERT INTO mobilejkn_account (facility_id, username, password_hash) SELECT facility_id, 'bpjs-pkm', "
                + "'x' FROM facility WHERE code = 'klinik-demo'");
        HttpResponse<Buffer> taken = server.as(admin).put("/api/v1/facilities/pkm-demo/mobilejkn-account")
                .sendJsonObject(body).await();

        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.bodyAsJsonObject().getString("field")).isEqualTo("username");
        assertThat(mobileJkn.auth(USER, TestServer.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void callsAreRateLimitedPerClientAddressInTheEnvelope() {
        server.close();
        Map<String, String> env = TestServer.env(id.antrean.testing.TestPostgres.newDatabaseUrl(), true);
        env.put("MOBILEJKN_RATE_LIMIT", "3");
        server = TestServer.start(env, clock);
        mobileJkn = new MobileJknCaller(server);

        mobileJkn.token();
        mobileJkn.get("/antrean/status/001/2026-11-25");
        mobileJkn.get("/antrean/status/001/2026-11-25");
        HttpResponse<Buffer> fourth = mobileJkn.get("/antrean/status/001/2026-11-25");

        // 08:30:00 exactly: the minute's window ends in 60 seconds.
        assertAnswer(fourth, refusal("Terlalu Banyak Permintaan, Coba Lagi Dalam 60 Detik"));
        assertThat(fourth.getHeader("Retry-After")).isEqualTo("60");
        assertThat(server.get("/api/v1/facilities/pkm-demo/services").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(mobileJkn.get("/antrean/status/001/2026-11-25").statusCode()).isEqualTo(200);
    }
}
