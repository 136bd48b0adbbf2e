package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.failure;
import static id.antrean.mobilejkn.MobileJknCaller.ok;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls 2–6 as Mobile JKN strings them together, with the queue moving at the facility in between. */
class MobileJknQueueTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA); Poli Umum practises 07:30–14:00 (Fridays to 11:00).
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String TODAY = "2026-11-25";
    private static final String TOMORROW = "2026-11-26";
    private static final String BUDI = "0001234567890";
    private static final String BUDI_NIK = "7371011205580001";
    private static final String DEWI = "0002222222222";
    private static final String DEWI_NIK = "7371025704920008";
    // At 08:30 with one patient still waiting, two rooms, five minutes a patient: expected at 08:33.
    private static final String COME_NOW_0833 = "Silakan segera datang, perkiraan waktu pelayanan pukul 08:33 WITA. "
            + "Konfirmasi kedatangan di kiosk atau loket pendaftaran.";
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

    @Test
    void statusBookPlaceInLineAndCancelTellTheSameQueueAsTheFacilitySees() {
        server.walkIn("UMUM");
        server.walkIn("UMUM");
        server.counter("R-UMUM-1", "call-next", null);
        assertAnswer(mobileJkn.get("/antrean/status/001/" + TODAY), ok(new JsonArray().add(umumStatus(2, 1, "A-001"))));

        HttpResponse<Buffer> booked = mobileJkn.book(BUDI, BUDI_NIK, "001", TODAY);

        assertAnswer(booked, ok(new JsonObject()
                .put("nomorantrean", "A-003")
                .put("angkaantrean", 3)
                .put("namapoli", "Poli Umum")
                .put("sisaantrean", 1)
                .put("antreanpanggil", "A-001")
                .put("keterangan", COME_NOW_0833)));
        assertThat(booked.bodyAsJsonObject().getJsonObject("response").getValue("angkaantrean")).isInstanceOf(Integer.class);
        assertAnswer(mobileJkn.get("/antrean/status/001/" + TODAY), ok(new JsonArray().add(umumStatus(3, 2, "A-001"))));
        assertAnswer(mobileJkn.get("/antrean/sisapeserta/" + BUDI + "/001/" + TODAY), ok(new JsonObject()
                .put("nomorantrean", "A-003")
                .put("namapoli", "Poli Umum")
                .put("sisaantrean", 1)
                .put("antreanpanggil", "A-001")
                .put("keterangan", COME_NOW_0833)));
        JsonObject board = server.get("/api/v1/facilities/pkm-demo/queue").bodyAsJsonObject();
        assertThat(board.getJsonArray("services").getJsonObject(0).getJsonArray("booked").getJsonObject(0)
                .getString("label")).isEqualTo("A-003");

        assertAnswer(mobileJkn.put("/antrean/batal", cancel(BUDI, "001", TODAY)), ok());

        assertAnswer(mobileJkn.get("/antrean/sisapeserta/" + BUDI + "/001/" + TODAY), refusal("Antrean Tidak Ditemukan"));
        assertAnswer(mobileJkn.get("/antrean/status/001/" + TODAY), ok(new JsonArray().add(umumStatus(2, 1, "A-001"))));
        assertAnswer(mobileJkn.put("/antrean/batal", cancel(BUDI, "001", TODAY)), refusal("Antrean sudah dibatalkan"));
        assertThat(server.count("SELECT count(*) FROM ticket WHERE status = 'CANCELLED' AND booking->>'cancelReason' = "
                + "'tidak jadi berobat'")).isEqualTo(1);
        // A cancelled number can be replaced by a new one (the old one is not given back).
        assertThat(mobileJkn.book(BUDI, BUDI_NIK, "001", TODAY).bodyAsJsonObject().getJsonObject("response")
                .getString("nomorantrean")).isEqualTo("A-004");
    }

    /**
     * Poli Umum with neither history nor a typical time: no basis for an estimate, so Mobile JKN names no time
     * (the contract's keterangan only asks the patient to come and confirm) and the booking stands in line from
     * the opening.
     */
    @Test
    void withNoBasisForAnEstimateABookingIsToldNoTimeAndLinesUpFromTheOpening() {
        server.sql("UPDATE service SET typical_service_minutes = NULL WHERE code = 'UMUM'");
        register(DEWI, DEWI_NIK);

        assertAnswer(mobileJkn.book(DEWI, DEWI_NIK, "001", TOMORROW), ok(new JsonObject()
                .put("nomorantrean", "A-001")
                .put("angkaantrean", 1)
                .put("namapoli", "Poli Umum")
                .put("sisaantrean", 0)
                .put("antreanpanggil", "A-000")
                .put("keterangan", "Silakan datang dan konfirmasi kedatangan di kiosk atau loket pendaftaran.")));
        assertThat(server.count("SELECT count(*) FROM ticket WHERE card_number = '" + DEWI + "' AND estimated_at IS NULL"
                + " AND line_at = timestamptz '" + TOMORROW + " 07:30+08'")).isEqualTo(1);
    }

    @Test
    void aBookingForADayToComeIsAskedToArriveHalfAnHourBeforeItsEstimatedTime() {
        register(DEWI, DEWI_NIK);

        assertAnswer(mobileJkn.book(DEWI, DEWI_NIK, "001", TOMORROW), ok(new JsonObject()
                .put("nomorantrean", "A-001")
                .put("angkaantrean", 1)
                .put("namapoli", "Poli Umum")
                .put("sisaantrean", 0)
                .put("antreanpanggil", "A-000")
                .put("keterangan", "Harap datang 30 menit sebelum perkiraan waktu pelayanan pukul 07:30 WITA, lalu "
                        + "konfirmasi kedatangan di kiosk atau loket pendaftaran.")));
        // Five minutes a patient (no history yet), two rooms serve Umum: the second is expected 3 minutes later.
        assertAnswer(mobileJkn.book(BUDI, BUDI_NIK, "001", TOMORROW), ok(new JsonObject()
                .put("nomorantrean", "A-002")
                .put("angkaantrean", 2)
                .put("namapoli", "Poli Umum")
                .put("sisaantrean", 1)
                .put("antreanpanggil", "A-000")
                .put("keterangan", "Harap datang 30 menit sebelum perkiraan waktu pelayanan pukul 07:33 WITA, lalu "
                        + "konfirmasi kedatangan di kiosk atau loket pendaftaran.")));
        assertThat(server.count("SELECT count(*) FROM ticket WHERE service_date = '" + TOMORROW + "' AND status = 'BOOKED'"
                + " AND source = 'ONLINE' AND booking->>'nohp' = '085612345678' AND booking->>'keluhan' = 'demam'"))
                .isEqualTo(2);
    }

    @Test
    void aParticipantWithoutARecordGets202RegistersWithPesertaAndThenBooks() {
        assertAnswer(mobileJkn.book(DEWI, DEWI_NIK, "001", TODAY), failure(202, "Data pasien ini tidak ditemukan"));

        assertAnswer(mobileJkn.post("/peserta", MobileJknPatientTest.newPatient(DEWI, DEWI_NIK)),
                ok(new JsonObject().put("norm", "RM-000004")));

        HttpResponse<Buffer> booked = mobileJkn.book(DEWI, DEWI_NIK, "001", TODAY);
        assertThat(MobileJknCaller.<JsonObject>response(booked).getString("nomorantrean")).isEqualTo("A-001");
        // The demo's RM-000001..3 were skipped once; the numbers go on from there.
        assertAnswer(mobileJkn.post("/peserta", MobileJknPatientTest.newPatient("0801000000001", "7371010101900001")),
                ok(new JsonObject().put("norm", "RM-000005")));
    }

    @Test
    void theOlderFourFieldBodyAndADoctorCodeAsTextAreAccepted() {
        JsonObject older = new JsonObject().put("nomorkartu", BUDI).put("nik", BUDI_NIK).put("kodepoli", "001")
                .put("tanggalperiksa", TOMORROW);
        JsonObject doctorAsText = MobileJknCaller.booking(BUDI, BUDI_NIK, "002", TOMORROW).put("kodedokter", "123452");

        assertThat(MobileJknCaller.<JsonObject>response(mobileJkn.post("/antrean", older)).getString("nomorantrean"))
                .isEqualTo("A-001");
        assertThat(MobileJknCaller.<JsonObject>response(mobileJkn.post("/antrean", doctorAsText)).getString("nomorantrean"))
                .isEqualTo("B-001");
    }

    @Test
    void controlCharactersInAComplaintAreDroppedNotRefused() {
        JsonObject body = MobileJknCaller.booking(BUDI, BUDI_NIK, "001", TOMORROW).put("keluhan", "batuk\u0000pilek")
                .put("nohp", "0856\u00001234");

        assertThat(mobileJkn.post("/antrean", body).statusCode()).isEqualTo(200);
        assertThat(server.count("SELECT count(*) FROM ticket WHERE booking->>'keluhan' = 'batuk pilek'"
                + " AND booking->>'nohp' = '0856 1234'")).isEqualTo(1);
    }

    @Test
    void aSecondNumberForTheSameCardPoliAndDateIsRefused() {
        mobileJkn.book(BUDI, BUDI_NIK, "001", TODAY);

        assertAnswer(mobileJkn.book(BUDI, BUDI_NIK, "001", TODAY),
                refusal("Nomor Antrean Hanya Dapat Diambil 1 Kali Pada Tanggal dan Poli Yang Sama"));
        // Another poli, or another day, is another number.
        assertThat(mobileJkn.book(BUDI, BUDI_NIK, "002", TODAY).statusCode()).isEqualTo(200);
        assertThat(mobileJkn.book(BUDI, BUDI_NIK, "001", TOMORROW).statusCode()).isEqualTo(200);
        assertThat(server.count("SELECT max(number) FROM ticket WHERE service_date = '" + TODAY + "' AND label LIKE 'A-%'"))
                .isEqualTo(1);
    }

    @Test
    void afterClosingTimeTodayIsClosedWithItsHourButTomorrowIsOpen() {
        clock.set(Instant.parse("2026-11-25T06:00:00Z")); // 14:00 WITA

        assertAnswer(mobileJkn.book(BUDI, BUDI_NIK, "001", TODAY), refusal("Pendaftaran Ke Poli Umum Sudah Tutup Jam 14:00"));
        assertThat(mobileJkn.book(BUDI, BUDI_NIK, "001", TOMORROW).statusCode()).isEqualTo(200);

        clock.set(Instant.parse("2026-11-27T03:05:00Z")); // Friday 11:05 WITA: KIA closed at 11:00
        mobileJkn.newToken();
        assertAnswer(mobileJkn.book(BUDI, BUDI_NIK, "003", "2026-11-27"),
                refusal("Pendaftaran Ke Poli KIA Sudah Tutup Jam 11:00"));
    }

    @Test
    void aFullQuotaIsRefusedWithoutTakingANumber() {
        // Mobile JKN's part can be no larger than the day's quota (V7).
        server.sql("UPDATE service SET daily_quota = 1, jkn_quota = 1 WHERE bpjs_code = '002'");
        server.walkIn("GIGI");

        assertAnswer(mobileJkn.book(BUDI, BUDI_NIK, "002", TODAY), refusal("Kuota Antrean Poli Gigi Sudah Penuh"));

        assertThat(server.walkIn("GIGI").getString("label")).isEqualTo("B-002");
    }

    @Test
    void theOnlineQuotaCountsOnlineNumbersOnly() {
        server.sql("UPDATE service SET jkn_quota = 1 WHERE bpjs_code = '003'");
        register(DEWI, DEWI_NIK);
        server.walkIn("KIA");
        assertThat(mobileJkn.book(BUDI, BUDI_NIK, "003", TODAY).statusCode()).isEqualTo(200);

        assertAnswer(mobileJkn.book(DEWI, DEWI_NIK, "003", TODAY), refusal("Kuota Antrean Poli KIA Sudah Penuh"));
    }

    @Test
    void aBookingCheckedInAndCalledCanNoLongerBeCancelled() {
        mobileJkn.book(BUDI, BUDI_NIK, "001", TODAY);
        long ticket = server.count("SELECT ticket_id FROM ticket WHERE card_number = '" + BUDI + "'");

        HttpResponse<Buffer> checkedIn = server.post("/api/v1/facilities/pkm-demo/tickets/" + ticket + "/check-in", null);
        assertThat(checkedIn.statusCode()).as(checkedIn.bodyAsString()).isEqualTo(200);
        assertAnswer(mobileJkn.get("/antrean/sisapeserta/" + BUDI + "/001/" + TODAY), ok(new JsonObject()
                .put("nomorantrean", "A-001")
                .put("namapoli", "Poli Umum")
                .put("sisaantrean", 0)
                .put("antreanpanggil", "A-000")
                .put("keterangan", "Kedatangan Anda sudah dikonfirmasi, silakan menunggu panggilan.")));
        HttpResponse<Buffer> called = server.counter("R-UMUM-1", "call-next", null);
        assertThat(called.bodyAsJsonObject().getString("label")).as(called.bodyAsString()).isEqualTo("A-001");

        assertAnswer(mobileJkn.put("/antrean/batal", cancel(BUDI, "001", TODAY)),
                refusal("Pasien Sudah Dilayani, Antrean Tidak Dapat Dibatalkan"));
        assertAnswer(mobileJkn.get("/antrean/sisapeserta/" + BUDI + "/001/" + TODAY), ok(new JsonObject()
                .put("nomorantrean", "A-001")
                .put("namapoli", "Poli Umum")
                .put("sisaantrean", 0)
                .put("antreanpanggil", "A-001")
                .put("keterangan", "Nomor antrean Anda sedang dipanggil, silakan menuju ruang pelayanan.")));
        assertAnswer(mobileJkn.get("/antrean/status/001/" + TODAY), ok(new JsonArray().add(umumStatus(1, 0, "A-001"))));
        server.counter("R-UMUM-1", "start", null);
        server.counter("R-UMUM-1", "finish", null);
        assertAnswer(mobileJkn.put("/antrean/batal", cancel(BUDI, "001", TODAY)),
                refusal("Pasien Sudah Dilayani, Antrean Tidak Dapat Dibatalkan"));
    }

    private void register(String card, String nik) {
        assertThat(mobileJkn.post("/peserta", MobileJknPatientTest.newPatient(card, nik)).statusCode()).isEqualTo(200);
    }

    private static JsonObject cancel(String card, String poli, String date) {
        return new JsonObject().put("nomorkartu", card).put("kodepoli", poli).put("tanggalperiksa", date)
                .put("keterangan", "tidak jadi berobat");
    }

    private static JsonObject umumStatus(int total, int remaining, String calling) {
        return new JsonObject()
                .put("namapoli", "Poli Umum")
                .put("totalantrean", total)
                .put("sisaantrean", remaining)
                .put("antreanpanggil", calling)
                .put("keterangan", "Datang minimal 30 menit sebelum jam praktek 07:30-14:00 WITA, lalu "
                        + "konfirmasi kedatangan di kiosk atau loket pendaftaran. Jika nomor antrean Anda terlewat, lapor ke "
                        + "loket pendaftaran.")
                .put("kodedokter", 123451)
                .put("namadokter", "dr. Andi Wijaya")
                .put("jampraktek", "07:30-14:00");
    }
}
