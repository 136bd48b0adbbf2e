package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Call 6, {@code POST /peserta}: every field checked in order, all required but {@code nohp}, {@code rw} and {@code rt}
 * (see {@link MobileJknFollowsTheReferencesTest}), one record per card and NIK.
 */
class MobileJknPatientTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA).
    private static final MutableClock CLOCK = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String NEW_CARD = "0801000000099";
    private static final String NEW_NIK = "7371010101900099";
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

    /** A complete {@code /peserta} body, as the contract lists its fields. */
    static JsonObject newPatient(String card, String nik) {
        return new JsonObject()
                .put("nomorkartu", card)
                .put("nik", nik)
                .put("nomorkk", "7371020101100001")
                .put("nama", "DEWI LESTARI")
                .put("jeniskelamin", "P")
                .put("tanggallahir", "1992-04-17")
                .put("nohp", "085612345678")
                .put("alamat", "Jl. Cendrawasih No. 10")
                .put("kodeprop", "73")
                .put("namaprop", "SULAWESI SELATAN")
                .put("kodedati2", "7371")
                .put("namadati2", "KOTA MAKASSAR")
                .put("kodekec", "737102")
                .put("namakec", "MAMAJANG")
                .put("kodekel", "7371021001")
                .put("namakel", "MARICAYA SELATAN")
                .put("rw", "003")
                .put("rt", "001");
    }

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("nomorkartu", "Nomor Kartu"), Arguments.of("nik", "NIK"),
                Arguments.of("nomorkk", "Nomor KK"), Arguments.of("nama", "Nama"),
                Arguments.of("jeniskelamin", "Jenis Kelamin"), Arguments.of("tanggallahir", "Tanggal Lahir"),
                Arguments.of("alamat", "Alamat"),
                Arguments.of("kodeprop", "Kode Propinsi"), Arguments.of("namaprop", "Nama Propinsi"),
                Arguments.of("kodedati2", "Kode Dati II"), Arguments.of("namadati2", "Nama Dati II"),
                Arguments.of("kodekec", "Kode Kecamatan"), Arguments.of("namakec", "Nama Kecamatan"),
                Arguments.of("kodekel", "Kode Kelurahan"), Arguments.of("namakel", "Nama Kelurahan"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void eachEmptyOrMissingFieldIsNamed(String field, String label) {
        JsonObject refused = refusal(label + " tidak boleh kosong");

        assertAnswer(mobileJkn.post("/peserta", newPatient(NEW_CARD, NEW_NIK).put(field, "")), refused);
        assertAnswer(mobileJkn.post("/peserta", newPatient(NEW_CARD, NEW_NIK).put(field, "   ")), refused);
        JsonObject missing = newPatient(NEW_CARD, NEW_NIK);
        missing.remove(field);
        assertAnswer(mobileJkn.post("/peserta", missing), refused);
        assertThat(server.count("SELECT count(*) FROM patient WHERE card_number = '" + NEW_CARD + "'")).isZero();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("nomorkartu", "000123456789", "Nomor kartu harus 13 digit"),
                Arguments.of("nomorkartu", "0001234567-90", "Format Nomor Kartu Tidak Sesuai"),
                Arguments.of("nik", "73710101019000", "NIK harus 16 digit"),
                Arguments.of("nik", "7371010113900099", "Format NIK Tidak Sesuai"),
                Arguments.of("nomorkk", "737102010110000", "Nomor KK harus 16 digit"),
                Arguments.of("nomorkk", "73710201011000X1", "Format Nomor KK Tidak Sesuai"),
                Arguments.of("jeniskelamin", "X", "Jenis Kelamin harus L atau P"),
                Arguments.of("jeniskelamin", "Perempuan", "Jenis Kelamin harus L atau P"),
                Arguments.of("tanggallahir", "17-04-1992",
                        "Format Tanggal Lahir Tidak Sesuai, format yang benar adalah yyyy-mm-dd"),
                Arguments.of("tanggallahir", "1992-02-30",
                        "Format Tanggal Lahir Tidak Sesuai, format yang benar adalah yyyy-mm-dd"),
                Arguments.of("tanggallahir", "2026-11-26", "Tanggal Lahir Tidak Sesuai"),
                Arguments.of("nohp", "nomor saya", "Format No.HP Tidak Sesuai"),
                Arguments.of("nama", "DEWI\u0000LESTARI", "Format Nama Tidak Sesuai"),
                Arguments.of("nama", "D".repeat(101), "Format Nama Tidak Sesuai"),
                // Bidi controls would turn the name around on a screen or in a log line; C1 controls hide text.
                Arguments.of("nama", "DEWI \u202eITSEL", "Format Nama Tidak Sesuai"),
                Arguments.of("nama", "DEWI \u2066LESTARI\u2069", "Format Nama Tidak Sesuai"),
                Arguments.of("nama", "DEWI\u0085LESTARI", "Format Nama Tidak Sesuai"),
                Arguments.of("alamat", "Jl. Cendrawasih \u200fNo. 10", "Format Alamat Tidak Sesuai"),
                Arguments.of("rt", "0".repeat(101), "Format RT Tidak Sesuai"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("malformed")
    void aMalformedFieldIsRefusedWithItsMessage(String field, String value, String message) {
        assertAnswer(mobileJkn.post("/peserta", newPatient(NEW_CARD, NEW_NIK).put(field, value)), refusal(message));
    }

    @Test
    void aFieldOfTheWrongTypeIsAFormatError() {
        assertAnswer(mobileJkn.post("/peserta", newPatient(NEW_CARD, NEW_NIK).put("nama", new JsonObject())),
                refusal("Format Nama Tidak Sesuai"));
        assertAnswer(mobileJkn.post("/peserta", newPatient(NEW_CARD, NEW_NIK).put("rt", List.of("001"))),
                refusal("Format RT Tidak Sesuai"));
        // A number where text is expected is read as its digits.
        assertAnswer(mobileJkn.post("/peserta", newPatient(NEW_CARD, NEW_NIK).put("nik", 7371010101900099L)
                .put("nomorkk", "1")), refusal("Nomor KK harus 16 digit"));
    }

    @Test
    void aCardOrNikWithARecordHereIsAlreadyRegistered() {
        JsonObject refused = refusal("Data pasien ini sudah terdaftar");

        assertAnswer(mobileJkn.post("/peserta", newPatient("0001234567890", NEW_NIK)), refused);
        assertAnswer(mobileJkn.post("/peserta", newPatient(NEW_CARD, "7371011205580001")), refused);
    }

    @Test
    void theRecordKeepsWhatWasSentAndIsMadeOnceWhateverTheRace() {
        String card = "0801000000002";
        List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(mobileJkn.postLater("/peserta", newPatient(card, "7371014101900002")));
        }
        Future.join(calls).await();

        List<JsonObject> answers = calls.stream().map(c -> c.result().bodyAsJsonObject()).toList();
        assertThat(answers).filteredOn(a -> a.getJsonObject("metadata").getInteger("code") == 200).hasSize(1)
                .allSatisfy(a -> assertThat(a.getJsonObject("response").getString("norm")).matches("RM-[0-9]{6}"));
        assertThat(answers).filteredOn(a -> a.getJsonObject("metadata").getInteger("code") != 200).hasSize(7)
                .allSatisfy(a -> assertThat(a).isEqualTo(refusal("Data pasien ini sudah terdaftar")));
        assertThat(server.count("""
                SELECT count(*) FROM patient
                WHERE card_number = '0801000000002' AND nik = '7371014101900002' AND family_card = '7371020101100001'
                  AND name = 'DEWI LESTARI' AND sex = 'P' AND birth_date = '1992-04-17' AND phone = '085612345678'
                  AND address = '{"alamat": "Jl. Cendrawasih No. 10", "kodeprop": "73", "namaprop": "SULAWESI SELATAN",
                                  "kodedati2": "7371", "namadati2": "KOTA MAKASSAR", "kodekec": "737102",
                                  "namakec": "MAMAJANG", "kodekel": "7371021001", "namakel": "MARICAYA SELATAN",
                                  "rw": "003", "rt": "001"}'::jsonb""")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'PATIENT_REGISTERED'")).isEqualTo(1);
    }
}
