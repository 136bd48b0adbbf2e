package id.antrean.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import id.antrean.protocol.TicketCode;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
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
    private static TestServer server;
    private static JsonObject ticket;

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-11-27T01:12:00Z"));
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
                    "Jumat, 27 November 2026", "09.12 WITA", "Di depan Anda: 1 orang", "Ahead of you: 1", "Mobile JKN");
            assertThat(text).doesNotContain("0001234567890").doesNotContain("BUDI").doesNotContain("7890")
                    .doesNotContain("PRIORITAS");

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 203, ImageType.RGB);
            Path png = Path.of("target", "screenshots", "ticket-" + width + "mm.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());

            String qr = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page)))).getText();
            assertThat(qr).isEqualTo("ANTREAN:pkm-demo:" + ticket.getLong("id") + ":A-002");
            assertThat(TicketCode.parse(qr)).contains(new TicketCode("pkm-demo", ticket.getLong("id"), "A-002"));
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
            assertThat(text).contains(priority.getString("label") + " PRIORITAS / PRIORITY Poli Gigi", "Mobile JKN");

            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 203, ImageType.RGB);
            ImageIO.write(page, "png", Path.of("target", "screenshots", "ticket-priority-" + width + "mm.png").toFile());
            String qr = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page)))).getText();
            assertThat(qr).endsWith(":" + priority.getString("label"));
        }
    }
}
