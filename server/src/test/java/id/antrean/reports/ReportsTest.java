package id.antrean.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Figures computed from a seeded history, against hand-computed expectations. The history (Makassar,
 * Wednesday 25 November 2026, WITA = UTC+8):
 *
 * <pre>
 *  08:00 A-001, A-002 walk-in UMUM (UMUM); 08:00 B-001 GIGI
 *  08:10 A-001 called, 08:12 started, 08:20 finished          → wait 10, service 8
 *  08:25 A-002 called, 08:26 started, 08:30 → LAB             → wait 25, service 4
 *  08:40 A-002 called at LAB, 08:41 started, 08:50 finished   → LAB wait 10, service 9
 *  09:00 A-003 JKN walk-in (card 0001234567890)
 *  09:05 B-001 cancelled
 *  09:10 A-003 called, 09:11 skipped
 * </pre>
 */
class ReportsTest {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-25T00:00:00Z");
    private static TestServer server;
    private static WebClient admin;
    /** A logo of a size no chart has, to find it among the PDF's images. */
    private static final byte[] LOGO = png(37, 41);

    @BeforeAll
    static void seed() {
        server = TestServer.start(CLOCK);
        admin = server.as(server.login("admin"));
        JsonObject a1 = server.walkIn("UMUM");
        JsonObject a2 = server.walkIn("UMUM");
        JsonObject b1 = server.walkIn("GIGI");
        at("00:10");
        server.counter("R-UMUM-1", "call", new JsonObject().put("ticket", a1.getLong("id")));
        at("00:12");
        server.counter("R-UMUM-1", "start", null);
        at("00:20");
        server.counter("R-UMUM-1", "finish", null);
        at("00:25");
        server.counter("R-UMUM-1", "call", new JsonObject().put("ticket", a2.getLong("id")));
        at("00:26");
        server.counter("R-UMUM-1", "start", null);
        at("00:30");
        server.counter("R-UMUM-1", "transfer", new JsonObject().put("service", "LAB"));
        at("00:40");
        server.counter("R-LAB", "call-next", null);
        at("00:41");
        server.counter("R-LAB", "start", null);
        at("00:50");
        server.counter("R-LAB", "finish", null);
        at("01:00");
        JsonObject a3 = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", "0001234567890")).bodyAsJsonObject();
        at("01:05");
        server.counter("R-GIGI", "cancel", new JsonObject().put("ticket", b1.getLong("id")));
        at("01:10");
        server.counter("R-UMUM-2", "call", new JsonObject().put("ticket", a3.getLong("id")));
        at("01:11");
        server.counter("R-UMUM-2", "skip", null);
        // The letterhead and the signatory, as the admin set them in the facility's profile.
        server.sql("UPDATE facility SET address = 'Jl. Urip Sumoharjo 12, Makassar', logo_content_type = 'image/png',"
                + " logo = decode('" + HexFormat.of().formatHex(LOGO) + "', 'hex'), head_title = 'Kepala Puskesmas',"
                + " head_name = 'dr. Andi Wijaya', head_nip = '198001012005011001' WHERE code = 'pkm-demo'");
        // Reports are read later that day.
        at("08:00");
        server.relogin();
        admin = server.as(server.login("admin"));
    }

