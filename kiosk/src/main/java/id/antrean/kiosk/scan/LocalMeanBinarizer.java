package id.antrean.kiosk.scan;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;

/**
 * Black where a pixel is darker than the mean of a large window around it. zxing's HybridBinarizer
 * takes any 8x8 block with less than 24 grey levels of range for background, so on a grey-on-grey code
 * (a dimmed screen, 30-50 levels between modules) the insides of wide dark modules, finder-pattern centres
 * above all, come out white. A window several modules wide always sees both colours, whatever the contrast.
 */
final class LocalMeanBinarizer extends Binarizer {
    /** Window half-size as a fraction of the shorter side: about ten modules of a code filling a third of it. */
    private static final int WINDOW_DIVISOR = 12;
    private static final int MIN_HALF_WINDOW = 8;
    /** Below the mean by at least this much: keeps flat areas from turning into speckle. */
    private static final int MARGIN = 3;

    private BitMatrix matrix;

    LocalMeanBinarizer(LuminanceSource source) {
        super(source);
    }

    @Override
    public BitArray getBlackRow(int y, BitArray row) {
        return getBlackMatrix().getRow(y, row);
    }

    @Override
    public BitMatrix getBlackMatrix() {
        if (matrix == null) {
            matrix = binarize();
        }
        return matrix;
    }

    @Override
    public Binarizer createBinarizer(LuminanceSource source) {
        return new LocalMeanBinarizer(source);
    }

    private BitMatrix binarize() {
        int width = getWidth();
        int height = getHeight();
        byte[] luminance = getLuminanceSource().getMatrix();
        // Summed-area table: any window's sum in four lookups, so the cost does not grow with the window.
        long[] sums = new long[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            long rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += luminance[y * width + x] & 0xFF;
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + rowSum;
            }
        }
        int half = Math.max(MIN_HALF_WINDOW, Math.min(width, height) / WINDOW_DIVISOR);
        BitMatrix black = new BitMatrix(width, height);
        for (int y = 0; y < height; y++) {
            int top = Math.max(0, y - half);
            int bottom = Math.min(height, y + half + 1);
            for (int x = 0; x < width; x++) {
                int left = Math.max(0, x - half);
                int right = Math.min(width, x + half + 1);
                long sum = sums[bottom * (width + 1) + right] - sums[top * (width + 1) + right]
                        - sums[bottom * (width + 1) + left] + sums[top * (width + 1) + left];
                int count = (bottom - top) * (right - left);
                if ((luminance[y * width + x] & 0xFF) * count < sum - (long) MARGIN * count) {
                    black.set(x, y);
                }
            }
        }
        return black;
    }
}
