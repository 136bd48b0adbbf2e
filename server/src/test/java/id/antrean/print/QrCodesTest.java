package id.antrean.print;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.NotFoundException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void theCodeIsAbout300PixelsWithWholePixelsPerModuleAndReadsBack() throws Exception {
        String payload = "ANTREAN:pkm-demo:2026-11-27:UMUM-012:0123456789abcdef";
        BufferedImage image = QrCodes.image(payload);

        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isBetween(250, 300);
        // The top-left finder pattern starts after the 2-module quiet zone: its first dark run is 7 modules.
        int y = firstDarkRow(image);
        int run = 0;
        for (int x = y; x < image.getWidth() && (image.getRGB(x, y) & 0xFFFFFF) == 0; x++) {
            run++;
        }
        assertThat(run % 7).as("finder pattern of 7 whole-pixel modules, %d px", run).isZero();
        assertThat(y).as("quiet zone of 2 modules").isEqualTo(2 * run / 7);

        String read = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(read).isEqualTo(payload);
    }

    /**
     * A CI run once failed to read a priority ticket's code back from its 58 mm PDF: some links, at error correction
     * M, came out too fine for 80 pt at a thermal printer's 203 dpi. Three hundred tracking links of the real shape
     * (seeded, so the same every run), each in an 80 pt box as on the 58 mm ticket, printed at 203 dpi, all read.
     */
    @Test
    void everyTrackingLinkReadsBackFromThe58MillimetreTicketsBoxAtAThermalPrintersResolution() throws Exception {
        Random random = new Random(1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder code = new StringBuilder();
            for (int k = 0; k < 22; k++) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String link = "http://localhost:" + (40000 + random.nextInt(20000)) + "/t/" + code;
            if (!link.equals(readFromPrint(QrCodes.image(link)))) {
                unread.add(link);
            }
        }
        assertThat(unread).isEmpty();
    }

    /** The code in the ticket template's 80 pt box (ticket-58.jrxml), rendered as a 203 dpi printer would. */
    private static String readFromPrint(BufferedImage code) throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(136, 120));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, code), 28, 20, 80, 80);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage printed = new PDFRenderer(document).renderImageWithDPI(0, 203, ImageType.RGB);
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(printed)))).getText();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static int firstDarkRow(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0) {
                    return y;
                }
            }
        }
        throw new AssertionError("no dark pixel");
    }
}
