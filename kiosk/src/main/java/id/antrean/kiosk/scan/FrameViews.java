package id.antrean.kiosk.scan;

import java.util.function.Supplier;

/**
 * One decoded frame and the preprocessed versions of it that strategies ask for. Each version is made
 * on first use and shared, so a strategy and its inverted twin pay for the preprocessing once, and
 * versions no strategy reaches before the budget runs out are never made.
 */
final class FrameViews {
    private final GrayImage original;
    private final Lazy<GrayImage> halved;
    private final Lazy<GrayImage> upsideDown;
    private final Lazy<GrayImage> sharpened;
    private final Lazy<GrayImage> halvedMedian;
    private final Lazy<GrayImage> halvedLevelled;

    FrameViews(GrayImage original) {
        this.original = original;
        this.halved = new Lazy<>(original::halved);
        this.upsideDown = new Lazy<>(original::rotated180);
        this.sharpened = new Lazy<>(() -> original.sharpened(3, 2.5));
        this.halvedMedian = new Lazy<>(() -> halved().median3());
        // 4-pixel blocks, 3 blocks around: a window of about four modules of a typical code at half scale.
        this.halvedLevelled = new Lazy<>(() -> halved().levelled(4, 3, 32));
    }

    GrayImage original() {
        return original;
    }

    GrayImage halved() {
        return halved.get();
    }

    GrayImage upsideDown() {
        return upsideDown.get();
    }

    GrayImage sharpened() {
        return sharpened.get();
    }

    GrayImage halvedMedian() {
        return halvedMedian.get();
    }

    GrayImage halvedLevelled() {
        return halvedLevelled.get();
    }

    /** Single-threaded memo: a frame is decoded by one worker thread. */
    private static final class Lazy<T> {
        private Supplier<T> supplier;
        private T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (supplier != null) {
                value = supplier.get();
                supplier = null;
            }
            return value;
        }
    }
}
