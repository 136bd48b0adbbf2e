package id.antrean.profile;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A facility's admin (or an operator) reads and edits its profile with ETag / If-Match; every edit is audited
 * and announced live; the logo is a real PNG or JPEG, small, served for tickets and letterheads.
 */
class FacilityProfileTest {
    private static final String PROFILE = "/api/v1/facilities/pkm-demo/profile";
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

    private static JsonObject edit() {
        return new JsonObject().put("name", "Puskesmas Sejahtera").put("address", "Jl. Urip Sumoharjo 12, Makassar")
                .put("phone", "+62 411 123456").put("ticketFooter", "Terima kasih, semoga lekas sembuh")
                .put("kioskIdleSeconds", 90).put("languages", new JsonArray().add("id").add("en"));
    }

    private HttpResponse<Buffer> put(WebClient client, String etag, JsonObject body) {
        var request = client.put(PROFILE);
        if (etag != null) {
            request.putHeader("If-Match", etag);
        }
        return request.sendJsonObject(body).await();
    }

    private static String image(String format) throws IOException {
        BufferedImage image = new BufferedImage(24, 12, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void anAdminEditsTheProfileWithTheVersionItReadAndTheChangeIsAuditedAndAnnounced() {
        HttpResponse<Buffer> read = admin.get(PROFILE).send().await();
        assertThat(read.statusCode()).isEqualTo(200);
        String etag = read.getHeader("ETag");
        assertThat(etag).isEqualTo("\"" + read.bodyAsJsonObject().getInteger("version") + "\"");
        assertThat(read.bodyAsJsonObject().getString("timeZone")).isEqualTo("Asia/Makassar");

        try (SseClient events = SseClient.connect(server.clientVertx(), server.port(), "pkm-demo",
                TestServer.DISPLAY_TOKEN)) {
            HttpResponse<Buffer> saved = put(admin, etag, edit());

            assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
            JsonObject profile = saved.bodyAsJsonObject();
            assertThat(profile.getString("name")).isEqualTo("Puskesmas Sejahtera");
            assertThat(profile.getInteger("kioskIdleSeconds")).isEqualTo(90);
            assertThat(profile.getJsonArray("languages").getList()).containsExactly("id", "en");
            assertThat(saved.getHeader("ETag")).isEqualTo("\"" + profile.getInteger("version") + "\"").isNotEqualTo(etag);
            assertThat(events.until(e -> "SETTINGS_CHANGED".equals(e.getString("type")), Duration.ofSeconds(10)))
                    .last().extracting(e -> e.getString("settings")).isEqualTo("profile");
        }
        assertThat(server.count("SELECT count(*) FROM facility WHERE code = 'pkm-demo' AND name = 'Puskesmas Sejahtera'"
                + " AND kiosk_idle_seconds = 90 AND languages = '{id,en}'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log a JOIN facility f USING (facility_id)"
                + " WHERE f.code = 'pkm-demo' AND a.action = 'FACILITY_PROFILE_UPDATE' AND a.actor_name = 'admin'"
                + " AND a.details #>> '{before,name}' = 'Puskesmas Sejahtera (Demo)'"
                + " AND a.details #>> '{after,name}' = 'Puskesmas Sejahtera'")).isEqualTo(1);

        // The version read before is stale now; no If-Match at all is not allowed either.
        HttpResponse<Buffer> stale = put(admin, etag, edit().put("name", "Nama Lama"));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.bodyAsJsonObject().getString("code")).isEqualTo("EDIT_CONFLICT");
        HttpResponse<Buffer> blind = put(admin, null, edit().put("name", "Nama Buta"));
        assertThat(blind.statusCode()).isEqualTo(428);
        assertThat(blind.bodyAsJsonObject().getString("code")).isEqualTo("PRECONDITION_REQUIRED");
        assertThat(server.count("SELECT count(*) FROM facility WHERE name IN ('Nama Lama', 'Nama Buta')")).isZero();
    }

    @Test
    void anOperatorEditsAnyFacilitysProfileAndStaffOtherThanAdminMayNot() {
        WebClient operator = server.as(server.login("operator"));
        HttpResponse<Buffer> read = operator.get("/api/v1/facilities/klinik-demo/profile").send().await();
        assertThat(read.statusCode()).isEqualTo(200);
        HttpResponse<Buffer> saved = operator.put("/api/v1/facilities/klinik-demo/profile")
                .putHeader("If-Match", read.getHeader("ETag"))
                .sendJsonObject(edit().put("name", "Klinik Pratama Harapan")).await();
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM audit_log a JOIN facility f USING (facility_id)"
                + " WHERE f.code = 'klinik-demo' AND a.action = 'FACILITY_PROFILE_UPDATE' AND a.actor_kind = 'OPERATOR'"))
                .isEqualTo(1);