    private static byte[] png(int width, int height) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void at(String utcTime) {
        CLOCK.set(Instant.parse("2026-11-25T" + utcTime + ":00Z"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject stats() {
        HttpResponse<Buffer> response = admin.get("/api/v1/facilities/pkm-demo/stats")
                .addQueryParam("from", "2026-11-25").addQueryParam("to", "2026-11-25").send().await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private static JsonObject service(JsonObject stats, String code) {
        return stats.getJsonArray("perService").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
    }

    @Test
    void outcomesPerServiceMatchTheHistory() {
        JsonObject stats = stats();
        JsonObject umum = service(stats, "UMUM");
        assertThat(umum.getLong("tickets")).isEqualTo(3);
        assertThat(umum.getLong("served")).isEqualTo(2);      // A-001 here, A-002 at the lab
        assertThat(umum.getLong("skipped")).isEqualTo(1);
        assertThat(umum.getLong("transferred")).isEqualTo(1);
        assertThat(umum.getLong("jkn")).isEqualTo(1);
        assertThat(service(stats, "GIGI").getLong("cancelled")).isEqualTo(1);
        JsonObject totals = stats.getJsonObject("totals");
        assertThat(totals.getLong("tickets")).isEqualTo(4);
        assertThat(totals.getLong("walkIn")).isEqualTo(4);
        assertThat(totals.getLong("online")).isZero();
        assertThat(totals.getDouble("onlineShare")).isZero();
    }

    @Test
    void waitingAndServiceTimesAreMediansAndNinetiethPercentilesPerService() {
        JsonObject stats = stats();
        // UMUM waits: 10, 25 and 10 (A-003 called 10 min after issue) → median 10, p90 = 10 + 0.8 × 15 = 22.
        JsonObject umum = service(stats, "UMUM");
        assertThat(umum.getJsonObject("wait").getDouble("median")).isEqualTo(10.0);
        assertThat(umum.getJsonObject("wait").getDouble("p90")).isEqualTo(22.0);
        // UMUM service: 8 and 4 → median 6, p90 = 4 + 0.9 × 4 = 7.6.
        assertThat(umum.getJsonObject("service").getDouble("median")).isEqualTo(6.0);
        assertThat(umum.getJsonObject("service").getDouble("p90")).isEqualTo(7.6);
        JsonObject lab = service(stats, "LAB");
        assertThat(lab.getJsonObject("wait").getDouble("median")).isEqualTo(10.0);
        assertThat(lab.getJsonObject("service").getDouble("median")).isEqualTo(9.0);
    }

    @Test
    void multiStageJourneysShowEachStage() {
        JsonObject stats = stats();
        assertThat(stats.getJsonArray("stages").stream().map(JsonObject.class::cast)
                .map(s -> s.getString("path") + " #" + s.getLong("stage") + " " + s.getString("service") + " wait "
                        + s.getDouble("waitMedian") + " service " + s.getDouble("serviceMedian")))
                .containsExactly("UMUM > LAB #1 UMUM wait 25.0 service 4.0", "UMUM > LAB #2 LAB wait 10.0 service 9.0");
    }

    @Test
    void arrivalsArePerLocalHour() {
        JsonObject stats = stats();
        assertThat(stats.getJsonArray("perHour").getJsonObject(8).getLong("tickets")).isEqualTo(3);
        assertThat(stats.getJsonArray("perHour").getJsonObject(9).getLong("tickets")).isEqualTo(1);
        assertThat(stats.getJsonArray("perHour").getJsonObject(0).getLong("tickets")).isZero();
    }

    @Test
    void theDailyPdfHoldsTheFiguresAndAPageIsKeptAsAnImage() throws Exception {
        HttpResponse<Buffer> response = admin.get("/api/v1/facilities/pkm-demo/reports/daily.pdf")
                .addQueryParam("date", "2026-11-25").send().await();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body().getBytes())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Puskesmas Sejahtera (Demo)", "Laporan harian", "Rabu, 25 November 2026",
                    "Nomor antrean: 4", "dilayani: 2", "Poli Umum 3 2 1 0 0 1 0 10,0 / 22,0 6,0 / 7,6",
                    "Poli Umum > Laboratorium", "tahap 2 Laboratorium: tunggu 10,0, layanan 9,0");
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 100);
            Path png = Path.of("target", "screenshots", "report-daily.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
        }
    }

    @Test
    void theMonthlyPdfAndTheDailyCsvAreServed() throws Exception {
        HttpResponse<Buffer> monthly = admin.get("/api/v1/facilities/pkm-demo/reports/monthly.pdf")
                .addQueryParam("month", "2026-11").send().await();
        assertThat(monthly.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(monthly.body().getBytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Laporan bulanan", "November 2026");
            Files.createDirectories(Path.of("target", "screenshots"));
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(page, 100), "png",
                        Path.of("target", "screenshots", "report-monthly-" + (page + 1) + ".png").toFile());
            }
        }

    }

