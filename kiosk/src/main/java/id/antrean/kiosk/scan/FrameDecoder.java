package id.antrean.kiosk.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Finds the QR code in a camera frame posted by the kiosk page: a phone screen photographed by a webcam,
 * often at an angle, blurred, inverted (dark mode), glaring or small. Cheap attempts come first; harder
 * ones follow while the time budget lasts. Blocking and CPU-bound: call it on a worker thread. Thread-safe.
 */
public final class FrameDecoder {
    public static final Duration DEFAULT_BUDGET = Duration.ofMillis(300);
    /** A 4096x4096 frame is already far beyond any webcam the kiosks use. */
    public static final long DEFAULT_MAX_PIXELS = 4096L * 4096L;
    public static final int DEFAULT_MAX_SIDE = 8192;

    private static final Map<DecodeHintType, Object> HINTS = hints();

    private final long budgetNanos;
    private final FrameImageReader imageReader;
    private final List<DecodeStrategy> strategies;
    private final LongSupplier nanoTime;

    public FrameDecoder() {
        this(DEFAULT_BUDGET);
    }

    public FrameDecoder(Duration budget) {
        this(budget, DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE, DefaultStrategies.inOrder(), System::nanoTime);
    }

    FrameDecoder(Duration budget, long maxPixels, int maxSide, List<DecodeStrategy> strategies, LongSupplier nanoTime) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive");
        }
        this.budgetNanos = budget.toNanos();
        this.imageReader = new FrameImageReader(maxPixels, maxSide);
        this.strategies = List.copyOf(strategies);
        this.nanoTime = nanoTime;
    }

    /**
     * Decodes the QR code in a JPEG or PNG frame. Not finding one is a normal outcome, not an exception.
     * The budget, which counts from the call and so includes reading the image, is checked before every
     * attempt but the first; an attempt under way is not interrupted, so the answer can come one attempt
     * (tens of milliseconds on a 1280x720 frame) after the budget.
     *
     * @throws NotAnImageException when the bytes are not a readable JPEG or PNG, or the image is too large
     */
    public DecodeResult decode(byte[] imageBytes) throws NotAnImageException {
        long start = nanoTime.getAsLong();
        FrameViews frame = new FrameViews(GrayImage.of(imageReader.read(imageBytes)));
        int attempts = 0;
        for (DecodeStrategy strategy : strategies) {
            Iterator<LuminanceSource> candidates = strategy.candidates(frame).iterator();
            while (true) {
                // Checked before preparing the next image and again before decoding it: both take time.
                // The first attempt, the cheap one that reads most frames, is always made.
                if (attempts > 0 && spent(start)) {
                    return DecodeResult.notFound(since(start), attempts, true);
                }
                if (!candidates.hasNext()) {
                    break;
                }
                LuminanceSource candidate = candidates.next();
                if (attempts > 0 && spent(start)) {
                    return DecodeResult.notFound(since(start), attempts, true);
                }
                attempts++;
                Optional<DecodeResult> found = attempt(strategy, candidate, start, attempts, nanoTime);
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        return DecodeResult.notFound(since(start), attempts, false);
    }

    /** The strategy's name, with "+corner-search" when the code was only read by searching its fourth corner. */
    private static Optional<DecodeResult> attempt(DecodeStrategy strategy, LuminanceSource source, long start,
            int attempts, LongSupplier nanoTime) {
        try {
            QrGridReader.Reading reading = QrGridReader.read(new BinaryBitmap(strategy.binarize(source)), HINTS);
            String name = reading.cornerSearched() ? strategy.name() + "+corner-search" : strategy.name();
            return Optional.of(DecodeResult.found(reading.text(), name,
                    Duration.ofNanos(nanoTime.getAsLong() - start), attempts));
        } catch (ReaderException notFoundOrUnreadable) {
            return Optional.empty();
        }
    }

    private boolean spent(long start) {
        return nanoTime.getAsLong() - start >= budgetNanos;
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        // Skip fewer rows while looking for finder patterns: slower, but finds small and tilted codes.
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        return Map.copyOf(hints);
    }
}
