package id.antrean.bpjs.settings;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facility's BPJS settings: read and replaced with ETag / If-Match by its admin or an operator, audited, announced. */
class BpjsSettingsTest {
    private static final String SETTINGS = "/api/v1/facilities/pkm-demo/bpjs-settings";
    private TestServer server;
    private WebClient admin;

    @BeforeEach
    void start() {
        server = TestServer.start(MutableClock.at("2026-12-07T01:00:00Z"));
        admin = server.as(server.login("admin"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonObject settings(String mode, boolean all) {
        return new JsonObject().put("bookingEligibility", mode).put("reportAllPatients", all);
    }

    private HttpResponse<Buffer> put(WebClient client, String path, String etag, JsonObject body) {
        var request = client.put(path);
        if (etag != null) {
            request.putHeader("If-Match", etag);
        }
        return request.sendJsonObject(body).await();
    }

    @Test
    void theDefaultsRecordBookingEligibilityAndReportEveryPatient() {
        HttpResponse<Buffer> read = admin.get(SETTINGS).send().await();
        assertThat(read.statusCode()).as(read.bodyAsString()).isEqualTo(200);
        JsonObject body = read.bodyAsJsonObject();
        assertThat(body.getString("bookingEligibility")).isEqualTo("record");
        assertThat(body.getBoolean("reportAllPatients")).isTrue();
        assertThat(read.getHeader("ETag")).isEqualTo("\"" + body.getInteger("version") + "\"");
    }

    @Test
    void anAdminChangesThemWithTheVersionItReadAndTheChangeIsAuditedAndAnnounced() {
        String etag = admin.get(SETTINGS).send().await().getHeader("ETag");
        try (SseClient events = SseClient.connect(server.clientVertx(), server.port(), "pkm-demo",
                TestServer.DISPLAY_TOKEN)) {
            HttpResponse<Buffer> saved = put(admin, SETTINGS, etag, settings("refuse", false));

            assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
            assertThat(saved.bodyAsJsonObject().getString("bookingEligibility")).isEqualTo("refuse");
            assertThat(saved.bodyAsJsonObject().getBoolean("reportAllPatients")).isFalse();
            assertThat(saved.getHeader("ETag")).isNotEqualTo(etag);
            assertThat(events.until(e -> "SETTINGS_CHANGED".equals(e.getString("type")), Duration.ofSeconds(10)))
                    .last().extracting(e -> e.getString("settings")).isEqualTo("bpjs");
        }
        assertThat(server.count("SELECT count(*) FROM facility WHERE code = 'pkm-demo'"
                + " AND booking_eligibility = 'refuse' AND NOT report_all_patients")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log a JOIN facility f USING (facility_id)"
                + " WHERE f.code = 'pkm-demo' AND a.action = 'BPJS_SETTINGS_UPDATE' AND a.actor_name = 'admin'"
                + " AND a.details #>> '{before,bookingEligibility}' = 'record'"
                + " AND a.details #>> '{after,bookingEligibility}' = 'refuse'"
                + " AND a.details #>> '{after,reportAllPatients}' = 'false'")).isEqualTo(1);

        HttpResponse<Buffer> stale = put(admin, SETTINGS, etag, settings("record", true));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.bodyAsJsonObject().getString("code")).isEqualTo("EDIT_CONFLICT");
        HttpResponse<Buffer> blind = put(admin, SETTINGS, null, settings("record", true));
        assertThat(blind.statusCode()).isEqualTo(428);
        assertThat(server.count("SELECT count(*) FROM facility WHERE code = 'pkm-demo' AND booking_eligibility = 'refuse'"))
                .isEqualTo(1);
    }

    @Test
    void anOperatorMayChangeAnyFacilitysAndOtherStaffMayNot() {
        WebClient operator = server.as(server.login("operator"));
        String other = "/api/v1/facilities/klinik-demo/bpjs-settings";
        String etag = operator.get(other).send().await().getHeader("ETag");
        HttpResponse<Buffer> saved = put(operator, other, etag, settings("refuse", true));
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);

        HttpResponse<Buffer> receptionist = put(server.client(), SETTINGS, "\"1\"", settings("refuse", true));
        assertThat(receptionist.statusCode()).isEqualTo(403);
        assertThat(admin.get(other).send().await().statusCode()).isEqualTo(403);
    }

    @Test
    void aValueOutsideTheTwoModesIsRefusedWithAProblem() {
        String etag = admin.get(SETTINGS).send().await().getHeader("ETag");
        HttpResponse<Buffer> refused = put(admin, SETTINGS, etag, settings("ignore", true));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
        HttpResponse<Buffer> missing = put(admin, SETTINGS, etag, new JsonObject().put("bookingEligibility", "record"));
        assertThat(missing.statusCode()).isEqualTo(400);
    }
}
