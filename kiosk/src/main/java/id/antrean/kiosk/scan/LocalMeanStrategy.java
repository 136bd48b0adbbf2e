package id.antrean.kiosk.scan;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import java.util.function.Function;
import java.util.stream.Stream;

/** One version of the frame thresholded against its local mean: for grey-on-grey codes (see {@link LocalMeanBinarizer}). */
record LocalMeanStrategy(String name, Function<FrameViews, GrayImage> version) implements DecodeStrategy {

    @Override
    public Stream<LuminanceSource> candidates(FrameViews frame) {
        return Stream.of(frame).map(version).map(GrayImage::luminanceSource);
    }

    @Override
    public Binarizer binarize(LuminanceSource source) {
        return new LocalMeanBinarizer(source);
    }
}
