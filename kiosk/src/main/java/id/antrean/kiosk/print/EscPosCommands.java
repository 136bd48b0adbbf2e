package id.antrean.kiosk.print;

/** The few ESC/POS commands the kiosk uses, byte for byte (Epson's names; most cheap printers clone them). */
final class EscPosCommands {
    /** ESC @: initialise, clearing whatever a previous job left in the buffer or modes. */
    static final byte[] INITIALIZE = {0x1B, 0x40};
    /** DLE EOT 4: real-time status request, paper roll sensor; the printer answers one byte. */
    static final byte[] PAPER_STATUS_REQUEST = {0x10, 0x04, 0x04};
    /** GS V 66 0: feed to the cutter and cut partially (printers without a cutter ignore it). */
    static final byte[] FEED_AND_PARTIAL_CUT = {0x1D, 0x56, 0x42, 0x00};
    /** Rows per GS v 0 command: small enough for printers with small receive buffers. */
    static final int BAND_ROWS = 256;
    /** Lines fed before the cut, so the last printed row clears the tear bar on printers that cannot cut. */
    static final int FEED_LINES_BEFORE_CUT = 4;

    private EscPosCommands() {
    }

    /** ESC d n: print and feed n lines. */
    static byte[] feedLines(int lines) {
        if (lines < 0 || lines > 255) {
            throw new IllegalArgumentException("lines: " + lines);
        }
        return new byte[] {0x1B, 0x64, (byte) lines};
    }

    /** GS v 0 m xL xH yL yH: raster bit image header, normal density (m = 0), width in bytes, height in dots. */
    static byte[] rasterHeader(int widthBytes, int heightDots) {
        if (widthBytes < 1 || widthBytes > 0xFFFF || heightDots < 1 || heightDots > 0xFFFF) {
            throw new IllegalArgumentException("raster " + widthBytes + " bytes x " + heightDots + " dots");
        }
        return new byte[] {0x1D, 0x76, 0x30, 0x00,
                (byte) widthBytes, (byte) (widthBytes >> 8),
                (byte) heightDots, (byte) (heightDots >> 8)};
    }
}
