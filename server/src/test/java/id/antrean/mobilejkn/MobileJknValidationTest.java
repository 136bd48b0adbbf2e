package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.booking;
import static id.antrean.mobilejkn.MobileJknCaller.failure;
import static id.antrean.mobilejkn.MobileJknCaller.ok;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of taking a number, of the status and of one's place in line that changes nothing, checked in
 * the contract's order with its exact messages — and that none of them took a number.
 */
class MobileJknValidationTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA).
    private static final MutableClock CLOCK = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String TODAY = "2026-11-25";
    private static final String BUDI = "0001234567890";
    private static final String BUDI_NIK = "7371011205580001";
    private static TestServer server;
    private static MobileJknCaller mobileJkn;

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
        mobileJkn = new MobileJknCaller(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void nothingWasBooked() {
        assertThat(server.count("SELECT count(*) FROM ticket")).isZero();
    }

    static Stream<Arguments> refusedBookings() {
        return Stream.of(
                refused("empty card number", b -> b.put("nomorkartu", ""), "Nomor kartu harus 13 digit"),
                refused("no card number", b -> b.remove("nomorkartu"), "Nomor kartu harus 13 digit"),
                refused("card number of 12 digits", b -> b.put("nomorkartu", "000123456789"), "Nomor kartu harus 13 digit"),
                refused("card number of 14 digits", b -> b.put("nomorkartu", "00012345678901"), "Nomor kartu harus 13 digit"),
                refused("card number with a letter", b -> b.put("nomorkartu", "000123456789A"),
                        "Format Nomor Kartu Tidak Sesuai"),
                refused("card number as a boolean", b -> b.put("nomorkartu", true), "Format Nomor Kartu Tidak Sesuai"),
                refused("empty NIK", b -> b.put("nik", ""), "NIK harus 16 digit"),
                refused("no NIK", b -> b.remove("nik"), "NIK harus 16 digit"),
                refused("NIK of 15 digits", b -> b.put("nik", "737101120558000"), "NIK harus 16 digit"),
                refused("NIK with a letter", b -> b.put("nik", "737101120558000X"), "Format NIK Tidak Sesuai"),
                refused("NIK born on the 32nd", b -> b.put("nik", "7371013205580001"), "Format NIK Tidak Sesuai"),
                refused("NIK with serial 0000", b -> b.put("nik", "7371011205580000"), "Format NIK Tidak Sesuai"),
                refused("NIK as an object", b -> b.put("nik", new JsonObject()), "Format NIK Tidak Sesuai"),
                refused("empty poli", b -> b.put("kodepoli", ""), "Poli Tidak Ditemukan"),
                refused("no poli", b -> b.remove("kodepoli"), "Poli Tidak Ditemukan"),
                refused("unknown poli", b -> b.put("kodepoli", "999"), "Poli Tidak Ditemukan"),
                refused("the card before the poli", b -> b.put("nomorkartu", "1").put("kodepoli", "999"),
                        "Nomor kartu harus 13 digit"),
                refused("the poli before the date", b -> b.put("kodepoli", "999").put("tanggalperiksa", "kemarin"),
                        "Poli Tidak Ditemukan"),
                refused("date as dd-mm-yyyy", b -> b.put("tanggalperiksa", "25-11-2026"),
                        "Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd"),
                refused("a date that does not exist", b -> b.put("tanggalperiksa", "2026-02-30"),
                        "Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd"),
                refused("a date with a time", b -> b.put("tanggalperiksa", "2026-11-25T08:00"),
                        "Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd"),
                refused("empty date", b -> b.put("tanggalperiksa", ""),
                        "Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd"),
                refused("yesterday", b -> b.put("tanggalperiksa", "2026-11-24"), "Tanggal Periksa Tidak Berlaku Mundur"),
                refused("a Sunday in the past", b -> b.put("tanggalperiksa", "2026-11-22"),
                        "Tanggal Periksa Tidak Berlaku Mundur"),
                refused("a Sunday (no practice)", b -> b.put("tanggalperiksa", "2026-11-29"),
                        "Pendaftaran ke Poli ini tidak tersedia"),
                refused("eight days ahead (the window is seven)", b -> b.put("tanggalperiksa", "2026-12-03"),
                        "Pendaftaran hanya dapat dilakukan paling lambat 7 hari ke depan"),
                refused("a doctor code as a list", b -> b.put("kodedokter", new JsonArray().add(1)),
                        "Format Kode Dokter Tidak Sesuai"),
                Arguments.of("a participant without a record here", (Consumer<JsonObject>) b -> b
                                .put("nomorkartu", "0002222222222").put("nik", "7371025704920008"),
                        failure(202, "Data pasien ini tidak ditemukan")));
        // An ineligible participant is refused only where the facility chooses so: MobileJknBookingEligibilityTest.
    }

    private static Arguments refused(String name, Consumer<JsonObject> change, String message) {
        return Arguments.of(name, change, refusal(message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBookings")
    void aRefusedBookingIsAnsweredWithTheContractsMessage(String name, Consumer<JsonObject> change, JsonObject expected) {
        JsonObject body = booking(BUDI, BUDI_NIK, "001", TODAY);
        change.accept(body);

        assertAnswer(mobileJkn.post("/antrean", body), expected);
    }

    @Test
    void controlCharactersInFreeTextAreDroppedAndInCodesRefused() {
        assertAnswer(mobileJkn.post("/antrean", booking(BUDI, BUDI_NIK, "0\u000001", TODAY)), refusal("Poli Tidak Ditemukan"));
        assertAnswer(mobileJkn.put("/antrean/batal", new JsonObject().put("nomorkartu", BUDI).put("kodepoli", "001")
                .put("tanggalperiksa", TODAY).put("keterangan", "\u0000\u0007")), refusal("Keterangan tidak boleh kosong"));
    }

    static Stream<Arguments> malformedBodies() {
        String tooLarge = new JsonObject().put("nomorkartu", BUDI).put("keluhan", "x".repeat(17 * 1024)).encode();
        return Stream.of(
                Arguments.of("{\"nomorkartu\": ", "Format Request Tidak Sesuai, isi harus berupa objek JSON"),
                Arguments.of("[]", "Format Request Tidak Sesuai, isi harus berupa objek JSON"),
                Arguments.of("null", "Format Request Tidak Sesuai, isi harus berupa objek JSON"),
                Arguments.of("\"0001234567890\"", "Format Request Tidak Sesuai, isi harus berupa objek JSON"),
                Arguments.of("nomorkartu=0001234567890", "Format Request Tidak Sesuai, isi harus berupa objek JSON"),
                Arguments.of(null, "Format Request Tidak Sesuai, isi harus berupa objek JSON"),
                Arguments.of(tooLarge, "Ukuran Request Melebihi Batas 16 KB"));
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void aMalformedOrOversizeBodyIsAnsweredInTheEnvelope(String body, String message) {
        assertAnswer(mobileJkn.send(HttpMethod.POST, "/antrean", body), refusal(message));
        assertAnswer(mobileJkn.send(HttpMethod.PUT, "/antrean/batal", body), refusal(message));
        assertAnswer(mobileJkn.send(HttpMethod.POST, "/peserta", body), refusal(message));
    }

    @Test
    void oddPathParametersAreAnsweredInTheEnvelope() {
        // (A URL that cannot be decoded at all, "%ZZ", is refused by Vert.x's HTTP server with a plain 400 before
        // any handler runs.)
        assertAnswer(mobileJkn.get("/antrean/status/%00%27%3B/2026-11-26"), refusal("Poli Tidak Ditemukan"));
        assertAnswer(mobileJkn.get("/antrean/status/0%2F1/2026-11-26"), refusal("Poli Tidak Ditemukan"));
        assertAnswer(mobileJkn.get("/antrean/status/001/%F0%9F%98%80"),
                refusal("Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd"));
        assertAnswer(mobileJkn.get("/antrean/sisapeserta/%D9%A0%D9%A1%D9%A2%D9%A3%D9%A4%D9%A5%D9%A6%D9%A7%D9%A8%D9%A9"
                + "%D9%A0%D9%A1%D9%A2/001/" + TODAY), refusal("Format Nomor Kartu Tidak Sesuai"));
        assertAnswer(mobileJkn.get("/antrean/status/" + "9".repeat(3000) + "/2026-11-26"), refusal("Poli Tidak Ditemukan"));
    }

    @Test
    void theStatusOfADayIsOneElementPerDoctorWithItsHours() {
        assertAnswer(mobileJkn.get("/antrean/status/001/2026-11-26"), ok(new JsonArray().add(new JsonObject()
                .put("namapoli", "Poli Umum")
                .put("totalantrean", 0)
                .put("sisaantrean", 0)
                .put("antreanpanggil", "A-000")
                .put("keterangan", "Datang minimal 30 menit sebelum jam praktek 07:30-14:00 WITA, lalu "
                        + "konfirmasi kedatangan di kiosk atau loket pendaftaran. Jika nomor antrean Anda terlewat, lapor ke "
                        + "loket pendaftaran.")
                .put("kodedokter", 123451)
                .put("namadokter", "dr. Andi Wijaya")
                .put("jampraktek", "07:30-14:00"))));
        // Fridays are shorter.
        assertAnswer(mobileJkn.get("/antrean/status/002/2026-11-27"), ok(new JsonArray().add(new JsonObject()
                .put("namapoli", "Poli Gigi")
                .put("totalantrean", 0)
                .put("sisaantrean", 0)
                .put("antreanpanggil", "B-000")
                .put("keterangan", "Datang minimal 30 menit sebelum jam praktek 08:00-11:00 WITA, lalu "
                        + "konfirmasi kedatangan di kiosk atau loket pendaftaran. Jika nomor antrean Anda terlewat, lapor ke "
                        + "loket pendaftaran.")
                .put("kodedokter", 123452)
                .put("namadokter", "drg. Sari Utami")
                .put("jampraktek", "08:00-11:00"))));
    }

    @Test
    void theStatusRefusesAnUnknownPoliAMalformedDateAndADayWithoutPractice() {
        assertAnswer(mobileJkn.get("/antrean/status/999/2026-11-26"), refusal("Poli Tidak Ditemukan"));
        assertAnswer(mobileJkn.get("/antrean/status/999/26-11-2026"), refusal("Poli Tidak Ditemukan"));
        assertAnswer(mobileJkn.get("/antrean/status/001/26-11-2026"),
                refusal("Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd"));
        assertAnswer(mobileJkn.get("/antrean/status/001/2026-11-31"),
                refusal("Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd"));
        assertAnswer(mobileJkn.get("/antrean/status/001/2026-11-29"), refusal("Pendaftaran ke Poli ini tidak tersedia"));
    }

    @Test
    void onesPlaceInLineRefusesBadInputInTheContractsOrderAndANumberNeverTaken() {
        assertAnswer(mobileJkn.get("/antrean/sisapeserta/000123456789/001/" + TODAY), refusal("Nomor kartu harus 13 digit"));
        assertAnswer(mobileJkn.get("/antrean/sisapeserta/000123456789X/999/" + TODAY),
                refusal("Format Nomor Kartu Tidak Sesuai"));
        assertAnswer(mobileJkn.get("/antrean/sisapeserta/" + BUDI + "/999/x"), refusal("Poli Tidak Ditemukan"));
        assertAnswer(mobileJkn.get("/antrean/sisapeserta/" + BUDI + "/001/25-11-2026"),
                refusal("Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd"));
        assertAnswer(mobileJkn.get("/antrean/sisapeserta/" + BUDI + "/001/" + TODAY), refusal("Antrean Tidak Ditemukan"));
    }

    @Test
    void cancellingRefusesBadInputInTheContractsOrderAndANumberNeverTaken() {
        JsonObject cancel = new JsonObject().put("nomorkartu", BUDI).put("kodepoli", "001")
                .put("tanggalperiksa", TODAY).put("keterangan", "batal berobat");

        assertAnswer(mobileJkn.put("/antrean/batal", cancel.copy().put("nomorkartu", "")),
                refusal("Nomor kartu harus 13 digit"));
        assertAnswer(mobileJkn.put("/antrean/batal", cancel.copy().put("kodepoli", "999").put("keterangan", "")),
                refusal("Poli Tidak Ditemukan"));
        assertAnswer(mobileJkn.put("/antrean/batal", cancel.copy().put("tanggalperiksa", "2026/11/25")),
                refusal("Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd"));
        assertAnswer(mobileJkn.put("/antrean/batal", cancel.copy().put("keterangan", "  ")),
                refusal("Keterangan tidak boleh kosong"));
        assertAnswer(mobileJkn.put("/antrean/batal", cancel.copy().putNull("keterangan")),
                refusal("Keterangan tidak boleh kosong"));
        assertAnswer(mobileJkn.put("/antrean/batal", cancel), refusal("Antrean Tidak Ditemukan"));
    }
}
