package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.ok;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #17's points of the online-queue contract, each checked against the open implementations facilities run
 * (SIMRS Khanza's {@code api-bpjsfktp}, mLITE's {@code jkn_mobile_fktp}; see docs/MOBILEJKN-CONTRACT.md), on the
 * real server with the BPJS simulator behind it.
 */
class MobileJknFollowsTheReferencesTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA); Poli Umum: dr. Andi Wijaya (123451), 07:30–14:00,
    // Fridays to 11:00; Poli Gigi: drg. Sari Utami (123452).
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String TODAY = "2026-11-25";
    private static final String YESTERDAY = "2026-11-24";
    private static final String TOMORROW = "2026-11-26";
    private static final String FRIDAY = "2026-11-27";
    private static final String BUDI = "0001234567890";
    private static final String BUDI_NIK = "7371011205580001";
    private static final String DEWI = "0002222222222";
    private static final String DEWI_NIK = "7371025704920008";
    private static final String NO_RECORD = "0801000000099";
    private static final String NOT_AVAILABLE = "Pendaftaran ke Poli ini tidak tersedia";
    private static final String UMUM_NOTE = "Datang minimal 30 menit sebelum jam praktek 07:30-14:00 WITA, lalu "
            + "konfirmasi kedatangan di kiosk atau loket pendaftaran. Jika nomor antrean Anda terlewat, lapor ke "
            + "loket pendaftaran.";
    private TestServer server;
    private MobileJknCaller mobileJkn;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        mobileJkn = new MobileJknCaller(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long bookings() {
        return server.count("SELECT count(*) FROM ticket WHERE source = 'ONLINE'");
    }

    @Test
    void theStatusOfAPastDayIsRefusedLikeABookingForIt() {
        assertAnswer(mobileJkn.get("/antrean/status/001/" + YESTERDAY), refusal("Tanggal Periksa Tidak Berlaku Mundur"));
        assertAnswer(mobileJkn.book(BUDI, BUDI_NIK, "001", YESTERDAY), refusal("Tanggal Periksa Tidak Berlaku Mundur"));
        // The facility's day, not the server's: at 23:30 UTC it is already the 26th in Makassar.
        clock.set(Instant.parse("2026-11-25T23:30:00Z"));
        mobileJkn.newToken();
        assertAnswer(mobileJkn.get("/antrean/status/001/" + TODAY), refusal("Tanggal Periksa Tidak Berlaku Mundur"));
        assertThat(bookings()).isZero();
    }

    @Test
    void aDoctorOrHoursOtherThanThePolisScheduleThatDayAreRefusedAndNothingIsBooked() {
        JsonObject umumTomorrow = MobileJknCaller.booking(BUDI, BUDI_NIK, "001", TOMORROW);

        assertAnswer(mobileJkn.post("/antrean", umumTomorrow.copy().put("kodedokter", 999999)),
                refusal("Dokter Tidak Ditemukan"));
        assertAnswer(mobileJkn.post("/antrean", umumTomorrow.copy().put("kodedokter", "dr. Andi")),
                refusal("Dokter Tidak Ditemukan"));
        // The doctor first, as Khanza: a stranger with other hours is still "not found".
        assertAnswer(mobileJkn.post("/antrean", umumTomorrow.copy().put("kodedokter", 999999)
                .put("jampraktek", "08:00-12:00")), refusal("Dokter Tidak Ditemukan"));
        // A doctor of this facility, but not of Poli Umum: no such practice.
        assertAnswer(mobileJkn.post("/antrean", umumTomorrow.copy().put("kodedokter", 123452)), refusal(NOT_AVAILABLE));
        assertAnswer(mobileJkn.post("/antrean", umumTomorrow.copy().put("jampraktek", "08:00-12:00")),
                refusal(NOT_AVAILABLE));
        assertAnswer(mobileJkn.post("/antrean", umumTomorrow.copy().put("jampraktek", "pagi")),
                refusal("Format Jam Praktek Tidak Sesuai"));
        // Fridays are shorter: Thursday's hours are not Friday's.
        assertAnswer(mobileJkn.post("/antrean", MobileJknCaller.booking(BUDI, BUDI_NIK, "001", FRIDAY)
                .put("jampraktek", "07:30-14:00")), refusal(NOT_AVAILABLE));
        assertThat(bookings()).isZero();

        // The hours as the status call gives them, spaced or with seconds, and the code as text, are the same.
        assertThat(mobileJkn.post("/antrean", umumTomorrow.copy().put("kodedokter", "123451")
                .put("jampraktek", "07:30:00 - 14:00:00")).statusCode()).isEqualTo(200);
        assertThat(mobileJkn.post("/antrean", MobileJknCaller.booking(BUDI, BUDI_NIK, "001", FRIDAY)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aNikOnRecordForAnotherCardIsRefusedBeforeAnythingElseAboutThePatient() {
        String refused = "NIK Tidak Sesuai Dengan Nomor Kartu";
        MobileJknCaller.response(mobileJkn.post("/peserta", MobileJknPatientTest.newPatient(DEWI, DEWI_NIK)));

        assertAnswer(mobileJkn.book(BUDI, DEWI_NIK, "001", TOMORROW), refusal(refused));
        assertAnswer(mobileJkn.book(DEWI, BUDI_NIK, "001", TOMORROW), refusal(refused));
        // A card without a record here but someone else's NIK: not "unknown, register first" (202), which would
        // end in "already registered".
        assertAnswer(mobileJkn.book(NO_RECORD, BUDI_NIK, "001", TOMORROW), refusal(refused));
        assertThat(bookings()).isZero();
        assertThat(mobileJkn.book(DEWI, DEWI_NIK, "001", TOMORROW).statusCode()).isEqualTo(200);
    }

    @Test
    void pesertaAcceptsWhatTheAppSendsForOptionalFields() {
        // Without RT/RW (many villages have none) and without a phone number, as empty text, null or left out.
        JsonObject empty = MobileJknPatientTest.newPatient("0801000000011", "7371010101900011")
                .put("rw", "").put("rt", "").put("nohp", "");
        JsonObject nulls = MobileJknPatientTest.newPatient("0801000000012", "7371010101900012")
                .putNull("rw").putNull("rt").putNull("nohp");
        JsonObject absent = MobileJknPatientTest.newPatient("0801000000013", "7371010101900013");
        absent.remove("rw");
        absent.remove("rt");
        absent.remove("nohp");

        for (JsonObject body : new JsonObject[] {empty, nulls, absent}) {
            JsonObject response = MobileJknCaller.response(mobileJkn.post("/peserta", body));
            assertThat(response.getString("norm")).matches("RM-[0-9]{6}");
        }
        assertThat(server.count("SELECT count(*) FROM patient WHERE card_number LIKE '080100000001_' AND phone IS NULL "
                + "AND NOT address ? 'rw' AND NOT address ? 'rt' AND address->>'namakel' = 'MARICAYA SELATAN'"))
                .isEqualTo(3);
        // What is sent is still checked.
        assertAnswer(mobileJkn.post("/peserta", MobileJknPatientTest.newPatient("0801000000014", "7371010101900014")
                .put("nohp", "nomor saya")), refusal("Format No.HP Tidak Sesuai"));
    }

    @Test
    void antreanpanggilIsNumberZeroOfThePoliWhileNobodyHasBeenCalled() {
        JsonObject status = mobileJkn.get("/antrean/status/002/" + TODAY).bodyAsJsonObject();
        assertThat(status.getJsonArray("response").getJsonObject(0).getString("antreanpanggil")).isEqualTo("B-000");

        JsonObject booked = MobileJknCaller.response(mobileJkn.book(BUDI, BUDI_NIK, "001", TOMORROW));
        assertThat(booked.getString("antreanpanggil")).isEqualTo("A-000");
        JsonObject place = MobileJknCaller.response(mobileJkn.get("/antrean/sisapeserta/" + BUDI + "/001/" + TOMORROW));
        assertThat(place.getString("antreanpanggil")).isEqualTo("A-000");

        server.walkIn("UMUM");
        server.counter("R-UMUM-1", "call-next", null);
        JsonObject today = mobileJkn.get("/antrean/status/001/" + TODAY).bodyAsJsonObject();
        assertThat(today.getJsonArray("response").getJsonObject(0).getString("antreanpanggil")).isEqualTo("A-001");
    }

    @Test
    void theStatusKeteranganSaysWhenToComeAndThenWhenTheDayIsFullOrOver() {
        assertAnswer(mobileJkn.get("/antrean/status/001/" + TOMORROW), ok(new JsonArray().add(new JsonObject()
                .put("namapoli", "Poli Umum")
                .put("totalantrean", 0)
                .put("sisaantrean", 0)
                .put("antreanpanggil", "A-000")
                .put("keterangan", UMUM_NOTE)
                .put("kodedokter", 123451)
                .put("namadokter", "dr. Andi Wijaya")
                .put("jampraktek", "07:30-14:00"))));

        server.sql("UPDATE service SET jkn_quota = 1 WHERE code = 'UMUM'");
        MobileJknCaller.response(mobileJkn.book(BUDI, BUDI_NIK, "001", TOMORROW));
        assertThat(note("001", TOMORROW)).isEqualTo("Kuota Antrean Poli Umum Sudah Penuh");

        clock.set(Instant.parse("2026-11-25T06:00:00Z"));
        mobileJkn.newToken();
        assertThat(note("001", TODAY)).isEqualTo("Pendaftaran Ke Poli Umum Sudah Tutup Jam 14:00");
    }

    private String note(String poli, String date) {
        return mobileJkn.get("/antrean/status/" + poli + "/" + date).bodyAsJsonObject().getJsonArray("response")
                .getJsonObject(0).getString("keterangan");
    }
}
