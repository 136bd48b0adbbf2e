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
    /** Nor is a strip longer than this on either side. */
    public static final int DEFAULT_MAX_SIDE = 8192;

    /** The smallest QR code has 21 modules a side: a smaller image cannot hold one. */
    private static final int MIN_SIDE = 21;
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
        GrayImage image = GrayImage.of(imageReader.read(imageBytes));
        if (image.width() < MIN_SIDE || image.height() < MIN_SIDE) {
            return DecodeResult.notFound(since(start), 0, false);
        }
        FrameViews frame = new FrameViews(image);
        int attempts = 0;
        for (DecodeStrategy strategy : strategies) {
            Iterator<LuminanceSource> candidates = strategy.candidates(frame).iterator();
            // Checked before preparing each image and again before decoding it: both take time.
            while (withinBudget(start, attempts) && candidates.hasNext()) {
                LuminanceSource candidate = candidates.next();
                if (!withinBudget(start, attempts)) {
                    break;
                }
                attempts++;
                Optional<QrGridReader.Reading> reading = read(strategy, candidate);
                if (reading.isPresent()) {
                    return DecodeResult.found(reading.get().text(), nameOf(strategy, reading.get()), since(start),
                            attempts);
                }
            }
            if (!withinBudget(start, attempts)) {
                return DecodeResult.notFound(since(start), attempts, true);
            }
        }
        return DecodeResult.notFound(since(start), attempts, false);
    }

    private static Optional<QrGridReader.Reading> read(DecodeStrategy strategy, LuminanceSource source) {
        try {
            return Optional.of(QrGridReader.read(new BinaryBitmap(strategy.binarize(source)), HINTS));
        } catch (ReaderException notFoundOrUnreadable) {
            return Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException zxingTrippedOnOddGeometry) {
            // zxing's detectors throw these now and then on degenerate finder-pattern geometry; one failed
            // attempt must not fail the whole frame, so it counts as not read and the next attempt goes on.
            return Optional.empty();
        }
    }

    /** The strategy's name, with "+corner-search" when the code was only read by searching its fourth corner. */
    private static String nameOf(DecodeStrategy strategy, QrGridReader.Reading reading) {
        return reading.cornerSearched() ? strategy.name() + "+corner-search" : strategy.name();
    }

    /** The first attempt, the cheap one that reads most frames, is always made, whatever the budget. */
    private boolean withinBudget(long start, int attempts) {
        return attempts == 0 || nanoTime.getAsLong() - start < budgetNanos;
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
