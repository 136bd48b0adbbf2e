package id.antrean.kiosk.scan;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import java.util.stream.Stream;

/**
 * Another strategy on the negative image: a Mobile JKN card in dark mode shows light modules on a dark
 * background, which zxing's finder-pattern search (dark-light-dark 1:1:3:1:1) never matches.
 * We invert explicitly instead of passing {@code ALSO_INVERTED}: that hint is only honoured by
 * MultiFormatReader, and a separate attempt lets the budget check and the report see it.
 */
record InvertedStrategy(DecodeStrategy positive) implements DecodeStrategy {

    @Override
    public String name() {
        return positive.name() + "-inverted";
    }

    @Override
    public Stream<LuminanceSource> candidates(FrameViews frame) {
        return positive.candidates(frame).map(LuminanceSource::invert);
    }

    @Override
    public Binarizer binarize(LuminanceSource source) {
        return positive.binarize(source);
    }
}
