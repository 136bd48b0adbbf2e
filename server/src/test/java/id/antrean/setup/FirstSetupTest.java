package id.antrean.setup;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server started on an empty database without the demo offers a one-time setup code; {@code POST /api/v1/setup}
 * spends it to create the first operator, once.
 */
class FirstSetupTest {
    private static final String PASSWORD = "Sulawesi-Selatan-2026";

    private static JsonObject setup(String code, String username) {
        return new JsonObject().put("setupCode", code).put("operator", new JsonObject()
                .put("username", username).put("name", "Dinas Kesehatan Kota").put("password", PASSWORD));
    }

    private static HttpResponse<Buffer> post(TestServer server, JsonObject body) {
        return server.anonymous().post("/api/v1/setup").sendJsonObject(body).await();
    }

    @Test
    void theFirstSetupCreatesAnOperatorOnceAndTheCodeIsSpentThen() {
        try (TestServer server = TestServer.startEmpty(MutableClock.at("2026-12-07T01:00:00Z"), Map.of())) {
            String code = server.setupCode();
            assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
            assertThat(server.anonymous().get("/api/v1/setup").send().await().bodyAsJsonObject().getBoolean("open"))
                    .isTrue();

            HttpResponse<Buffer> created = post(server, setup(code.toLowerCase(), "dinkes"));

            assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
            assertThat(created.bodyAsJsonObject().getJsonObject("operator").getMap())
                    .containsEntry("username", "dinkes").containsEntry("role", "OPERATOR")
                    .containsKeys("id", "name").doesNotContainKeys("password", "passwordHash");
            assertThat(created.bodyAsString()).doesNotContain(PASSWORD, code, "$2");
            assertThat(server.count("SELECT count(*) FROM operator WHERE username = 'dinkes' AND password_hash LIKE '$2%'"))
                    .isEqualTo(1);
            assertThat(server.count("SELECT count(*) FROM setup_code WHERE spent_at IS NOT NULL")).isEqualTo(1);
            // Audited, without the code, its hash or the password's.
            assertThat(server.count("SELECT count(*) FROM system_audit_log WHERE action = 'SETUP' AND actor_kind = 'OPERATOR'"
                    + " AND details #>> '{after,operator,username}' = 'dinkes'")).isEqualTo(1);
            assertThat(server.count("SELECT count(*) FROM system_audit_log WHERE details::text LIKE '%$2%'"
                    + " OR details::text ILIKE '%" + code + "%' OR details::text LIKE '%' || (SELECT code_hash FROM setup_code) || '%'"))
                    .isZero();

            HttpResponse<Buffer> again = post(server, setup(code, "dinkes2"));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.bodyAsJsonObject().getString("code")).isEqualTo("SETUP_DONE");
            assertThat(server.anonymous().get("/api/v1/setup").send().await().bodyAsJsonObject().getBoolean("open"))
                    .isFalse();

            // The operator logs in like staff, has no facility of its own, and may create facilities.
            HttpResponse<Buffer> login = server.login("dinkes", PASSWORD);
            assertThat(login.statusCode()).isEqualTo(200);
            JsonObject me = server.as(login.bodyAsJsonObject().getString("token")).get("/api/v1/auth/me").send().await()
                    .bodyAsJsonObject();
            assertThat(me.getString("kind")).isEqualTo("OPERATOR");
            assertThat(me.getString("role")).isEqualTo("OPERATOR");
            assertThat(me.getValue("facility")).isNull();
            assertThat(me.getJsonArray("permissions").getList()).contains("OPERATE", "ADMIN");
        }
    }

    @Test
    void onceAnOperatorExistsARestartOffersNoCode() {
        String url;
        try (TestServer server = TestServer.startEmpty(MutableClock.at("2026-12-07T01:00:00Z"), Map.of())) {
            url = server.databaseUrl();
            assertThat(post(server, setup(server.setupCode(), "dinkes")).statusCode()).isEqualTo(201);
        }
        try (TestServer again = TestServer.startEmptyOn(url, MutableClock.at("2026-12-07T02:00:00Z"), Map.of())) {
            assertThat(again.setupCode()).isNull();
            assertThat(again.count("SELECT count(*) FROM setup_code WHERE spent_at IS NOT NULL")).isEqualTo(1);
        }
    }

    @Test
    void aWrongCodeIsRefusedAndRepeatedWrongCodesAreThrottled() {
        MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
        try (TestServer server = TestServer.startEmpty(clock, Map.of("LOGIN_FAILURES_PER_ACCOUNT", "2"))) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<Buffer> wrong = post(server, setup("AAAA-BBBB-CCCC", "dinkes"));
                assertThat(wrong.statusCode()).isEqualTo(403);
                assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("SETUP_CODE_INVALID");
            }
            // Now even the right code waits: guessing is held to the pace of failed logins.
            HttpResponse<Buffer> limited = post(server, setup(server.setupCode(), "dinkes"));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.bodyAsJsonObject().getString("code")).isEqualTo("RATE_LIMITED");
            assertThat(limited.getHeader("Retry-After")).isNotBlank();
            assertThat(server.count("SELECT count(*) FROM operator")).isZero();

            clock.advance(Duration.ofMinutes(2));
            assertThat(post(server, setup(server.setupCode(), "dinkes")).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void aWeakPasswordOrABadUsernameLeavesTheCodeUnspent() {
        try (TestServer server = TestServer.startEmpty(MutableClock.at("2026-12-07T01:00:00Z"), Map.of())) {
            JsonObject weak = setup(server.setupCode(), "dinkes");
            weak.getJsonObject("operator").put("password", "dinkes12345");
            HttpResponse<Buffer> refused = post(server, weak);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("PASSWORD_TOO_WEAK");
            assertThat(refused.bodyAsJsonObject().getString("field")).isEqualTo("operator.password");

            HttpResponse<Buffer> badName = post(server, setup(server.setupCode(), "dinkes\n"));
            assertThat(badName.statusCode()).isEqualTo(400);

            HttpResponse<Buffer> extra = post(server, setup(server.setupCode(), "dinkes").put("role", "ADMIN"));
            assertThat(extra.statusCode()).isEqualTo(400);

            assertThat(server.count("SELECT count(*) FROM operator")).isZero();
            assertThat(server.count("SELECT count(*) FROM setup_code WHERE spent_at IS NULL")).isEqualTo(1);
        }
    }

    @Test
    void theSetupCodeFromTheEnvironmentIsTheOneAccepted() {
        try (TestServer server = TestServer.startEmpty(MutableClock.at("2026-12-07T01:00:00Z"),
                Map.of("SETUP_CODE", "otomatis-2026-xyz"))) {
            assertThat(server.setupCode()).isEqualTo("otomatis-2026-xyz");
            assertThat(post(server, setup("AAAA-BBBB-CCCC", "dinkes")).statusCode()).isEqualTo(403);
            assertThat(post(server, setup("otomatis-2026-xyz", "dinkes")).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void ofManySetupsAtOnceExactlyOneCreatesAnOperator() {
        try (TestServer server = TestServer.startEmpty(MutableClock.at("2026-12-07T01:00:00Z"), Map.of())) {
            List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(server.anonymous().post("/api/v1/setup")
                        .sendJsonObject(setup(server.setupCode(), "operator" + i)));
            }
            List<Integer> statuses = calls.stream().map(f -> f.await().statusCode()).toList();

            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
            assertThat(server.count("SELECT count(*) FROM operator")).isEqualTo(1);
            assertThat(server.count("SELECT count(*) FROM system_audit_log WHERE action = 'SETUP'")).isEqualTo(1);
        }
    }

    @Test
    void aUsernameIsUniqueAcrossStaffAndOperatorsInTheDatabase() throws SQLException {
        try (TestServer server = TestServer.startEmpty(MutableClock.at("2026-12-07T01:00:00Z"), Map.of())) {
            server.sql("INSERT INTO facility (code, name, time_zone) VALUES ('pkm-uji', 'Puskesmas Uji', 'Asia/Jakarta')");
            server.sql("INSERT INTO staff (facility_id, username, name, role, password_hash)"
                    + " SELECT facility_id, 'budi', 'Budi', 'ADMIN', 'x' FROM facility WHERE code = 'pkm-uji'");

            HttpResponse<Buffer> taken = post(server, setup(server.setupCode(), "budi"));
            assertThat(taken.statusCode()).isEqualTo(409);
            assertThat(taken.bodyAsJsonObject().getString("code")).isEqualTo("USERNAME_TAKEN");
            assertThat(server.count("SELECT count(*) FROM setup_code WHERE spent_at IS NULL")).isEqualTo(1);
            assertThat(post(server, setup(server.setupCode(), "dinkes")).statusCode()).isEqualTo(201);

            // The other way round too, as a unique violation the staff feature can map.
            assertThat(sqlState(server, "INSERT INTO staff (facility_id, username, name, role, password_hash)"
                    + " SELECT facility_id, 'dinkes', 'Dinkes', 'ADMIN', 'x' FROM facility WHERE code = 'pkm-uji'"))
                    .isEqualTo("23505");
            assertThat(sqlState(server, "UPDATE operator SET username = 'budi'")).isEqualTo("23505");
        }
    }

    private static String sqlState(TestServer server, String sql) throws SQLException {
        try (var c = id.antrean.db.Database.fromUrl(server.databaseUrl()).jdbc(); var s = c.createStatement()) {
            s.execute(sql);
            return "none";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
