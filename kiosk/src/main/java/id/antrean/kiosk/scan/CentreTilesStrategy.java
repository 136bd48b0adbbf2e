package id.antrean.kiosk.scan;

import com.google.zxing.LuminanceSource;
import java.util.stream.Stream;

/**
 * Windows around the middle of a large frame, each enlarged twice. A phone held far from the camera leaves
 * a code of 100-200 px in a 1280x720 frame, with modules 3-5 px wide: too thin for the finder-pattern
 * search over the whole frame, but fine once the window around it is blown up. Patients aim at the
 * middle (the kiosk page shows a guide there), so the centre window comes first, then overlapping
 * windows shifted towards each corner.
 */
record CentreTilesStrategy(int minFrameWidth) implements DecodeStrategy {

    /** Each window is half the frame on each side; neighbours overlap by half a window. */
    private static final int[][] OFFSETS_IN_HALF_WINDOWS = {{0, 0}, {-1, -1}, {1, -1}, {-1, 1}, {1, 1}};

    @Override
    public String name() {
        return "centre-tiles";
    }

    @Override
    public Stream<LuminanceSource> candidates(FrameViews frame) {
        GrayImage image = frame.original();
        if (image.width() < minFrameWidth) {
            return Stream.empty();
        }
        int w = image.width() / 2;
        int h = image.height() / 2;
        return Stream.of(OFFSETS_IN_HALF_WINDOWS).map(offset -> {
            int left = Math.clamp((image.width() - w) / 2 + offset[0] * w / 2, 0, image.width() - w);
            int top = Math.clamp((image.height() - h) / 2 + offset[1] * h / 2, 0, image.height() - h);
            return image.crop(left, top, w, h).enlarged(2).luminanceSource();
        });
    }
}
