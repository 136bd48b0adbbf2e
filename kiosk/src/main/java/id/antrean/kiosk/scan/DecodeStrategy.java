package id.antrean.kiosk.scan;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.util.stream.Stream;

/**
 * One way of looking at a frame: which images to hand zxing, and how to binarise them. The decoder tries strategies in order, cheapest and most often
 * successful first, and each strategy's candidates in order, checking the time budget before every attempt.
 */
interface DecodeStrategy {

    /** Short, stable name: it appears in the decode result and in the corpus report. */
    String name();

    /**
     * The images to try, best first. The stream is lazy: an image is prepared only when the decoder pulls
     * it, after checking the budget, so expensive preprocessing never starts once time is up.
     */
    Stream<LuminanceSource> candidates(FrameViews frame);

    /** Local thresholds by default: they cope with uneven light (glare, shadows) that a global one does not. */
    default Binarizer binarize(LuminanceSource source) {
        return new HybridBinarizer(source);
    }
}
