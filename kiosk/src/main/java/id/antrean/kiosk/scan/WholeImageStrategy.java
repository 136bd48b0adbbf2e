package id.antrean.kiosk.scan;

import com.google.zxing.LuminanceSource;
import java.util.stream.Stream;
import java.util.function.Function;

/** The whole of one version of the frame (as is, halved, sharpened, ...), in one attempt. */
record WholeImageStrategy(String name, Function<FrameViews, GrayImage> version) implements DecodeStrategy {

    @Override
    public Stream<LuminanceSource> candidates(FrameViews frame) {
        return Stream.of(frame).map(version).map(GrayImage::luminanceSource);
    }
}
