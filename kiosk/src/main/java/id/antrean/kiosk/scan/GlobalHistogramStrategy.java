package id.antrean.kiosk.scan;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import java.util.stream.Stream;

/**
 * The whole frame with one threshold per row from the histogram. HybridBinarizer's 8x8 blocks treat
 * low-contrast blocks as background, so a blurred or grey-on-grey code can vanish under it while a
 * global threshold still splits modules from background.
 */
record GlobalHistogramStrategy() implements DecodeStrategy {

    @Override
    public String name() {
        return "global-histogram";
    }

    @Override
    public Stream<LuminanceSource> candidates(FrameViews frame) {
        return Stream.of(frame.original().luminanceSource());
    }

    @Override
    public Binarizer binarize(LuminanceSource source) {
        return new GlobalHistogramBinarizer(source);
    }
}
