package id.antrean.kiosk.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Turns a ticket PDF into the bytes an ESC/POS thermal printer prints: {@code ESC @}, the ticket as
 * {@code GS v 0} raster bands of at most 256 rows, a few line feeds and a partial cut ({@code GS V 66 0}).
 * A pure function: no printer is involved, so the same bytes go to a socket, a device file or a test.
 */
public final class EscPosRaster {

    private EscPosRaster() {
    }

    /**
     * Renders every page of the PDF at {@code dotWidth} dots across (384 for 58 mm, 576 for 80 mm) and encodes it.
     *
     * @throws IOException when the bytes are not a readable PDF, or {@link UnprintableTicketException} when the
     *                     PDF has nothing to print or is far too long
     */
    public static byte[] fromPdf(byte[] pdf, int dotWidth) throws IOException {
        return encode(rasterize(pdf, dotWidth));
    }

    /** The 1-bit raster {@link #fromPdf} prints: thresholded at mid-grey, trailing white rows trimmed. */
    public static MonoRaster rasterize(byte[] pdf, int dotWidth) throws IOException {
        return PdfRasterizer.render(pdf, dotWidth);
    }

    /** Encodes a raster as a complete ESC/POS job: initialise, raster bands, feed, cut. */
    public static byte[] encode(MonoRaster raster) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raster.bytesPerRow() * raster.height() + 64);
        out.writeBytes(EscPosCommands.INITIALIZE);
        for (int first = 0; first < raster.height(); first += EscPosCommands.BAND_ROWS) {
            int rows = Math.min(EscPosCommands.BAND_ROWS, raster.height() - first);
            out.writeBytes(EscPosCommands.rasterHeader(raster.bytesPerRow(), rows));
            out.writeBytes(raster.rows(first, rows).packedRows());
        }
        out.writeBytes(EscPosCommands.feedLines(EscPosCommands.FEED_LINES_BEFORE_CUT));
        out.writeBytes(EscPosCommands.FEED_AND_PARTIAL_CUT);
        return out.toByteArray();
    }
}
