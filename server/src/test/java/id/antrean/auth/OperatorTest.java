package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's operator ({@code operator}, the demo password) is a district's view: it acts in both demo facilities,
 * creates facilities, and nobody of a facility may do what only an operator may.
 */
class OperatorTest {
    private static TestServer server;
    private static WebClient operator;

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-12-07T01:00:00Z"));
        operator = server.as(server.login("operator"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDemoOperatorHasNoFacilityOfItsOwnAndNoSetupIsOffered() {
        JsonObject me = operator.get("/api/v1/auth/me").send().await().bodyAsJsonObject();
        assertThat(me.getString("kind")).isEqualTo("OPERATOR");
        assertThat(me.getString("username")).isEqualTo("operator");
        assertThat(me.getValue("facility")).isNull();
        assertThat(server.setupCode()).isNull();
        assertThat(server.anonymous().get("/api/v1/setup").send().await().bodyAsJsonObject().getBoolean("open")).isFalse();
    }

    @Test
    void theOperatorReadsTheQueueAndCallsATicketInBothDemoFacilities() {
        for (String[] place : new String[][] {{"pkm-demo", "R-UMUM-1"}, {"klinik-demo", "R-UMUM"}}) {
            assertThat(operator.get("/api/v1/facilities/" + place[0] + "/queue").send().await().statusCode())
                    .isEqualTo(200);
            HttpResponse<Buffer> issued = operator.post("/api/v1/facilities/" + place[0] + "/tickets")
                    .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                    .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")).await();
            assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
            HttpResponse<Buffer> called = operator.post("/api/v1/facilities/" + place[0] + "/counters/" + place[1]
                    + "/call-next").send().await();
            assertThat(called.statusCode()).as(called.bodyAsString()).isEqualTo(200);
            // The audit log names the operator, in the facility where it acted.
            assertThat(server.count("SELECT count(*) FROM audit_log a JOIN facility f USING (facility_id)"
                    + " WHERE f.code = '" + place[0] + "' AND a.action = 'CALL' AND a.actor_kind = 'OPERATOR'"
                    + " AND a.actor_name = 'operator' AND a.ticket_id = " + ticketId(called))).isEqualTo(1);
        }
    }

    private static long ticketId(HttpResponse<Buffer> called) {
        JsonObject body = called.bodyAsJsonObject();
        return body.containsKey("ticket") ? body.getJsonObject("ticket").getLong("id") : body.getLong("id");
    }

    /**
     * Every facility route of the router (as {@link FacilityIsolationTest} walks them), called by the operator on the
     * demo klinik: never refused for its identity or role (the answers are the routes' own: 200, 400, 404, 428 …).
     */
    @Test
    void noFacilityRouteRefusesTheOperator() {
        List<String> routes = server.routes().stream()
                .filter(r -> r.contains("/api/") && r.contains(":facility") && !r.endsWith("/events"))
                .toList();
        assertThat(routes).hasSizeGreaterThan(20);
        for (String route : routes) {
            String[] r = route.split(" ", 2);
            String method = r[0].equals("*") ? "GET" : r[0];
            String path = r[1].replace(":facility", "klinik-demo").replace(":counter", "R-UMUM")
                    .replace(":ticket", "1").replace(":device", "999999");
            var request = operator.request(HttpMethod.valueOf(method), path);
            HttpResponse<Buffer> response = (method.equals("POST") || method.equals("PUT")
                    ? request.putHeader("Content-Type", "application/json").putHeader("Idempotency-Key", "op-walk")
                            .sendBuffer(Buffer.buffer("{}"))
                    : request.send()).await();
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.bodyAsString())
                    .isNotIn(401, 403);
        }
    }

    @Test
    void anUnknownFacilityIsNotFoundForTheOperator() {
        HttpResponse<Buffer> response = operator.get("/api/v1/facilities/pkm-tidak-ada/queue").send().await();
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("FACILITY_NOT_FOUND");
    }

    @Test
    void theOperatorCreatesAFacilityAuditedAndAnnouncedInIt() {
        HttpResponse<Buffer> created = operator.post("/api/v1/facilities").sendJsonObject(new JsonObject()
                .put("code", "pkm-tamalanrea").put("name", "Puskesmas Tamalanrea").put("timeZone", "Asia/Makassar")
                .put("bpjsProviderCode", "19050102").put("address", "Jl. Perintis Kemerdekaan, Makassar")
                .put("phone", "0411-585858")).await();

        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/facilities/pkm-tamalanrea/profile");
        assertThat(created.getHeader("ETag")).isEqualTo("\"1\"");
        JsonObject body = created.bodyAsJsonObject();
        assertThat(body.getString("timeZone")).isEqualTo("Asia/Makassar");
        assertThat(body.getJsonArray("languages").getList()).containsExactly("id");
        assertThat(body.getInteger("version")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log a JOIN facility f USING (facility_id)"
                + " WHERE f.code = 'pkm-tamalanrea' AND a.action = 'FACILITY_CREATE' AND a.actor_kind = 'OPERATOR'"
                + " AND a.details -> 'before' = 'null' AND a.details #>> '{after,name}' = 'Puskesmas Tamalanrea'"))
                .isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM queue_event e JOIN facility f USING (facility_id)"
                + " WHERE f.code = 'pkm-tamalanrea' AND e.type = 'SETTINGS_CHANGED'"
                + " AND e.payload ->> 'settings' = 'profile'")).isEqualTo(1);

        // Listed for everyone, and the operator acts there at once.
        assertThat(server.anonymous().get("/api/v1/facilities").send().await().bodyAsString()).contains("pkm-tamalanrea");
        assertThat(operator.get("/api/v1/facilities/pkm-tamalanrea/profile").send().await().statusCode()).isEqualTo(200);
    }

    @Test
    void aTakenCodeOrAZoneOutsideIndonesiaIsRefusedAndWritesNothing() {
        long before = server.count("SELECT count(*) FROM facility");
        HttpResponse<Buffer> taken = operator.post("/api/v1/facilities").sendJsonObject(new JsonObject()
                .put("code", "pkm-demo").put("name", "Lagi").put("timeZone", "Asia/Jakarta")).await();
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.bodyAsJsonObject().getString("code")).isEqualTo("FACILITY_CODE_TAKEN");

        HttpResponse<Buffer> provider = operator.post("/api/v1/facilities").sendJsonObject(new JsonObject()
                .put("code", "pkm-baru").put("name", "Baru").put("timeZone", "Asia/Jakarta")
                .put("bpjsProviderCode", "09020107")).await();
        assertThat(provider.statusCode()).isEqualTo(409);
        assertThat(provider.bodyAsJsonObject().getString("code")).isEqualTo("BPJS_PROVIDER_CODE_TAKEN");

        HttpResponse<Buffer> zone = operator.post("/api/v1/facilities").sendJsonObject(new JsonObject()
                .put("code", "pkm-berlin").put("name", "Berlin").put("timeZone", "Europe/Berlin")).await();
        assertThat(zone.statusCode()).isEqualTo(400);
        assertThat(zone.bodyAsJsonObject().getString("code")).isEqualTo("TIME_ZONE_NOT_SUPPORTED");
        assertThat(zone.bodyAsJsonObject().getString("field")).isEqualTo("timeZone");

        for (String code : new String[] {"PKM-Besar", "pkm baru", "pkm-baru\n", "-pkm"}) {
            HttpResponse<Buffer> bad = operator.post("/api/v1/facilities").sendJsonObject(new JsonObject()
                    .put("code", code).put("name", "Baru").put("timeZone", "Asia/Jakarta")).await();
            assertThat(bad.statusCode()).as(code).isEqualTo(400);
        }
        assertThat(server.count("SELECT count(*) FROM facility")).isEqualTo(before);
    }

    @Test
    void onlyAnOperatorCreatesFacilities() {
        JsonObject facility = new JsonObject().put("code", "pkm-liar").put("name", "Liar").put("timeZone", "Asia/Jakarta");
        for (String who : new String[] {"admin", "resepsionis"}) {
            HttpResponse<Buffer> refused = server.as(server.login(who)).post("/api/v1/facilities")
                    .sendJsonObject(facility).await();
            assertThat(refused.statusCode()).as(who).isEqualTo(403);
            assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("ROLE_FORBIDDEN");
        }
        HttpResponse<Buffer> device = server.as(TestServer.DEVICE_TOKEN).post("/api/v1/facilities")
                .sendJsonObject(facility).await();
        assertThat(device.statusCode()).isEqualTo(403);
        assertThat(server.anonymous().post("/api/v1/facilities").sendJsonObject(facility).await().statusCode())
                .isEqualTo(401);
        assertThat(server.count("SELECT count(*) FROM facility WHERE code = 'pkm-liar'")).isZero();
    }

    @Test
    void anOperatorsLogoutRevokesItsToken() {
        String token = server.login("operator");
        WebClient client = server.as(token);
        assertThat(client.get("/api/v1/auth/me").send().await().statusCode()).isEqualTo(200);
        assertThat(client.post("/api/v1/auth/logout").send().await().statusCode()).isEqualTo(204);
        HttpResponse<Buffer> after = client.get("/api/v1/facilities/pkm-demo/queue").send().await();
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.bodyAsJsonObject().getString("code")).isEqualTo("AUTH_INVALID");
    }
}
