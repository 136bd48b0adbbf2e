package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.ok;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an admin sets as a service's week and quotas is what Mobile JKN offers, at once. */
class MobileJknFollowsTheScheduleTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA)
    private static final String THURSDAY = "2026-11-26";
    private static final String SUNDAY = "2026-11-29";
    private static final String SERVICES = "/api/v1/facilities/pkm-demo/services/";
    private TestServer server;
    private WebClient admin;
    private MobileJknCaller mobileJkn;

    @BeforeEach
    void start() {
        server = TestServer.start(MutableClock.at("2026-11-25T00:30:00Z"));
        admin = server.as(server.login("admin"));
        mobileJkn = new MobileJknCaller(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String etag(String service) {
        return admin.get(SERVICES + service).send().await().getHeader("ETag");
    }

    @Test
    void aNewWeekAndQuotaAreWhatMobileJknOffersAndBooks() {
        assertAnswer(mobileJkn.get("/antrean/status/001/" + SUNDAY), refusal("Pendaftaran ke Poli ini tidak tersedia"));

        HttpResponse<Buffer> saved = admin.put(SERVICES + "UMUM/schedule").putHeader("If-Match", etag("UMUM"))
                .sendJsonObject(new JsonObject()
                        .put("days", new JsonArray().add(new JsonObject().put("weekday", 7).put("opensAt", "08:00")
                                .put("closesAt", "12:00").put("doctorCode", 555001).put("doctorName", "dr. Minggu Sehat")))
                        .put("dailyQuota", 5).put("jknQuota", 1))
                .await();
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);

        assertAnswer(mobileJkn.get("/antrean/status/001/" + SUNDAY), ok(new JsonArray().add(new JsonObject()
                .put("namapoli", "Poli Umum")
                .put("totalantrean", 0)
                .put("sisaantrean", 0)
                .put("antreanpanggil", "A-000")
                .put("keterangan", "Datang minimal 30 menit sebelum jam praktek 08:00-12:00 WITA, lalu "
                        + "konfirmasi kedatangan di kiosk atau loket pendaftaran. Jika nomor antrean Anda terlewat, lapor ke "
                        + "loket pendaftaran.")
                .put("kodedokter", 555001)
                .put("namadokter", "dr. Minggu Sehat")
                .put("jampraktek", "08:00-12:00"))));
        assertAnswer(mobileJkn.get("/antrean/status/001/" + THURSDAY), refusal("Pendaftaran ke Poli ini tidak tersedia"));

        HttpResponse<Buffer> first = mobileJkn.book("0001234567890", "7371011205580001", "001", SUNDAY);
        assertThat(first.bodyAsJsonObject().getJsonObject("metadata").getInteger("code")).as(first.bodyAsString())
                .isEqualTo(200);
        assertThat(mobileJkn.post("/peserta", MobileJknPatientTest.newPatient("0002222222222", "7371025704920008"))
                .statusCode()).isEqualTo(200);
        HttpResponse<Buffer> second = mobileJkn.book("0002222222222", "7371025704920008", "001", SUNDAY);
        assertThat(second.bodyAsJsonObject().getJsonObject("metadata").getString("message"))
                .isEqualTo("Kuota Antrean Poli Umum Sudah Penuh");

        // a booked patient keeps the service from being retired under them
        HttpResponse<Buffer> retire = admin.delete(SERVICES + "UMUM").putHeader("If-Match", etag("UMUM")).send().await();
        assertThat(retire.statusCode()).isEqualTo(409);
        assertThat(retire.bodyAsJsonObject().getString("code")).isEqualTo("SERVICE_IN_USE");
    }

    @Test
    void aRemovedServiceIsNoLongerAPoliForMobileJkn() {
        HttpResponse<Buffer> removed = admin.delete(SERVICES + "GIGI").putHeader("If-Match", etag("GIGI")).send().await();
        assertThat(removed.statusCode()).as(removed.bodyAsString()).isEqualTo(204);

        assertAnswer(mobileJkn.get("/antrean/status/002/" + THURSDAY), refusal("Poli Tidak Ditemukan"));
    }
}
