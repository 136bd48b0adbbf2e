package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Staff logins: failures are limited per username and per client address with growing waits, refused before any
 * password is checked; bcrypt runs on a bounded pool that refuses the excess at once.
 */
class LoginThrottleTest {
    private final MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A node with the default failed-login limits (5 per account, 20 per address, a minute) and no other limit. */
    private void startWithDefaultLimits(Map<String, String> more) {
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        env.remove("LOGIN_FAILURES_PER_ACCOUNT");
        env.remove("LOGIN_FAILURES_PER_ADDRESS");
        env.putAll(more);
        server = TestServer.start(env, clock);
    }

    private HttpResponse<Buffer> login(String username, String password) {
        return server.anonymous().post("/api/v1/auth/token")
                .sendJsonObject(new JsonObject().put("username", username).put("password", password)).await();
    }

    private static void assertRateLimited(HttpResponse<Buffer> response, int retryAfter) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(429);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo(Integer.toString(retryAfter));
    }

    @Test
    void afterFiveWrongPasswordsTheAccountWaitsOneSecondThenTwoAndIsRefusedBeforeAnyPasswordIsChecked() {
        startWithDefaultLimits(Map.of());
        for (int i = 0; i < 5; i++) {
            assertThat(login("resepsionis", "salah-" + i).statusCode()).isEqualTo(401);
        }
        long checks = server.passwordPool().started();

        assertRateLimited(login("resepsionis", "salah-lagi"), 1);
        assertRateLimited(login("Resepsionis ", TestServer.PASSWORD), 1);   // the same account, however spelt
        assertThat(server.passwordPool().started()).isEqualTo(checks);

        clock.advance(Duration.ofSeconds(1));
        assertThat(login("resepsionis", "salah-lagi").statusCode()).isEqualTo(401);
        assertRateLimited(login("resepsionis", TestServer.PASSWORD), 2);
        clock.advance(Duration.ofSeconds(2));
        assertThat(login("resepsionis", "salah-lagi").statusCode()).isEqualTo(401);
        assertRateLimited(login("resepsionis", TestServer.PASSWORD), 4);
        assertThat(server.passwordPool().started()).isEqualTo(checks + 2);
    }

    @Test
    void theRightPasswordAfterTheWaitLogsInAndStartsTheAccountAfresh() {
        startWithDefaultLimits(Map.of());
        for (int i = 0; i < 5; i++) {
            login("resepsionis", "salah");
        }
        assertRateLimited(login("resepsionis", TestServer.PASSWORD), 1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(login("resepsionis", TestServer.PASSWORD).statusCode()).isEqualTo(200);

        // Afresh: four typos are four plain refusals again, and the fifth starts with the shortest wait.
        for (int i = 0; i < 5; i++) {
            assertThat(login("resepsionis", "salah").statusCode()).isEqualTo(401);
        }
        assertRateLimited(login("resepsionis", TestServer.PASSWORD), 1);
    }

    @Test
    void aWaitingAccountDoesNotStopAnotherAccountBehindTheSameAddress() {
        startWithDefaultLimits(Map.of());
        for (int i = 0; i < 5; i++) {
            login("resepsionis", "salah");
        }
        assertRateLimited(login("resepsionis", TestServer.PASSWORD), 1);

        assertThat(login("admin", TestServer.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(login("admin", "salah").statusCode()).isEqualTo(401);
    }

    @Test
    void anAccountUnderSteadyAttackNeverMakesItsAddressWait() {
        startWithDefaultLimits(Map.of());
        // Ten minutes of an attacker retrying one account the moment it may: its failures stay a few a minute.
        Duration attacked = Duration.ZERO;
        int failures = 0;
        while (attacked.compareTo(Duration.ofMinutes(10)) < 0 && failures <= 70) {
            HttpResponse<Buffer> response = login("resepsionis", "tebakan-" + failures);
            if (response.statusCode() == 429) {
                Duration wait = Duration.ofSeconds(Integer.parseInt(response.getHeader("Retry-After")));
                clock.advance(wait);
                attacked = attacked.plus(wait);
            } else {
                assertThat(response.statusCode()).isEqualTo(401);
                failures++;
            }
        }
        assertThat(failures).isBetween(20, 70);

        // The colleagues behind the same proxy address log in, and a typo of theirs is an ordinary refusal.
        assertThat(login("admin", "salah").statusCode()).isEqualTo(401);
        assertThat(login("admin", TestServer.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anAttackersRefusedRetriesDoNotUseUpTheLoginAllowanceOfItsAddress() {
        startWithDefaultLimits(Map.of("LOGIN_RATE_LIMIT", "10"));   // the start-up login is one of them
        for (int i = 0; i < 5; i++) {
            assertThat(login("resepsionis", "salah").statusCode()).isEqualTo(401);
        }
        for (int i = 0; i < 30; i++) {
            assertRateLimited(login("resepsionis", "salah"), 1);
        }

        assertThat(login("admin", TestServer.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsSprayedOverManyAccountsFromOneAddressMakeThatAddressWait() {
        startWithDefaultLimits(Map.of());
        for (int i = 0; i < 20; i++) {
            assertThat(login("pengguna-" + i, "salah").statusCode()).isEqualTo(401);
        }
        long checks = server.passwordPool().started();

        assertRateLimited(login("pengguna-baru", "salah"), 1);
        assertRateLimited(login("admin", TestServer.PASSWORD), 1);
        assertThat(server.passwordPool().started()).isEqualTo(checks);
        clock.advance(Duration.ofSeconds(1));
        assertThat(login("admin", TestServer.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentWrongPasswordsNeverRunMoreBcryptsAtOnceThanThePoolHasThreadsAndTheExcessIsRefusedAtOnce() {
        // Two threads, two waiting, a real cost: 40 concurrent wrong passwords (limits per account and address off).
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        env.put("BCRYPT_COST", "10");
        env.put("BCRYPT_THREADS", "2");
        env.put("BCRYPT_QUEUE", "2");
        server = TestServer.start(env, clock);
        List<Future<HttpResponse<Buffer>>> flood = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            flood.add(server.anonymous().post("/api/v1/auth/token")
                    .sendJsonObject(new JsonObject().put("username", "resepsionis").put("password", "salah-" + i)));
        }
        int refused = 0;
        for (Future<HttpResponse<Buffer>> answer : flood) {
            HttpResponse<Buffer> response = answer.await();
            if (response.statusCode() == 429) {
                assertRateLimited(response, 1);
                refused++;
            } else {
                assertThat(response.statusCode()).isEqualTo(401);
            }
        }

        assertThat(server.passwordPool().mostRunningAtOnce()).isBetween(1, 2);
        assertThat(refused).isPositive();
        assertThat(server.passwordPool().started()).isEqualTo(1 + 40 - refused);   // the start-up login, the admitted
        assertThat(login("resepsionis", TestServer.PASSWORD).statusCode()).isEqualTo(200);
    }
}
