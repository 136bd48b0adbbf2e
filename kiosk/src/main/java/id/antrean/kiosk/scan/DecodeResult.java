package id.antrean.kiosk.scan;

import java.time.Duration;
import java.util.Optional;

/**
 * What came of one frame: the decoded text (null when no code was found), which strategy found it, and
 * what it cost. {@link #toString()} never shows the text: it may hold a card number or a NIK.
 *
 * @param text            the QR code's text, or null
 * @param strategy        name of the strategy that decoded it, or null
 * @param elapsed         from receiving the bytes to the answer, image decoding included
 * @param attempts        zxing decode calls made
 * @param budgetExhausted true when strategies were left untried because time ran out
 */
public record DecodeResult(String text, String strategy, Duration elapsed, int attempts, boolean budgetExhausted) {

    static DecodeResult found(String text, String strategy, Duration elapsed, int attempts) {
        return new DecodeResult(text, strategy, elapsed, attempts, false);
    }

    static DecodeResult notFound(Duration elapsed, int attempts, boolean budgetExhausted) {
        return new DecodeResult(null, null, elapsed, attempts, budgetExhausted);
    }

    public boolean found() {
        return text != null;
    }

    /** The classified content, when a code was found. */
    public Optional<ScanPayload> payload() {
        return found() ? Optional.of(ScanPayload.classify(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        String outcome = found() ? "found by " + strategy + " (" + text.length() + " chars)"
                : budgetExhausted ? "not found, budget spent" : "not found";
        return "DecodeResult[" + outcome + ", " + elapsed.toMillis() + " ms, " + attempts + " attempts]";
    }
}
