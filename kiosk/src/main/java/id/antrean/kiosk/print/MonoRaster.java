package id.antrean.kiosk.print;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * A black-and-white bitmap in the layout ESC/POS raster commands use: rows of {@code ceil(width / 8)} bytes, the
 * leftmost dot in the most significant bit, 1 = black (burnt), padding bits white. Immutable.
 */
public final class MonoRaster {
    private final int width;
    private final int height;
    private final int bytesPerRow;
    private final byte[] bits;

    private MonoRaster(int width, int height, byte[] bits) {
        this.width = width;
        this.height = height;
        this.bytesPerRow = bytesPerRow(width);
        this.bits = bits;
    }

    /** Wraps packed rows (copied), e.g. as read back from an ESC/POS stream. */
    public static MonoRaster ofPackedRows(int width, int height, byte[] packedRows) {
        if (width <= 0 || height < 0) {
            throw new IllegalArgumentException("bad size " + width + "x" + height);
        }
        if (packedRows.length != (long) bytesPerRow(width) * height) {
            throw new IllegalArgumentException("expected " + (long) bytesPerRow(width) * height + " bytes, got "
                    + packedRows.length);
        }
        return new MonoRaster(width, height, packedRows.clone());
    }

    /**
     * Thresholds an image: a pixel whose luminance (Rec. 601, 0–255) is below {@code threshold} becomes black.
     * Transparent pixels count as white paper.
     */
    public static MonoRaster threshold(BufferedImage image, int threshold) {
        int width = image.getWidth();
        int height = image.getHeight();
        int rowBytes = bytesPerRow(width);
        byte[] bits = new byte[rowBytes * height];
        int[] argb = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, argb, 0, width);
            int rowStart = y * rowBytes;
            for (int x = 0; x < width; x++) {
                if (luminance(argb[x]) < threshold) {
                    bits[rowStart + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return new MonoRaster(width, height, bits);
    }

    /** Stacks rasters of the same width top to bottom (multi-page tickets, or ESC/POS bands read back). */
    public static MonoRaster stack(List<MonoRaster> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        int width = parts.get(0).width;
        int height = 0;
        for (MonoRaster part : parts) {
            if (part.width != width) {
                throw new IllegalArgumentException("widths differ: " + width + " and " + part.width);
            }
            height += part.height;
        }
        byte[] bits = new byte[bytesPerRow(width) * height];
        int offset = 0;
        for (MonoRaster part : parts) {
            System.arraycopy(part.bits, 0, bits, offset, part.bits.length);
            offset += part.bits.length;
        }
        return new MonoRaster(width, height, bits);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int bytesPerRow() {
        return bytesPerRow;
    }

    public boolean isBlack(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return (bits[y * bytesPerRow + (x >> 3)] & (0x80 >>> (x & 7))) != 0;
    }

    public boolean isRowWhite(int y) {
        int start = y * bytesPerRow;
        for (int i = start; i < start + bytesPerRow; i++) {
            if (bits[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The same raster without the white rows at the bottom: they would only waste paper before the cut. */
    public MonoRaster withoutTrailingWhiteRows() {
        int last = height;
        while (last > 0 && isRowWhite(last - 1)) {
            last--;
        }
        return last == height ? this : rows(0, last);
    }

    /** Rows {@code first .. first + count - 1}. */
    public MonoRaster rows(int first, int count) {
        if (first < 0 || count < 0 || first + count > height) {
            throw new IndexOutOfBoundsException("rows " + first + "+" + count + " outside height " + height);
        }
        return new MonoRaster(width, count,
                Arrays.copyOfRange(bits, first * bytesPerRow, (first + count) * bytesPerRow));
    }

    /** The packed rows (a copy). */
    public byte[] packedRows() {
        return bits.clone();
    }

    /** A black-on-white image of the raster, e.g. to decode the QR code of a printed ticket. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, Math.max(height, 1), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, isBlack(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    private static int bytesPerRow(int width) {
        return (width + 7) / 8;
    }

    private static int luminance(int argb) {
        int alpha = argb >>> 24;
        if (alpha == 0) {
            return 255;
        }
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (299 * r + 587 * g + 114 * b) / 1000;
    }
}
