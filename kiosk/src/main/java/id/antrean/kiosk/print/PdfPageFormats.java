package id.antrean.kiosk.print;

import java.awt.print.PageFormat;
import java.awt.print.Paper;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The page format a print job uses for a ticket page: paper exactly as large as the PDF page, imageable all over.
 * Left to itself, PrinterJob uses the service's default paper (often A4 or Letter) with inch-wide margins and
 * the ticket comes out tiny in a corner, or on a sheet far longer than the ticket.
 */
public final class PdfPageFormats {

    private PdfPageFormats() {
    }

    /** Paper the size of the page as displayed (crop box, /Rotate applied), no margins, portrait. */
    public static PageFormat pageFormatFor(PDPage page) {
        PDRectangle crop = page.getCropBox();
        boolean sideways = page.getRotation() % 180 != 0;
        double width = sideways ? crop.getHeight() : crop.getWidth();
        double height = sideways ? crop.getWidth() : crop.getHeight();
        return pageFormatFor(width, height);
    }

    /** Paper of {@code width} x {@code height} points (1/72 inch), no margins, portrait. */
    public static PageFormat pageFormatFor(double widthPt, double heightPt) {
        if (!(widthPt > 0) || !(heightPt > 0)) {
            throw new IllegalArgumentException("page size " + widthPt + " x " + heightPt + " pt");
        }
        Paper paper = new Paper();
        paper.setSize(widthPt, heightPt);
        paper.setImageableArea(0, 0, widthPt, heightPt);
        PageFormat format = new PageFormat();
        // Portrait even for a wide page: a roll feeds one way, and PDFPrintable handles the page's rotation itself.
        format.setOrientation(PageFormat.PORTRAIT);
        format.setPaper(paper);
        return format;
    }
}
