package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff log in for a working day; devices use their issued tokens; each may do only its part. */
class AuthTest {
    private final MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<Buffer> login(String username, String password) {
        return server.anonymous().post("/api/v1/auth/token")
                .sendJsonObject(new JsonObject().put("username", username).put("password", password)).await();
    }

    @Test
    void aReceptionistLogsInAndTheTokenSaysWhoTheyAre() {
        HttpResponse<Buffer> response = login("Resepsionis", TestServer.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("token")).hasSizeGreaterThan(40);
        assertThat(body.getString("role")).isEqualTo("RECEPTIONIST");
        assertThat(body.getJsonObject("facility").getString("code")).isEqualTo("pkm-demo");
        assertThat(body.getString("expiresAt")).isEqualTo("2026-11-27T21:00+08:00");
        assertThat(body.getJsonArray("permissions")).contains("COUNTER").doesNotContain("ADMIN");

        JsonObject me = server.as(body.getString("token")).get("/api/v1/auth/me").send().await().bodyAsJsonObject();
        assertThat(me.getString("username")).isEqualTo("resepsionis");
        assertThat(me.containsKey("token")).isFalse();
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsOneAndTheSameRefusal() {
        HttpResponse<Buffer> wrong = login("resepsionis", "salah");
        HttpResponse<Buffer> unknown = login("siapa", TestServer.PASSWORD);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("LOGIN_FAILED");
        assertThat(unknown.bodyAsString()).isEqualTo(wrong.bodyAsString());
    }

    @Test
    void aPasswordWithHalfASurrogatePairIsAWrongPasswordNotAFailure() {
        // Found by the fuzz drill: bcrypt hashes UTF-8 bytes, which "\uD800" has none of, and login answered 500.
        for (String body : new String[] {"{\"username\":\"resepsionis\",\"password\":\"\\ud800\"}",
                "{\"username\":\"siapa\",\"password\":\"a\\udfffb\"}"}) {
            HttpResponse<Buffer> response = server.anonymous().post("/api/v1/auth/token")
                    .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
            assertThat(response.statusCode()).as(body + " " + response.bodyAsString()).isEqualTo(401);
            assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("LOGIN_FAILED");
        }
        assertThat(login("resepsionis", TestServer.PASSWORD + "\uD83D\uDE00").statusCode()).isEqualTo(401);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        assertThat(server.count("SELECT count(*) FROM staff WHERE password_hash LIKE '$2b$%' AND password_hash <> '"
                + TestServer.PASSWORD + "'")).isEqualTo(2);
        assertThat(server.count("SELECT count(*) FROM staff_token WHERE token_hash ~ '^[0-9a-f]{64}$'")).isPositive();
    }

    @Test
    void aStaffTokenExpiresAfterTheWorkingDayAndLogoutRevokesItAtOnce() {
        String token = server.login("resepsionis");
        WebClient client = server.as(token);
        assertThat(client.get("/api/v1/facilities/pkm-demo/queue").send().await().statusCode()).isEqualTo(200);

        assertThat(client.post("/api/v1/auth/logout").send().await().statusCode()).isEqualTo(204);
        HttpResponse<Buffer> afterLogout = client.get("/api/v1/facilities/pkm-demo/queue").send().await();
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(afterLogout.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_INVALID");

        WebClient another = server.as(server.login("resepsionis"));
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertThat(another.get("/api/v1/facilities/pkm-demo/queue").send().await().statusCode()).isEqualTo(401);
    }

    @Test
    void eachIdentityMayDoOnlyItsPart() {
        WebClient kiosk = server.as(TestServer.DEVICE_TOKEN);
        WebClient receptionist = server.client();
        JsonObject umum = new JsonObject().put("service", "UMUM").put("payer", "UMUM");

        // The demo kiosk's token may take a number, not call one (DemoDeviceTokensTest: the display's takes none).
        assertThat(kiosk.post("/api/v1/facilities/pkm-demo/tickets").putHeader("Idempotency-Key", "d1")
                .sendJsonObject(umum).await().statusCode()).isEqualTo(201);
        HttpResponse<Buffer> deviceCalls = kiosk.post("/api/v1/facilities/pkm-demo/counters/R-UMUM-1/call-next")
                .send().await();
        assertThat(deviceCalls.statusCode()).isEqualTo(403);
        assertThat(deviceCalls.bodyAsJsonObject().getString("code")).isEqualTo("ROLE_FORBIDDEN");

        // A receptionist calls, but does not administer.
        assertThat(receptionist.post("/api/v1/facilities/pkm-demo/counters/R-UMUM-1/call-next").send().await()
                .statusCode()).isEqualTo(200);
        for (HttpResponse<Buffer> refused : new HttpResponse[] {
                receptionist.get("/api/v1/facilities/pkm-demo/devices").send().await(),
                receptionist.get("/api/v1/facilities/pkm-demo/audit").send().await(),
                receptionist.post("/api/v1/facilities/pkm-demo/roster").putHeader("Content-Type", "text/csv")
                        .sendBuffer(Buffer.buffer("nomor_kartu\n0001234567890\n")).await()}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("ROLE_FORBIDDEN");
        }
    }

    @Test
    void anAdminIssuesADisplayTokenShownOnceAndRevokesIt() {
        WebClient admin = server.as(server.login("admin"));

        HttpResponse<Buffer> issued = admin.post("/api/v1/facilities/pkm-demo/devices")
                .sendJsonObject(new JsonObject().put("name", "TV ruang tunggu").put("kind", "DISPLAY")).await();
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonObject device = issued.bodyAsJsonObject();
        String token = device.getString("token");
        WebClient tv = server.as(token);
        assertThat(tv.get("/api/v1/facilities/pkm-demo/queue").send().await().statusCode()).isEqualTo(200);
        assertThat(tv.get("/api/v1/auth/me").send().await().bodyAsJsonObject().getJsonArray("deviceKinds"))
                .containsExactly("DISPLAY");
        assertThat(tv.post("/api/v1/facilities/pkm-demo/tickets").putHeader("Idempotency-Key", "tv")
                .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")).await().statusCode())
                .isEqualTo(403);

        JsonObject listed = admin.get("/api/v1/facilities/pkm-demo/devices").send().await().bodyAsJsonObject();
        assertThat(listed.encode()).contains("TV ruang tunggu").doesNotContain(token);

        assertThat(admin.delete("/api/v1/facilities/pkm-demo/devices/" + device.getLong("id")).send().await()
                .statusCode()).isEqualTo(200);
        assertThat(tv.get("/api/v1/facilities/pkm-demo/queue").send().await().statusCode()).isEqualTo(401);
    }

    @Test
    void loginAttemptsAreRateLimitedPerClientAddress() {
        server.close();
        Map<String, String> env = new HashMap<>(TestServer.env(id.antrean.testing.TestPostgres.newDatabaseUrl(), true));
        env.put("LOGIN_RATE_LIMIT", "3");
        server = TestServer.start(env, clock);   // its own start-up login uses one attempt

        login("resepsionis", "salah");
        login("resepsionis", "salah");
        HttpResponse<Buffer> limited = login("resepsionis", TestServer.PASSWORD);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.bodyAsJsonObject().getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.getHeader("Retry-After"))).isBetween(1, 60);

        clock.advance(Duration.ofMinutes(1));
        assertThat(login("resepsionis", TestServer.PASSWORD).statusCode()).isEqualTo(200);
        // An authenticated console is not throttled by it.
        for (int i = 0; i < 20; i++) {
            assertThat(server.get("/api/v1/facilities/pkm-demo/queue").statusCode()).isEqualTo(200);
        }
    }
}
