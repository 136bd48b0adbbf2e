package id.antrean.kiosk.print;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Ticket-like PDFs made with PDFBox, shaped like the server's JasperReports tickets (the real ones are not
 * available to this module): a header, a big queue number, a QR code, a footer, and white space at the bottom.
 */
final class TicketPdfs {
    static final String LABEL = "A-012";
    static final String QR_PAYLOAD = "ANTREAN:pkm-demo:123:A-012";
    static final float WIDTH_80_MM = 226;
    static final float HEIGHT_80_MM = 360;
    static final float WIDTH_58_MM = 164;
    static final float HEIGHT_58_MM = 330;

    private TicketPdfs() {
    }

    static byte[] ticket80mm() {
        return ticket(WIDTH_80_MM, HEIGHT_80_MM, LABEL, QR_PAYLOAD);
    }

    static byte[] ticket58mm() {
        return ticket(WIDTH_58_MM, HEIGHT_58_MM, LABEL, QR_PAYLOAD);
    }

    static byte[] ticket(float width, float height, String label, String qrPayload) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDImageXObject qr = LosslessFactory.createFromImage(document, qrImage(qrPayload));
            float labelSize = width > 200 ? 44 : 34;
            float labelBaseline = height - 76;
            float qrSize = width * 0.55f;
            float qrTop = labelBaseline - 14;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                centredText(content, regular, 10, "Puskesmas Sejahtera (Demo)", width, height - 24);
                centredText(content, regular, 9, "Poli Umum", width, height - 38);
                centredText(content, bold, labelSize, label, width, labelBaseline);
                content.drawImage(qr, (width - qrSize) / 2, qrTop - qrSize, qrSize, qrSize);
                centredText(content, regular, 8, "Simpan tiket ini / Keep this ticket", width, qrTop - qrSize - 16);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page with nothing on it. */
    static byte[] blankPage(float width, float height) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(new PDRectangle(width, height)));
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A long page striped top to bottom, so its raster needs many ESC/POS bands and has no white tail. */
    static byte[] stripedPage(float width, float height) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                for (float y = 0; y < height; y += 20) {
                    content.addRect(0, y, width, 10);
                }
                content.fill();
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of {@code width x height} rotated by 90 degrees, as some generators write landscape content. */
    static byte[] rotatedPage(float width, float height) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            page.setRotation(90);
            document.addPage(page);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void centredText(PDPageContentStream content, PDType1Font font, float size, String text,
            float pageWidth, float baseline) throws IOException {
        float textWidth = font.getStringWidth(text) / 1000 * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((pageWidth - textWidth) / 2, baseline);
        content.showText(text);
        content.endText();
    }

    private static BufferedImage qrImage(String payload) {
        try {
            // 4 pixels per module with no quiet zone: the page's white space around the image is the quiet zone.
            BitMatrix modules = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0));
            int size = modules.getWidth() * 4;
            BitMatrix scaled = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.MARGIN, 0));
            return MatrixToImageWriter.toBufferedImage(scaled);
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
