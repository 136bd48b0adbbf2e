package id.antrean.kiosk.print;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.RenderDestination;

/**
 * Renders a ticket PDF to the 1-bit raster a thermal printer head burns: each page is scaled so its width fills
 * the head exactly (384 dots on 58 mm, 576 on 80 mm, both 203 dpi), rendered anti-aliased, then thresholded at
 * mid-grey. Thresholding rather than dithering keeps text and QR modules crisp; the tickets have no photos.
 */
final class PdfRasterizer {
    /** Luminance below this (0–255) burns a dot: mid-grey, so anti-aliased edges land where the true edge is. */
    static final int THRESHOLD = 128;
    /** About 1.5 m of paper at 203 dpi: no real ticket comes near it; it bounds memory for a broken PDF. */
    static final int MAX_ROWS = 12_000;
    static final int MAX_DOT_WIDTH = 4096;

    private PdfRasterizer() {
    }

    static MonoRaster render(byte[] pdf, int dotWidth) throws IOException {
        if (dotWidth <= 0 || dotWidth > MAX_DOT_WIDTH || dotWidth % 8 != 0) {
            throw new IllegalArgumentException("dot width must be a positive multiple of 8 up to " + MAX_DOT_WIDTH
                    + ", got " + dotWidth);
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new UnprintableTicketException("the ticket PDF has no pages");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            List<MonoRaster> rendered = new ArrayList<>(pages);
            int totalRows = 0;
            for (int index = 0; index < pages; index++) {
                MonoRaster page = renderPage(renderer, document.getPage(index), index, dotWidth, MAX_ROWS - totalRows)
                        .withoutTrailingWhiteRows();
                totalRows += page.height();
                rendered.add(page);
            }
            MonoRaster ticket = MonoRaster.stack(rendered);
            if (ticket.height() == 0) {
                throw new UnprintableTicketException("the ticket PDF renders as a blank page");
            }
            return ticket;
        }
    }

    private static MonoRaster renderPage(PDFRenderer renderer, PDPage page, int index, int dotWidth, int rowsLeft)
            throws IOException {
        PDRectangle crop = page.getCropBox();
        boolean sideways = page.getRotation() % 180 != 0;
        float widthPt = sideways ? crop.getHeight() : crop.getWidth();
        float heightPt = sideways ? crop.getWidth() : crop.getHeight();
        if (!(widthPt > 0) || !(heightPt > 0)) {
            throw new UnprintableTicketException("page " + (index + 1) + " has no area");
        }
        float scale = dotWidth / widthPt;
        double exactRows = Math.ceil(heightPt * (double) scale);
        if (exactRows > rowsLeft) {
            throw new UnprintableTicketException("the ticket is too long for a roll: more than " + MAX_ROWS
                    + " dots at " + dotWidth + " dots across");
        }
        int rows = Math.max(1, (int) exactRows);
        // Drawing into an image of exactly dotWidth columns, rather than renderImage(scale), avoids an
        // off-by-one width from rounding (e.g. 575 dots for a 226 pt page at 576/226).
        BufferedImage image = new BufferedImage(dotWidth, rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setBackground(Color.WHITE);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, dotWidth, rows);
            renderer.renderPageToGraphics(index, graphics, scale, scale, RenderDestination.PRINT);
        } finally {
            graphics.dispose();
        }
        return MonoRaster.threshold(image, THRESHOLD);
    }
}
