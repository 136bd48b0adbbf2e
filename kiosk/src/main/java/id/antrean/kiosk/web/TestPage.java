package id.antrean.kiosk.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A test page for the settings screen: proves paper, width and printer without asking the server. */
final class TestPage {
    private TestPage() {
    }

    static byte[] pdf(int widthMm) {
        float width = widthMm / 25.4f * 72f;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(width, 160));
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16);
                text.newLineAtOffset(10, 120);
                text.showText("TES PRINTER / TEST");
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                text.newLineAtOffset(0, -24);
                text.showText("Antrean kiosk - " + widthMm + " mm");
                text.newLineAtOffset(0, -16);
                text.showText(LocalDateTime.now().withNano(0).toString().replace('T', ' '));
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