    @Test
    void thePdfTableKeepsNoShowsApartFromSkippedAndShowsNoWaitWhereNobodyWaited() throws Exception {
        HttpResponse<Buffer> response = admin.get("/api/v1/facilities/pkm-demo/reports/daily.pdf")
                .addQueryParam("date", "2026-11-25").send().await();
        try (PDDocument pdf = Loader.loadPDF(response.body().getBytes())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Dilewati / Skipped", "Tdk datang / No-show",
                    "dilewati: 1 · tidak datang: 0 · dibatalkan: 1",
                    // Poli Gigi: one ticket, cancelled before anyone was called: no wait, no service time.
                    "Poli Gigi 1 0 0 0 1 0 0 \u2014 \u2014");
            assertThat(text).doesNotContain("dilewati/tidak datang", " - ");
        }
    }

    @Test
    void theDailyCsvIsInIndonesianByDefaultWithServicesByNameAndCodesInWords() {
        HttpResponse<Buffer> csv = admin.get("/api/v1/facilities/pkm-demo/reports/daily.csv")
                .addQueryParam("date", "2026-11-25").send().await();
        assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
        String[] lines = new String(csv.body().getBytes(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("\uFEFFnomor,layanan_awal,layanan_akhir,sumber,penjamin,prioritas,status,"
                + "status_jkn,kartu_4_digit_akhir,diambil,check_in,dipanggil,mulai,selesai,jumlah_pindah_layanan");
        assertThat(lines[1]).startsWith("A-001,Poli Umum,Poli Umum,datang langsung,umum (bayar sendiri),tidak,"
                + "selesai,,,2026-11-25 08:00:00");
        assertThat(lines[3]).contains("A-003,Poli Umum,Poli Umum,datang langsung,JKN,tidak,"
                + "dilewati (tidak hadir saat dipanggil),\"aktif, terdaftar di sini\",7890");
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain("0001234567890", "WALK_IN", "SKIPPED", "DONE", "ACTIVE_HERE", ",UMUM,");
    }

    @Test
    void theDailyCsvIsAllEnglishWithLangEn() {
        HttpResponse<Buffer> csv = admin.get("/api/v1/facilities/pkm-demo/reports/daily.csv")
                .addQueryParam("date", "2026-11-25").addQueryParam("lang", "en").send().await();
        String[] lines = new String(csv.body().getBytes(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFnumber,first_service,last_service,source,payer,priority,status,"
                + "jkn_status,card_last_4_digits,issued,checked_in,called,started,finished,service_transfers");
        assertThat(lines[1]).startsWith("A-001,Poli Umum,Poli Umum,walk-in,general (self-paying),no,done,,,");
        assertThat(lines[3]).contains("A-003,Poli Umum,Poli Umum,walk-in,JKN,no,skipped (absent when called),"
                + "\"active, registered here\",7890");
        assertThat(String.join("\n", lines)).doesNotContain("tidak", "selesai", "dilewati", "datang langsung");
        assertThat(admin.get("/api/v1/facilities/pkm-demo/reports/daily.csv?date=2026-11-25&lang=fr").send().await()
                .statusCode()).isEqualTo(400);
    }

    @Test
    void onlyAnAdminSeesTheFigures() {
        assertThat(server.get("/api/v1/facilities/pkm-demo/stats?from=2026-11-25&to=2026-11-25").statusCode()).isEqualTo(403);
        assertThat(server.get("/api/v1/facilities/pkm-demo/reports/daily.pdf?date=2026-11-25").statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/v1/facilities/pkm-demo/stats?from=2026-11-26&to=2026-11-25").send().await()
                .statusCode()).isEqualTo(400);
        assertThat(admin.get("/api/v1/facilities/pkm-demo/reports/daily.csv?date=kemarin").send().await()
                .statusCode()).isEqualTo(400);
    }

    private static PDDocument dailyPdf() throws Exception {
        HttpResponse<Buffer> response = admin.get("/api/v1/facilities/pkm-demo/reports/daily.pdf")
                .addQueryParam("date", "2026-11-25").send().await();
        assertThat(response.statusCode()).isEqualTo(200);
        return Loader.loadPDF(response.body().getBytes());
    }

    private static String text(PDDocument pdf) throws Exception {
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }

    @Test
    void theDailyPdfCarriesTheFacilitysLetterheadWithAddressAndLogo() throws Exception {
        try (PDDocument pdf = dailyPdf()) {
            assertThat(text(pdf)).startsWith("Puskesmas Sejahtera (Demo) Jl. Urip Sumoharjo 12, Makassar Laporan harian");
            List<String> images = new ArrayList<>();
            PDPage first = pdf.getPage(0);
            for (COSName name : first.getResources().getXObjectNames()) {
                if (first.getResources().getXObject(name) instanceof PDImageXObject image) {
                    images.add(image.getWidth() + "x" + image.getHeight());
                }
            }
            assertThat(images).contains("37x41");
        }
    }

    @Test
    void theDailyPdfEndsWithTheHeadsSignatureBlockDatedTheDayItWasMade() throws Exception {
        try (PDDocument pdf = dailyPdf()) {
            // Made on 25 November 2026 (16:00 in Makassar); room to sign between the title and the name.
            assertThat(text(pdf)).contains("Perjalanan pasien", 
                    "25 November 2026 Kepala Puskesmas dr. Andi Wijaya NIP. 19800101 200501 1 001");
            assertThat(text(pdf).indexOf("Kepala Puskesmas")).isGreaterThan(text(pdf).indexOf("Perjalanan pasien"));
        }
    }

    @Test
    void journeysAreNamedByServiceNamesNotCodes() throws Exception {
        try (PDDocument pdf = dailyPdf()) {
            assertThat(text(pdf)).contains("Poli Umum > Laboratorium:",
                    "tahap 1 Poli Umum: tunggu 25,0, layanan 4,0 (1 pasien)",
                    "tahap 2 Laboratorium: tunggu 10,0, layanan 9,0 (1 pasien)")
                    .doesNotContain("UMUM > LAB", "tahap 1 UMUM", "tahap 2 LAB");
        }
    }

    @Test
    void aServiceWithNoTicketsShowsNoWaitAndOneReachedByTransferSaysSo() throws Exception {
        try (PDDocument pdf = dailyPdf()) {
            // Columns: tickets, served, skipped, no-show, cancelled, moved out, moved in, wait, service time.
            assertThat(text(pdf)).contains("Pindah masuk / Moved in",
                    "Poli KIA 0 0 0 0 0 0 0 \u2014 \u2014", "Apotek 0 0 0 0 0 0 0 \u2014 \u2014",
                    // Nobody took a number at the lab, but one patient was sent there and waited 10 minutes.
                    "Laboratorium 0 0 0 0 0 0 1 10,0 / 10,0 9,0 / 9,0",
                    "Poli Umum 3 2 1 0 0 1 0 10,0 / 22,0 6,0 / 7,6");
            assertThat(text(pdf)).doesNotContain(" 0 menit", "0,0 / 0,0");
        }
        assertThat(service(stats(), "LAB").getLong("transferredIn")).isEqualTo(1);
        assertThat(service(stats(), "UMUM").getLong("transferredIn")).isZero();
    }

    @Test
    void aSmallDailyReportIsOnePageWithTheTableRightAfterTheSummaryAndNoLargeBlankGap() throws Exception {
        try (PDDocument pdf = dailyPdf()) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String page = text(pdf);
            assertThat(page).endsWith("Halaman 1 dari 1 / Page 1 of 1 ");
            assertThat(page).containsSubsequence("Peserta JKN: 1 · pasien umum: 3",
                    "Layanan / Service", "Poli Umum 3", "Waktu: median", "Perjalanan pasien", "Kepala Puskesmas");
            // Between two lines of text there is at most the hourly chart (200 pt high), never an empty slot.
            List<Float> lines = new ArrayList<>();
            PDFTextStripper positions = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> letters) {
                    lines.add(letters.get(0).getYDirAdj());
                }
            };
            positions.getText(pdf);
            float largest = 0;
            for (int i = 1; i < lines.size(); i++) {
                largest = Math.max(largest, lines.get(i) - lines.get(i - 1));
            }
            assertThat(largest).as("largest vertical gap between lines, in points").isLessThan(240f);
        }
    }

    @Test
    void theMonthlyPdfHasTheLetterheadSignatureAndNoCodes() throws Exception {
        HttpResponse<Buffer> monthly = admin.get("/api/v1/facilities/pkm-demo/reports/monthly.pdf")
                .addQueryParam("month", "2026-11").send().await();
        try (PDDocument pdf = Loader.loadPDF(monthly.body().getBytes())) {
            assertThat(text(pdf)).startsWith("Puskesmas Sejahtera (Demo) Jl. Urip Sumoharjo 12, Makassar Laporan bulanan")
                    .contains("Poli Umum > Laboratorium:", "Kepala Puskesmas dr. Andi Wijaya")
                    // Two charts do not leave room for the signature: it goes over, the pages say so.
                    .contains("Halaman 1 dari 2 / Page 1 of 2", "Halaman 2 dari 2 / Page 2 of 2")
                    // The journeys are kept whole; the table's header is not repeated over a page without the table.
                    .containsOnlyOnce("Layanan / Service").containsOnlyOnce("Perjalanan pasien")
                    .containsSubsequence("Perjalanan pasien", "Poli Umum > Laboratorium:", "tahap 1 Poli Umum",
                            "tahap 2 Laboratorium", "Kepala Puskesmas")
                    .doesNotContain("UMUM > LAB");
        }
    }

}
