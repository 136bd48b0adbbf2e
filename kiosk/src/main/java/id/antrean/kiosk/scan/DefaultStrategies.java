package id.antrean.kiosk.scan;

import java.util.List;

/**
 * The strategies the kiosk uses, in the order they are tried. The order comes from the corpus
 * (QrStrategyMatrixTest shows which strategy reads which distortion): what reads the most frames first,
 * then what reads frames nothing earlier reads, common troubles before rare ones, and the expensive
 * last-resort searches at the end. Every strategy also searches the fourth corner of a tilted code
 * (see {@link QrGridReader}).
 */
final class DefaultStrategies {
    /** Frames narrower than this are not tiled: their codes are already large enough in the whole frame. */
    private static final int MIN_WIDTH_FOR_TILES = 960;

    private DefaultStrategies() {
    }

    static List<DecodeStrategy> inOrder() {
        DecodeStrategy whole = new WholeImageStrategy("hybrid", FrameViews::original);
        DecodeStrategy localMean = new LocalMeanStrategy("local-mean", FrameViews::halved);
        DecodeStrategy halved = new WholeImageStrategy("half-scale", FrameViews::halved);
        DecodeStrategy levelled = new WholeImageStrategy("levelled", FrameViews::halvedLevelled);
        DecodeStrategy upsideDown = new WholeImageStrategy("upside-down", FrameViews::upsideDown);
        DecodeStrategy median = new WholeImageStrategy("median", FrameViews::halvedMedian);
        DecodeStrategy sharpened = new WholeImageStrategy("sharpened", FrameViews::sharpened);
        DecodeStrategy globalHistogram = new GlobalHistogramStrategy();
        DecodeStrategy tiles = new CentreTilesStrategy(MIN_WIDTH_FOR_TILES);
        return List.of(
                // Most frames: any angle, tilted, glare, noise, JPEG, small.
                whole,
                // Dark mode.
                new InvertedStrategy(whole),
                // Grey on grey (a dimmed screen), in either polarity.
                localMean,
                new InvertedStrategy(localMean),
                // Cracks, noise and JPEG blocks averaged away.
                halved,
                // Glare over a finder pattern.
                levelled,
                // A finder-like pattern in the data stops zxing's scan before the bottom finder (see GrayImage).
                upsideDown,
                // Cracks across finder patterns.
                median,
                // Defocus on a small code.
                sharpened,
                // The same again for dark mode, then a global threshold, then small codes away from the middle.
                new InvertedStrategy(halved),
                new InvertedStrategy(levelled),
                new InvertedStrategy(upsideDown),
                new InvertedStrategy(median),
                new InvertedStrategy(sharpened),
                globalHistogram,
                new InvertedStrategy(globalHistogram),
                tiles,
                new InvertedStrategy(tiles));
    }
}
