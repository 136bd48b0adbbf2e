package id.antrean.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import id.antrean.mobilejkn.MobileJknCaller;
import id.antrean.protocol.TrackLink;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The printed ticket: a PDF on roll paper whose text holds the number and whose QR reads back. */
class TicketPdfTest {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-27T01:12:00Z");
    private static TestServer server;
    private static JsonObject ticket;

    @BeforeAll
    static void start() {
        server = TestServer.start(CLOCK);
        server.walkIn("UMUM");
        ticket = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", "0001234567890")).bodyAsJsonObject();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<Buffer> pdf(String query) {
        return server.get("/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id") + "/ticket.pdf" + query);
    }

    @ParameterizedTest
    @ValueSource(ints = {58, 80})
    void theTicketIsARollWidthPdfWithTheNumberAndAQrOfItsCode(int width) throws Exception {
        HttpResponse<Buffer> response = pdf("?width=" + width);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body().getBytes())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            float widthMm = pdf.getPage(0).getMediaBox().getWidth() / 72f * 25.4f;
            assertThat(widthMm).isCloseTo(width, org.assertj.core.data.Offset.offset(1.5f));

            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("A-002", "Poli Umum", "Puskesmas Sejahtera (Demo)", "NOMOR ANTREAN",
                    "Jumat, 27 November 2026", "09.12 WITA", "Di depan Anda: 1 orang", "Mobile JKN");
            assertThat(text).doesNotContain("0001234567890").doesNotContain("BUDI").doesNotContain("7890")
                    .doesNotContain("PRIORITAS");

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 203, ImageType.RGB);
            Path png = Path.of("target", "screenshots", "ticket-" + width + "mm.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());

            String qr = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page)))).getText();
            // The patient's own tracking link (a phone's camera opens it), which the kiosk reads back too.
            assertThat(qr).isEqualTo(ticket.getString("trackUrl"))
                    .startsWith("http://localhost:" + server.port() + "/t/");
            assertThat(TrackLink.parse(qr).map(TrackLink::code)).contains(qr.substring(qr.lastIndexOf('/') + 1));
        }
    }

    @Test
    void aKioskMayPrintButADisplayMayNotAndAWidthOtherThan58Or80IsRefused() {
        String path = "/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id") + "/ticket.pdf";
        assertThat(server.as(TestServer.DEVICE_TOKEN).get(path).send().await().statusCode()).isEqualTo(200);
        assertThat(pdf("?width=100").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/facilities/pkm-demo/tickets/999999/ticket.pdf").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(ints = {58, 80})
    void aPriorityTicketPrintsPrioritasUnderTheNumberAndStillReadsBack(int width) throws Exception {
        // At Gigi, so the Umum ticket above keeps its place in line.
        JsonObject priority = server.issue(new JsonObject().put("service", "GIGI").put("payer", "UMUM")
                .put("priority", true)).bodyAsJsonObject();
        HttpResponse<Buffer> response = server.get("/api/v1/facilities/pkm-demo/tickets/" + priority.getLong("id")
                + "/ticket.pdf?width=" + width);

        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body().getBytes())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(priority.getString("label") + " PRIORITAS Poli Gigi", "Pasien UMUM", "Mobile JKN")
                    .doesNotContain("PRIORITY");

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 203, ImageType.RGB);
            ImageIO.write(page, "png", Path.of("target", "screenshots", "ticket-priority-" + width + "mm.png").toFile());
            String qr = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page)))).getText();
            assertThat(qr).isEqualTo(priority.getString("trackUrl"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {58, 80})
    void aWalkInTicketIsInIndonesianOnlyByDefaultAndSaysWhoPaysWhatTheQrIsForAndHowToBookFromHome(int width)
            throws Exception {
        String text = text(pdf("?width=" + width));

        assertThat(text).contains("NOMOR ANTREAN", "Pasien JKN", "Di depan Anda: 1 orang",
                "Pindai untuk melihat antrean Anda",
                "Lain kali, ambil nomor antrean dari rumah lewat aplikasi Mobile JKN");
        assertThat(text).doesNotContain("QUEUE NUMBER", "Ahead of you", "JKN patient", "Scan", "Next time", " / ");
    }

    @ParameterizedTest
    @ValueSource(ints = {58, 80})
    void withLangEnTheWholeTicketIsInEnglishOnly(int width) throws Exception {
        HttpResponse<Buffer> response = pdf("?width=" + width + "&lang=en");

        assertThat(response.statusCode()).isEqualTo(200);
        screenshot(response, "ticket-en-" + width + "mm");
        String text = text(response);
        assertThat(text).contains("QUEUE NUMBER", "A-002", "Poli Umum", "JKN patient", "Friday, 27 November 2026",
                "Ahead of you: 1", "Scan to see your place in the queue",
                "Next time, take your number from home in the Mobile JKN app");
        assertThat(text).doesNotContain("NOMOR ANTREAN", "Jumat", "Di depan Anda", "Pasien", "Pindai", "Lain kali",
                "menit", " / ");
    }

    @Test
    void aLanguageOtherThanIdOrEnIsAnInvalidField() {
        for (String lang : new String[] {"fr", "", "ID", "id-ID"}) {
            HttpResponse<Buffer> response = pdf("?lang=" + lang);

            assertThat(response.statusCode()).as(lang).isEqualTo(400);
            assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
            assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_FIELD");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {58, 80})
    void thePaperEndsWhereTheContentEndsWithNoBlankTail(int width) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(pdf("?width=" + width).body().getBytes())) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 203, ImageType.GRAY);
            int last = page.getHeight() - 1;
            while (last > 0 && blankRow(page, last)) {
                last--;
            }
            float tailMm = (page.getHeight() - 1 - last) / 203f * 25.4f;
            // The bottom margin only (a few millimetres to tear along), not the centimetres of an empty page.
            assertThat(tailMm).isLessThan(4f);
        }
    }

    @Test
    void aNumberFirstInLineHasNoEstimateLineRatherThanZeroMinutes() throws Exception {
        JsonObject first = server.walkIn("APOTEK");
        assertThat(first.getInteger("position")).isEqualTo(1);

        String text = text(server.get("/api/v1/facilities/pkm-demo/tickets/" + first.getLong("id") + "/ticket.pdf"));

        assertThat(text).contains(first.getString("label"), "Di depan Anda: 0 orang")
                .doesNotContain("0 menit").doesNotContain("Perkiraan");
    }

    @Test
    void withNoBasisForAnEstimateTheTicketHasNoEstimateLine() throws Exception {
        server.sql("UPDATE service SET typical_service_minutes = NULL WHERE code = 'LAB'");
        CLOCK.advance(Duration.ofMinutes(1));   // past the estimator's short cache
        server.walkIn("LAB");
        JsonObject second = server.walkIn("LAB");
        assertThat(second.getValue("estimatedWaitMinutes")).isNull();

        String text = text(server.get("/api/v1/facilities/pkm-demo/tickets/" + second.getLong("id") + "/ticket.pdf"));

        assertThat(text).contains(second.getString("label"), "Di depan Anda: 1 orang")
                .doesNotContain("Perkiraan").doesNotContain("menit").doesNotContain("—");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void aMobileJknBookingSaysBookingOnlineWithItsTimeAndGivesNoAdviceToBookFromHome(String lang) throws Exception {
        long booked = booking();

        HttpResponse<Buffer> response = server.get("/api/v1/facilities/pkm-demo/tickets/" + booked + "/ticket.pdf?lang=" + lang);
        screenshot(response, "ticket-booking-" + lang);
        String text = text(response);

        JsonObject view = server.get("/api/v1/facilities/pkm-demo/tickets/" + booked).bodyAsJsonObject();
        String time = OffsetDateTime.parse(view.getString("estimatedAt")).format(DateTimeFormatter.ofPattern(
                lang.equals("id") ? "HH.mm" : "HH:mm"));
        assertThat(text).contains(lang.equals("id") ? "Booking online · pukul " + time : "Booked online · " + time,
                "Poli KIA", lang.equals("id") ? "Pasien JKN" : "JKN patient");
        assertThat(text).doesNotContain("Lain kali").doesNotContain("Next time").doesNotContain("0001234567890");
    }

    @Test
    void theFacilitysOwnFooterAndLogoArePrintedWhenItsProfileHasThem() throws Exception {
        try (PDDocument before = Loader.loadPDF(pdf("?width=58").body().getBytes())) {
            assertThat(images(before)).as("the QR only").isEqualTo(1);
        }
        WebClient admin = server.as(server.login("admin"));
        HttpResponse<Buffer> read = admin.get(PROFILE).send().await();
        JsonObject edit = read.bodyAsJsonObject();
        JsonObject profile = new JsonObject().put("name", edit.getString("name"))
                .put("address", "Jl. Urip Sumoharjo 12, Makassar").put("phone", "+62 411 123456")
                .put("ticketFooter", "Terima kasih, semoga lekas sembuh")
                .put("kioskIdleSeconds", edit.getInteger("kioskIdleSeconds")).put("languages", edit.getJsonArray("languages"))
                .put("logo", new JsonObject().put("contentType", "image/png").put("data", logoPng()));
        HttpResponse<Buffer> saved = admin.put(PROFILE).putHeader("If-Match", read.getHeader("ETag"))
                .sendJsonObject(profile).await();
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);

        for (int width : new int[] {58, 80}) {
            try (PDDocument after = Loader.loadPDF(pdf("?width=" + width).body().getBytes())) {
                assertThat(new PDFTextStripper().getText(after).replaceAll("\\s+", " "))
                        .contains("Terima kasih, semoga lekas sembuh", "Lain kali, ambil nomor antrean");
                assertThat(images(after)).as("the logo and the QR").isEqualTo(2);
                BufferedImage page = new PDFRenderer(after).renderImageWithDPI(0, 203, ImageType.RGB);
                ImageIO.write(page, "png", Path.of("target", "screenshots", "ticket-profile-" + width + "mm.png").toFile());
            }
        }
    }

    private static final String PROFILE = "/api/v1/facilities/pkm-demo/profile";

    private static Long booked;

    /** Checks in a Mobile JKN booking made today for Poli KIA (once: one booking per card, poli and day); its id. */
    private static long booking() {
        if (booked != null) {
            return booked;
        }
        MobileJknCaller.response(new MobileJknCaller(server).book("0001234567890", "7371011205580001", "003",
                "2026-11-27"));
        long id = server.count("SELECT ticket_id FROM ticket WHERE source = 'ONLINE' AND card_number = '0001234567890'");
        HttpResponse<Buffer> checkedIn = server.client().post("/api/v1/facilities/pkm-demo/tickets/" + id + "/check-in")
                .send().await();
        assertThat(checkedIn.statusCode()).as(checkedIn.bodyAsString()).isEqualTo(200);
        booked = id;
        return id;
    }

    private static String text(HttpResponse<Buffer> response) throws Exception {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body().getBytes())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    /** A page image for humans to look at (target/screenshots). */
    private static void screenshot(HttpResponse<Buffer> response, String name) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(response.body().getBytes())) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 203, ImageType.RGB);
            Path png = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
        }
    }

    private static boolean blankRow(BufferedImage page, int y) {
        for (int x = 0; x < page.getWidth(); x++) {
            if ((page.getRGB(x, y) & 0xff) < 200) {
                return false;
            }
        }
        return true;
    }

    private static int images(PDDocument pdf) throws Exception {
        int count = 0;
        for (COSName name : pdf.getPage(0).getResources().getXObjectNames()) {
            if (pdf.getPage(0).getResources().isImageXObject(name)) {
                count++;
            }
        }
        return count;
    }

    /** A small dark logo as a facility would upload it. */
    private static String logoPng() throws Exception {
        BufferedImage logo = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 60);
        g.setColor(Color.BLACK);
        g.fillOval(35, 5, 50, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(logo, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
