package id.antrean.kiosk.scan;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.DetectorResult;
import com.google.zxing.common.GridSampler;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.decoder.Decoder;
import com.google.zxing.qrcode.detector.Detector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * zxing's QR reading (find the finder patterns, sample the module grid, error-correct) plus a fallback for
 * codes seen at an angle.
 *
 * <p>zxing knows three corners of the code from the finder patterns; the fourth it takes from the alignment
 * pattern when there is one (version 2 and up, when found), otherwise by completing a parallelogram. A
 * version-1 code, which is what a bare 13- or 16-digit number makes, tilted 20-30° is a trapezoid, and the
 * modules near the far corner are sampled from the wrong place. So when zxing's own grid does not decode,
 * the fourth corner is searched around the parallelogram guess, nearest first, and each grid is decoded in
 * turn. Reed-Solomon error correction rejects the wrong grids: for the smallest codes a wrong grid passes by
 * chance about once in a million grids or less, and what it yields must still parse as QR data (and then as
 * a card number, NIK or ticket code to be of any use). No corpus frame has ever been misread.
 */
final class QrGridReader {

    /** What was read, and whether the fourth corner had to be searched for. */
    record Reading(String text, boolean cornerSearched) {
    }

    /**
     * Offsets of the fourth corner from the parallelogram guess, in modules along the code's edges: a
     * half-module grid within 2.5 modules, which covers tilts up to about 30°. A corner that decodes is a
     * patch about one module across, so half-module steps do not step over it.
     */
    private static final List<float[]> CORNER_OFFSETS = offsets(2.5f, 0.5f);

    private QrGridReader() {
    }

    static Reading read(BinaryBitmap bitmap, Map<DecodeHintType, ?> hints) throws ReaderException {
        BitMatrix image = bitmap.getBlackMatrix();
        DetectorResult detected = new Detector(image).detect(hints);
        Decoder decoder = new Decoder();
        try {
            return new Reading(decoder.decode(detected.getBits(), hints).getText(), false);
        } catch (ReaderException zxingGridUnreadable) {
            ResultPoint[] points = detected.getPoints();
            String text = searchFourthCorner(image, decoder, hints, detected.getBits().getHeight(), points[1], points[2],
                    points[0]);
            if (text == null) {
                throw zxingGridUnreadable;
            }
            return new Reading(text, true);
        }
    }

    private static String searchFourthCorner(BitMatrix image, Decoder decoder, Map<DecodeHintType, ?> hints,
            int dimension, ResultPoint topLeft, ResultPoint topRight, ResultPoint bottomLeft) {
        float acrossX = topRight.getX() - topLeft.getX();
        float acrossY = topRight.getY() - topLeft.getY();
        float downX = bottomLeft.getX() - topLeft.getX();
        float downY = bottomLeft.getY() - topLeft.getY();
        // Finder-pattern centres are 3.5 modules in from the edges, so dimension - 7 modules apart.
        float span = dimension - 7f;
        float near = 3.5f;
        float far = dimension - 3.5f;
        for (float[] offset : CORNER_OFFSETS) {
            float cornerX = topRight.getX() + downX + (acrossX * offset[0] + downX * offset[1]) / span;
            float cornerY = topRight.getY() + downY + (acrossY * offset[0] + downY * offset[1]) / span;
            PerspectiveTransform transform = PerspectiveTransform.quadrilateralToQuadrilateral(
                    near, near, far, near, far, far, near, far,
                    topLeft.getX(), topLeft.getY(), topRight.getX(), topRight.getY(), cornerX, cornerY,
                    bottomLeft.getX(), bottomLeft.getY());
            try {
                BitMatrix grid = GridSampler.getInstance().sampleGrid(image, dimension, dimension, transform);
                return decoder.decode(grid, hints).getText();
            } catch (ReaderException wrongCorner) {
                // Next offset.
            }
        }
        return null;
    }

    private static List<float[]> offsets(float reach, float step) {
        List<float[]> offsets = new ArrayList<>();
        int steps = Math.round(reach / step);
        for (int i = -steps; i <= steps; i++) {
            for (int j = -steps; j <= steps; j++) {
                if (i * i + j * j <= steps * steps && (i != 0 || j != 0)) {
                    offsets.add(new float[] {i * step, j * step});
                }
            }
        }
        offsets.sort(Comparator.comparingDouble(o -> o[0] * o[0] + o[1] * o[1]));
        return List.copyOf(offsets);
    }
}
