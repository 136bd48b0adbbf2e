package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.booking;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static id.antrean.mobilejkn.MobileJknCaller.response;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.BpjsSimulator.Mode;
import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import id.antrean.web.Messages;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mobile JKN has already allowed the bookings it sends: by default (facility setting {@code bookingEligibility}
 * {@code record}) the booking is taken, its eligibility recorded on the ticket for staff; a facility may choose
 * {@code refuse}. A dental poli is checked against the participant's dental FKTP.
 */
class MobileJknBookingEligibilityTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA).
    private static final String TODAY = "2026-11-25";
    private static final String SITI = "0009876543210";
    private static final String SITI_NIK = "7371066308850002";
    private static final String ANDI = "0005555555555";
    private static final String ANDI_NIK = "7371100101900003";
    private TestServer server;
    private MobileJknCaller mobileJkn;

    @BeforeEach
    void start() {
        server = TestServer.start(MutableClock.at("2026-11-25T00:30:00Z"));
        mobileJkn = new MobileJknCaller(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void refuseIneligibleBookings() {
        server.sql("UPDATE facility SET booking_eligibility = 'refuse' WHERE code = 'pkm-demo'");
    }

    /** The booking's recorded eligibility, once it is {@code expected} (the check finishes after the answer). */
    private String recordedEligibility(String card, String expected) {
        return Eventually.poll(Duration.ofSeconds(10), () -> reasonOf(card), expected::equals);
    }

    private String reasonOf(String card) {
        for (String reason : new String[] {"ACTIVE_HERE", "REGISTERED_ELSEWHERE", "INACTIVE", "NOT_FOUND", "UNVERIFIED"}) {
            if (server.count("SELECT count(*) FROM ticket WHERE source = 'ONLINE' AND card_number = '" + card
                    + "' AND eligibility = '" + reason + "'") > 0) {
                return reason;
            }
        }
        return null;
    }

    @Test
    void byDefaultABookingMobileJknAllowedIsTakenAndItsTicketShowsStaffTheEligibility() {
        JsonObject booked = response(mobileJkn.book(SITI, SITI_NIK, "001", TODAY));
        assertThat(booked.getString("nomorantrean")).isNotBlank();
        assertThat(recordedEligibility(SITI, "REGISTERED_ELSEWHERE")).isEqualTo("REGISTERED_ELSEWHERE");

        response(mobileJkn.book(ANDI, ANDI_NIK, "001", TODAY));
        assertThat(recordedEligibility(ANDI, "INACTIVE")).isEqualTo("INACTIVE");

        // The console's queue carries it on the booked ticket (its badge).
        JsonObject queue = server.get("/api/v1/facilities/pkm-demo/queue").bodyAsJsonObject();
        assertThat(queue.encode()).contains("REGISTERED_ELSEWHERE", "INACTIVE");
    }

    @Test
    void byDefaultABookingDoesNotWaitForASlowBpjs() {
        server.bpjs().mode(Mode.SLOW, Duration.ofSeconds(5));
        long started = System.nanoTime();
        HttpResponse<Buffer> answer = mobileJkn.book(SITI, SITI_NIK, "001", TODAY);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        response(answer);
        assertThat(took).isLessThan(Duration.ofMillis(2500));
        assertThat(recordedEligibility(SITI, "UNVERIFIED")).isEqualTo("UNVERIFIED");
    }

    @Test
    void aFacilityThatRefusesIneligibleBookingsRefusesThemWithTheReason() {
        refuseIneligibleBookings();
        assertAnswer(mobileJkn.book(SITI, SITI_NIK, "001", TODAY), refusal(Messages.text(
                "eligibility.REGISTERED_ELSEWHERE", "Puskesmas Sejahtera (Demo)", "PUSKESMAS KASSI-KASSI").id()));
        assertAnswer(mobileJkn.book(ANDI, ANDI_NIK, "001", TODAY), refusal(Messages.text(
                "eligibility.INACTIVE.ARREARS", "TIDAK AKTIF (MENUNGGAK IURAN)").id()));
        assertThat(server.count("SELECT count(*) FROM ticket")).isZero();
    }

    @Test
    void aDentalBookingIsCheckedAgainstTheDentalFktp() {
        refuseIneligibleBookings();
        io.vertx.ext.web.client.WebClient.create(server.clientVertx())
                .postAbs("http://localhost:" + server.bpjs().port() + "/_sim/participants")
                .sendJsonObject(new JsonObject().put("cardNumber", "0002468024680").put("nik", "7371032009880009")
                        .put("name", "HASAN BASRI").put("providerCode", "19050102")
                        .put("providerName", "PUSKESMAS KASSI-KASSI").put("dentalProviderCode", "19050101")
                        .put("dentalProviderName", "PUSKESMAS SEJAHTERA (DEMO)"))
                .await();
        server.sql("INSERT INTO patient (facility_id, norm, card_number, nik, name, sex, birth_date, phone)"
                + " SELECT facility_id, 'RM-000900', '0002468024680', '7371032009880009', 'HASAN BASRI', 'L',"
                + " date '1988-09-20', '081234567809' FROM facility WHERE code = 'pkm-demo'");

        assertAnswer(mobileJkn.post("/antrean", booking("0002468024680", "7371032009880009", "001", TODAY)),
                refusal(Messages.text("eligibility.REGISTERED_ELSEWHERE", "Puskesmas Sejahtera (Demo)",
                        "PUSKESMAS KASSI-KASSI").id()));
        JsonObject gigi = booking("0002468024680", "7371032009880009", "002", TODAY)
                .put("kodedokter", 123452).put("jampraktek", "08:00-12:00");
        response(mobileJkn.post("/antrean", gigi));
        assertThat(recordedEligibility("0002468024680", "ACTIVE_HERE")).isEqualTo("ACTIVE_HERE");
    }
}
