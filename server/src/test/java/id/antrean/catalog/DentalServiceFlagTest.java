package id.antrean.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A service's {@code dental} flag: set for BPJS poli code 002 unless said otherwise, and editable by the admin. */
class DentalServiceFlagTest {
    private static final String SERVICES = "/api/v1/facilities/pkm-demo/services";
    private static TestServer server;
    private static WebClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-12-07T01:00:00Z"));
        admin = server.as(server.login("admin"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject listed(String code) {
        return server.get(SERVICES).bodyAsJsonObject().getJsonArray("services").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
    }

    @Test
    void poliGigiOfTheDemoIsDentalAndOthersAreNot() {
        assertThat(listed("GIGI").getBoolean("dental")).isTrue();
        assertThat(listed("UMUM").getBoolean("dental")).isFalse();
        assertThat(admin.get(SERVICES + "/GIGI").send().await().bodyAsJsonObject().getBoolean("dental")).isTrue();
    }

    @Test
    void aServiceCreatedWithoutTheFlagIsDentalWhenItsBpjsCodeIs002AndTheAdminMayChangeIt() {
        // The demo's Gigi holds 002: another facility's first dental poli.
        WebClient operator = server.as(server.login("operator"));
        String klinik = "/api/v1/facilities/klinik-demo/services";
        HttpResponse<Buffer> created = operator.post(klinik).sendJsonObject(new JsonObject().put("code", "GIGI2")
                .put("name", "Poli Gigi").put("prefix", "G").put("bpjsCode", "002")).await();
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject().getBoolean("dental")).isTrue();

        HttpResponse<Buffer> other = admin.post(SERVICES).sendJsonObject(new JsonObject().put("code", "BEDAH")
                .put("name", "Poli Bedah Mulut").put("prefix", "M").put("dental", true)).await();
        assertThat(other.statusCode()).as(other.bodyAsString()).isEqualTo(201);
        assertThat(other.bodyAsJsonObject().getBoolean("dental")).isTrue();

        HttpResponse<Buffer> changed = admin.put(SERVICES + "/BEDAH").putHeader("If-Match", other.getHeader("ETag"))
                .sendJsonObject(new JsonObject().put("name", "Poli Bedah Mulut").put("prefix", "M").put("dental", false))
                .await();
        assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
        assertThat(changed.bodyAsJsonObject().getBoolean("dental")).isFalse();
        assertThat(server.count("SELECT count(*) FROM service WHERE code = 'BEDAH' AND NOT dental")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE details #>> '{before,dental}' = 'true'"
                + " AND details #>> '{after,dental}' = 'false'")).isEqualTo(1);
    }
}
