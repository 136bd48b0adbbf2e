package id.antrean.kiosk.scan;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.util.Arrays;

/**
 * An 8-bit luminance image, row-major, one byte per pixel (0 = black). Every preprocessing step works on
 * this instead of on {@link BufferedImage}: the colour conversion is paid once per frame, and zxing reads
 * the bytes without copying them again.
 */
record GrayImage(byte[] pixels, int width, int height) {

    GrayImage {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixels do not match " + width + "x" + height);
        }
    }

    /**
     * Luma as zxing computes it. JPEG frames (3-byte BGR, what ImageIO makes of a webcam JPEG) are converted
     * straight from the pixel bytes, far faster than zxing's row-by-row getRGB (under 1 ms, not 15); anything
     * else (PNG with alpha, palettes, 16-bit) goes through zxing's BufferedImageLuminanceSource, which also
     * takes transparent pixels as white.
     */
    static GrayImage of(BufferedImage image) {
        if (isPlainBgr(image)) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            byte[] luma = new byte[image.getWidth() * image.getHeight()];
            for (int i = 0, j = 0; i < luma.length; i++, j += 3) {
                int b = bgr[j] & 0xFF;
                int g = bgr[j + 1] & 0xFF;
                int r = bgr[j + 2] & 0xFF;
                luma[i] = (byte) ((306 * r + 601 * g + 117 * b + 0x200) >> 10);
            }
            return new GrayImage(luma, image.getWidth(), image.getHeight());
        }
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        return new GrayImage(source.getMatrix(), source.getWidth(), source.getHeight());
    }

    private static boolean isPlainBgr(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && image.getRaster().getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getPixelStride() == 3 && model.getScanlineStride() == 3 * image.getWidth()
                && Arrays.equals(model.getBandOffsets(), new int[] {2, 1, 0})
                && buffer.getSize() == 3 * image.getWidth() * image.getHeight();
    }

    int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /**
     * The image for zxing, without copying pixels. (The "YUV" source is simply zxing's luminance-plane
     * source: Y is all we have.)
     */
    LuminanceSource luminanceSource() {
        return new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
    }

    GrayImage crop(int left, int top, int cropWidth, int cropHeight) {
        byte[] out = new byte[cropWidth * cropHeight];
        for (int y = 0; y < cropHeight; y++) {
            System.arraycopy(pixels, (top + y) * width + left, out, y * cropWidth, cropWidth);
        }
        return new GrayImage(out, cropWidth, cropHeight);
    }

    /**
     * The image turned half a turn. zxing scans rows from the top and stops once three finder-pattern
     * candidates are confirmed; a finder-like 1:1:3:1:1 run in the data of an upright code (ours:
     * {@code ANTREAN:pkm-demo:123:A-012} has one) is confirmed together with the two top finders before the
     * bottom one is reached, and a perfect code does not decode. Upside down, only one finder is at the top.
     */
    GrayImage rotated180() {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = pixels[pixels.length - 1 - i];
        }
        return new GrayImage(out, width, height);
    }

    /**
     * Half the size, each pixel the mean of a 2x2 block. Averaging (rather than dropping pixels) also
     * halves sensor noise and JPEG ringing, and a blur of radius r becomes one of r/2.
     */
    GrayImage halved() {
        int w = width / 2;
        int h = height / 2;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int row0 = 2 * y * width;
            int row1 = row0 + width;
            for (int x = 0; x < w; x++) {
                int sum = (pixels[row0 + 2 * x] & 0xFF) + (pixels[row0 + 2 * x + 1] & 0xFF)
                        + (pixels[row1 + 2 * x] & 0xFF) + (pixels[row1 + 2 * x + 1] & 0xFF);
                out[y * w + x] = (byte) ((sum + 2) >> 2);
            }
        }
        return new GrayImage(out, w, h);
    }

    /**
     * Bilinear enlargement. It adds no detail, but zxing's finder-pattern search wants modules several
     * pixels wide; a code whose modules are 2-3 px decodes more often at twice the size.
     */
    GrayImage enlarged(int factor) {
        int w = width * factor;
        int h = height * factor;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            double sy = Math.max(0, (y + 0.5) / factor - 0.5);
            int y0 = Math.min((int) sy, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            double fy = sy - y0;
            for (int x = 0; x < w; x++) {
                double sx = Math.max(0, (x + 0.5) / factor - 0.5);
                int x0 = Math.min((int) sx, width - 1);
                int x1 = Math.min(x0 + 1, width - 1);
                double fx = sx - x0;
                double top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
                double bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
                out[y * w + x] = (byte) (int) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return new GrayImage(out, w, h);
    }

    /**
     * Each neighbourhood stretched from its own darkest to its own lightest pixel. Glare adds white over part
     * of the code: under it black modules turn light grey while white stays white, and a finder pattern's
     * centre can end up lighter than the frame's average grey. Stretched locally, that grey is black again.
     * Envelopes come from {@code block}-pixel blocks and the blocks within {@code reach} of them; a range
     * below {@code minRange} is taken as flat, so the noise of empty areas is not blown up.
     */
    GrayImage levelled(int block, int reach, int minRange) {
        int blocksAcross = (width + block - 1) / block;
        int blocksDown = (height + block - 1) / block;
        int[] blockMin = new int[blocksAcross * blocksDown];
        int[] blockMax = new int[blocksAcross * blocksDown];
        Arrays.fill(blockMin, 255);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int b = (y / block) * blocksAcross + x / block;
                int p = pixels[y * width + x] & 0xFF;
                blockMin[b] = Math.min(blockMin[b], p);
                blockMax[b] = Math.max(blockMax[b], p);
            }
        }
        int[] low = new int[blockMin.length];
        int[] range = new int[blockMin.length];
        for (int by = 0; by < blocksDown; by++) {
            for (int bx = 0; bx < blocksAcross; bx++) {
                int min = 255;
                int max = 0;
                for (int ny = Math.max(0, by - reach); ny <= Math.min(blocksDown - 1, by + reach); ny++) {
                    for (int nx = Math.max(0, bx - reach); nx <= Math.min(blocksAcross - 1, bx + reach); nx++) {
                        min = Math.min(min, blockMin[ny * blocksAcross + nx]);
                        max = Math.max(max, blockMax[ny * blocksAcross + nx]);
                    }
                }
                low[by * blocksAcross + bx] = min;
                range[by * blocksAcross + bx] = Math.max(minRange, max - min);
            }
        }
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int b = (y / block) * blocksAcross + x / block;
                out[y * width + x] = (byte) Math.clamp(((pixels[y * width + x] & 0xFF) - low[b]) * 255 / range[b], 0, 255);
            }
        }
        return new GrayImage(out, width, height);
    }

    /**
     * Unsharp mask: the image plus {@code amount} times its difference from a box-blurred copy. Restores
     * some of the edge contrast that defocus (a webcam focused on the patient, not the phone) takes away.
     */
    GrayImage sharpened(int radius, double amount) {
        int[] blurred = boxBlur(radius);
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i] & 0xFF;
            out[i] = (byte) Math.clamp(Math.round(p + amount * (p - blurred[i])), 0, 255);
        }
        return new GrayImage(out, width, height);
    }

    /** Mean over a (2r+1)-square window, edges clamped; separable, so the cost does not depend on r. */
    private int[] boxBlur(int radius) {
        int window = 2 * radius + 1;
        int[] rows = new int[pixels.length];
        for (int y = 0; y < height; y++) {
            int sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += at(Math.clamp(k, 0, width - 1), y);
            }
            for (int x = 0; x < width; x++) {
                rows[y * width + x] = sum;
                sum += at(Math.min(x + radius + 1, width - 1), y) - at(Math.max(x - radius, 0), y);
            }
        }
        int[] out = new int[pixels.length];
        for (int x = 0; x < width; x++) {
            int sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += rows[Math.clamp(k, 0, height - 1) * width + x];
            }
            for (int y = 0; y < height; y++) {
                out[y * width + x] = (sum + window * window / 2) / (window * window);
                sum += rows[Math.min(y + radius + 1, height - 1) * width + x] - rows[Math.max(y - radius, 0) * width + x];
            }
        }
        return out;
    }

    /**
     * 3x3 median. Thin lines (cracks in the screen glass, one or two pixels wide) vanish, while module edges,
     * several pixels apart, stay where they are.
     */
    GrayImage median3() {
        byte[] out = new byte[pixels.length];
        int[] w = new int[9];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = Math.clamp(y + dy, 0, height - 1) * width;
                    for (int dx = -1; dx <= 1; dx++) {
                        w[n++] = pixels[row + Math.clamp(x + dx, 0, width - 1)] & 0xFF;
                    }
                }
                out[y * width + x] = (byte) medianOfNine(w);
            }
        }
        return new GrayImage(out, width, height);
    }

    /** The classic 19-exchange network (Paeth): a full sort per pixel would be several times slower. */
    private static int medianOfNine(int[] p) {
        sort(p, 1, 2); sort(p, 4, 5); sort(p, 7, 8); sort(p, 0, 1); sort(p, 3, 4); sort(p, 6, 7);
        sort(p, 1, 2); sort(p, 4, 5); sort(p, 7, 8); sort(p, 0, 3); sort(p, 5, 8); sort(p, 4, 7);
        sort(p, 3, 6); sort(p, 1, 4); sort(p, 2, 5); sort(p, 4, 7); sort(p, 4, 2); sort(p, 6, 4);
        sort(p, 4, 2);
        return p[4];
    }

    private static void sort(int[] p, int a, int b) {
        if (p[a] > p[b]) {
            int t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
    }
}