        // Everyone of the facility reads it (the kiosk its idle time and languages); only its admin changes it.
        assertThat(server.client().get(PROFILE).send().await().statusCode()).isEqualTo(200);
        HttpResponse<Buffer> receptionist = server.client().put(PROFILE).putHeader("If-Match", "\"1\"")
                .sendJsonObject(edit().put("name", "Nama Loket")).await();
        assertThat(receptionist.statusCode()).isEqualTo(403);
        assertThat(receptionist.bodyAsJsonObject().getString("code")).isEqualTo("ROLE_FORBIDDEN");
        HttpResponse<Buffer> otherAdmin = admin.get("/api/v1/facilities/klinik-demo/profile").send().await();
        assertThat(otherAdmin.statusCode()).isEqualTo(403);
        assertThat(otherAdmin.bodyAsJsonObject().getString("code")).isEqualTo("FACILITY_FORBIDDEN");
    }

    @Test
    void aLogoIsStoredServedToTheFacilitysDevicesAndRemovedWithoutTouchingTheAudit() throws IOException {
        String png = image("png");
        String etag = admin.get(PROFILE).send().await().getHeader("ETag");
        HttpResponse<Buffer> saved = put(admin, etag, edit().put("logo",
                new JsonObject().put("contentType", "image/png").put("data", png)));
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        JsonObject logo = saved.bodyAsJsonObject().getJsonObject("logo");
        assertThat(logo.getString("contentType")).isEqualTo("image/png");
        assertThat(logo.getString("url")).startsWith(PROFILE + "/logo");

        // The kiosk (and display) may fetch it: tickets and the kiosk's screen show it.
        HttpResponse<Buffer> image = server.as(TestServer.DEVICE_TOKEN).get(PROFILE + "/logo").send().await();
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.getHeader("Content-Type")).isEqualTo("image/png");
        assertThat(image.body().getBytes()).isEqualTo(Base64.getDecoder().decode(png));
        // The audit says a logo was set, by type and size, never the image itself.
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE details::text LIKE '%" + png.substring(0, 20) + "%'"))
                .isZero();
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE details #>> '{after,logo,contentType}' = 'image/png'"))
                .isEqualTo(1);

        // A PUT without "logo" keeps it; "logo": null removes it.
        HttpResponse<Buffer> kept = put(admin, saved.getHeader("ETag"), edit().put("name", "Tetap"));
        assertThat(kept.bodyAsJsonObject().getJsonObject("logo")).isNotNull();
        HttpResponse<Buffer> removed = put(admin, kept.getHeader("ETag"), edit().putNull("logo"));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.bodyAsJsonObject().getValue("logo")).isNull();
        HttpResponse<Buffer> gone = admin.get(PROFILE + "/logo").send().await();
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.bodyAsJsonObject().getString("code")).isEqualTo("LOGO_NOT_FOUND");
    }

    @Test
    void aLogoThatIsNotWhatItClaimsOrTooLargeIsRefusedAndNothingChanges() throws IOException {
        String etag = admin.get(PROFILE).send().await().getHeader("ETag");
        byte[] big = Base64.getDecoder().decode(image("png"));
        big = Arrays.copyOf(big, 40 * 1024);
        String[][] cases = {
                {"image/jpeg", image("png"), "LOGO_INVALID"},
                {"image/png", image("jpg"), "LOGO_INVALID"},
                {"image/png", Base64.getEncoder().encodeToString("<svg onload=alert(1)>".getBytes()), "LOGO_INVALID"},
                {"image/png", "bm90IGJhc2U2NA=!", "LOGO_INVALID"},
                {"image/png", Base64.getEncoder().encodeToString(big), "LOGO_TOO_LARGE"}};
        for (String[] c : cases) {
            HttpResponse<Buffer> refused = put(admin, etag, edit().put("logo",
                    new JsonObject().put("contentType", c[0]).put("data", c[1])));
            assertThat(refused.statusCode()).as(c[2] + " " + c[0]).isEqualTo(400);
            assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo(c[2]);
        }
        HttpResponse<Buffer> gif = put(admin, etag, edit().put("logo",
                new JsonObject().put("contentType", "image/gif").put("data", image("gif"))));
        assertThat(gif.statusCode()).isEqualTo(400);
        assertThat(server.count("SELECT count(*) FROM facility WHERE logo IS NOT NULL OR name = 'Puskesmas Sejahtera'"))
                .isZero();
        assertThat(admin.get(PROFILE).send().await().getHeader("ETag")).isEqualTo(etag);
    }

    @Test
    void languagesMustStartWithBahasaIndonesiaAndTheKioskIdleTimeIsBounded() {
        String etag = admin.get(PROFILE).send().await().getHeader("ETag");
        JsonObject[] bad = {
                edit().put("languages", new JsonArray().add("en").add("id")),
                edit().put("languages", new JsonArray().add("en")),
                edit().put("languages", new JsonArray()),
                edit().put("languages", new JsonArray().add("id").add("id")),
                edit().put("languages", new JsonArray().add("id").add("jv")),
                edit().put("kioskIdleSeconds", 5),
                edit().put("kioskIdleSeconds", 100000),
                edit().put("name", " "),
                edit().put("ticketFooter", "baris satu\nbaris dua"),
                edit().put("phone", "call me"),
                edit().put("timeZone", "Asia/Jakarta")};
        for (JsonObject body : bad) {
            HttpResponse<Buffer> refused = put(admin, etag, body);
            assertThat(refused.statusCode()).as(body.encode()).isEqualTo(400);
            assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(admin.get(PROFILE).send().await().getHeader("ETag")).isEqualTo(etag);
    }

    @Test
    void theKioskVoiceTheRepeatedCallAndTheReportSignatureAreSetAndKeptWhenAFormLeavesThemOut() {
        JsonObject fresh = admin.get(PROFILE).send().await().bodyAsJsonObject();
        assertThat(fresh.getBoolean("spokenGuidance")).isFalse();
        assertThat(fresh.getBoolean("announceTwice")).isTrue();
        assertThat(fresh.getString("headName")).isNull();

        HttpResponse<Buffer> saved = put(admin, "\"" + fresh.getInteger("version") + "\"", edit()
                .put("spokenGuidance", true).put("announceTwice", false).put("headTitle", "Kepala Puskesmas")
                .put("headName", "dr. Andi Rahman").put("headNip", "19800101 200501 1 001"));
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        JsonObject profile = saved.bodyAsJsonObject();
        assertThat(profile.getBoolean("spokenGuidance")).isTrue();
        assertThat(profile.getBoolean("announceTwice")).isFalse();
        assertThat(profile.getString("headTitle")).isEqualTo("Kepala Puskesmas");
        assertThat(profile.getString("headName")).isEqualTo("dr. Andi Rahman");
        assertThat(profile.getString("headNip")).isEqualTo("198001012005011001");

        // A client that knows neither switch keeps them; the signature is part of the replaced profile.
        HttpResponse<Buffer> older = put(admin, saved.getHeader("ETag"), edit());
        assertThat(older.statusCode()).as(older.bodyAsString()).isEqualTo(200);
        assertThat(older.bodyAsJsonObject().getBoolean("spokenGuidance")).isTrue();
        assertThat(older.bodyAsJsonObject().getBoolean("announceTwice")).isFalse();
        assertThat(older.bodyAsJsonObject().getString("headName")).isNull();

        HttpResponse<Buffer> badNip = put(admin, older.getHeader("ETag"), edit().put("headNip", "1980 0101"));
        assertThat(badNip.statusCode()).isEqualTo(400);
        assertThat(badNip.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_FIELD");
    }
}
