package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mobile JKN hears of a closed day in BPJS's words, and staff see whom to phone. */
class MobileJknClosureTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA).
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String BUDI = "0001234567890";
    private static final String BUDI_NIK = "7371011205580001";
    private static final String CLOSED = "Pendaftaran ke Poli Ini Sedang Tutup";
    private TestServer server;
    private MobileJknCaller mobileJkn;
    private WebClient admin;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        mobileJkn = new MobileJknCaller(server);
        admin = server.as(server.login("admin"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void close(String date, String service, String reason) {
        JsonObject body = new JsonObject().put("date", date).put("reason", reason);
        if (service != null) {
            body.put("service", service);
        }
        assertThat(admin.post("/api/v1/facilities/pkm-demo/closures").sendJsonObject(body).await().statusCode())
                .isEqualTo(201);
    }

    @Test
    void bookingAClosedDayIsRefusedInBpjsWordsAndNothingIsBooked() {
        close("2026-11-27", "UMUM", "Dokter pelatihan");

        assertAnswer(mobileJkn.book(BUDI, BUDI_NIK, "001", "2026-11-27"), refusal(CLOSED));
        assertAnswer(mobileJkn.get("/antrean/status/001/2026-11-27"), refusal(CLOSED));
        assertThat(server.count("SELECT count(*) FROM ticket WHERE service_date = '2026-11-27'")).isZero();
        assertThat(mobileJkn.book(BUDI, BUDI_NIK, "001", "2026-11-26").bodyAsJsonObject()
                .getJsonObject("metadata").getInteger("code")).isEqualTo(200);
    }

    @Test
    void aPatientBookedForAPoliClosedSinceCannotCheckInAndIsToldWhy() {
        assertThat(mobileJkn.book(BUDI, BUDI_NIK, "001", "2026-11-25").bodyAsJsonObject()
                .getJsonObject("metadata").getInteger("code")).isEqualTo(200);
        long ticket = server.count("SELECT ticket_id FROM ticket WHERE status = 'BOOKED' AND card_number = '" + BUDI + "'");

        close("2026-11-25", "UMUM", "Dokter dipanggil rapat");

        var refused = server.post("/api/v1/facilities/pkm-demo/tickets/" + ticket + "/check-in", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("SERVICE_CLOSED_TODAY");
        assertThat(refused.bodyAsJsonObject().getJsonObject("message").getString("id")).contains("Dokter dipanggil rapat");
        assertThat(server.count("SELECT count(*) FROM ticket WHERE ticket_id = " + ticket + " AND status = 'BOOKED'"))
                .isEqualTo(1);
    }

    @Test
    void closingADayWithBookingsListsThemForStaffWithCardAndPhone() {
        assertThat(mobileJkn.book(BUDI, BUDI_NIK, "001", "2026-11-26").bodyAsJsonObject()
                .getJsonObject("metadata").getInteger("code")).isEqualTo(200);

        close("2026-11-26", null, "Libur Nasional");

        assertAnswer(mobileJkn.get("/antrean/status/001/2026-11-26"), refusal(CLOSED));
        var listed = admin.get("/api/v1/facilities/pkm-demo/closures").send().await();
        assertThat(listed.statusCode()).as(listed.bodyAsString()).isEqualTo(200);
        JsonArray closures = listed.bodyAsJsonObject().getJsonArray("closures");
        assertThat(closures).hasSize(1);
        JsonObject closure = closures.getJsonObject(0);
        assertThat(closure.getValue("service")).isNull();
        JsonArray affected = closure.getJsonArray("affectedBookings");
        assertThat(affected).hasSize(1);
        JsonObject booking = affected.getJsonObject(0);
        assertThat(booking.getString("label")).isEqualTo("A-001");
        assertThat(booking.getString("status")).isEqualTo("BOOKED");
        assertThat(booking.getString("cardNumber")).isEqualTo(BUDI);
        assertThat(booking.getString("phone")).isEqualTo("085612345678");
        assertThat(booking.getJsonObject("service").getString("code")).isEqualTo("UMUM");
        assertThat(booking.getString("estimatedAt")).startsWith("2026-11-26T").endsWith("+08:00");
    }
}
