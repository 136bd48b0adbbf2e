package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.USER;
import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.auth.Passwords;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /auth} under wrong passwords: failures limited per facility's username and per client address, refused
 * in the contract's envelope before any password is checked; bcrypt on the bounded pool.
 */
class MobileJknLoginThrottleTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA, UTC+8), the demo facility's zone.
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final JsonObject WRONG = refusal("Username atau Password Tidak Sesuai");
    private TestServer server;
    private MobileJknCaller mobileJkn;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(Map<String, String> settings) {
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        env.remove("LOGIN_FAILURES_PER_ACCOUNT");   // the defaults: 5 per account, 20 per address, a minute
        env.remove("LOGIN_FAILURES_PER_ADDRESS");
        env.putAll(settings);
        server = TestServer.start(env, clock);
        mobileJkn = new MobileJknCaller(server);
    }

    private static void assertTooManyRequests(HttpResponse<Buffer> response, int seconds) {
        assertAnswer(response, refusal("Terlalu Banyak Permintaan, Coba Lagi Dalam " + seconds + " Detik"));
        assertThat(response.getHeader("Retry-After")).isEqualTo(Integer.toString(seconds));
    }

    @Test
    void afterFiveWrongPasswordsTheUsernameWaitsInTheEnvelopeBeforeAnyPasswordIsChecked() {
        start(Map.of());
        for (int i = 0; i < 5; i++) {
            assertAnswer(mobileJkn.auth(USER, "salah-" + i), WRONG);
        }
        long checks = server.passwordPool().started();

        assertTooManyRequests(mobileJkn.auth(USER, "salah-lagi"), 1);
        assertTooManyRequests(mobileJkn.auth(USER, TestServer.PASSWORD), 1);
        assertThat(server.passwordPool().started()).isEqualTo(checks);

        clock.advance(Duration.ofSeconds(1));
        assertAnswer(mobileJkn.auth(USER, "salah-lagi"), WRONG);
        assertTooManyRequests(mobileJkn.auth(USER, TestServer.PASSWORD), 2);
        clock.advance(Duration.ofSeconds(2));
        assertThat(mobileJkn.auth(USER, TestServer.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM mobilejkn_token")).isEqualTo(1);
    }

    @Test
    void aWaitingUsernameDoesNotStopAnotherFacilitysUserBehindTheSameAddress() {
        start(Map.of());
        server.sql("INSERT INTO mobilejkn_account (facility_id, username, password_hash) SELECT facility_id, 'klinik-jkn', '"
                + new Passwords(4).hash("rahasia-klinik") + "' FROM facility WHERE code = 'klinik-demo'");
        MobileJknCaller klinik = new MobileJknCaller(server.anonymous(), "/mobilejkn/klinik-demo");
        for (int i = 0; i < 5; i++) {
            mobileJkn.auth(USER, "salah");
        }
        assertTooManyRequests(mobileJkn.auth(USER, TestServer.PASSWORD), 1);

        assertThat(klinik.auth("klinik-jkn", "rahasia-klinik").statusCode()).isEqualTo(200);
        // Nor a staff login from there: each login surface counts its own failures.
        assertThat(server.anonymous().post("/api/v1/auth/token").sendJsonObject(new JsonObject()
                .put("username", "admin").put("password", TestServer.PASSWORD)).await().statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsOverManyUsernamesFromOneAddressMakeThatAddressWait() {
        start(Map.of());
        for (int i = 0; i < 20; i++) {
            assertAnswer(mobileJkn.auth("tebakan-" + i, "salah"), WRONG);
        }

        assertTooManyRequests(mobileJkn.auth(USER, TestServer.PASSWORD), 1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(mobileJkn.auth(USER, TestServer.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aFullPasswordPoolRefusesTheExcessAtOnceInTheEnvelope() {
        start(Map.of("LOGIN_FAILURES_PER_ACCOUNT", "0", "LOGIN_FAILURES_PER_ADDRESS", "0",
                "BCRYPT_COST", "10", "BCRYPT_THREADS", "1", "BCRYPT_QUEUE", "1"));
        List<Future<HttpResponse<Buffer>>> flood = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            flood.add(server.anonymous().get(MobileJknCaller.BASE + "/auth").putHeader("x-username", USER)
                    .putHeader("x-password", "salah-" + i).send());
        }
        int refused = 0;
        for (Future<HttpResponse<Buffer>> answer : flood) {
            HttpResponse<Buffer> response = answer.await();
            if (response.getHeader("Retry-After") != null) {
                assertTooManyRequests(response, 1);
                refused++;
            } else {
                assertAnswer(response, WRONG);
            }
        }

        assertThat(refused).isPositive();
        assertThat(server.passwordPool().mostRunningAtOnce()).isEqualTo(1);
        assertThat(mobileJkn.auth(USER, TestServer.PASSWORD).statusCode()).isEqualTo(200);
    }
}
