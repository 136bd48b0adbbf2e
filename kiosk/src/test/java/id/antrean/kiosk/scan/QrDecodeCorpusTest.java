package id.antrean.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Decodes the whole synthetic corpus (see {@link ScanCorpus}; generated once, then kept in {@code target/} by
 * {@link CorpusCache}) as the kiosk would, with the default time budget, and writes the rates to
 * {@code target/scan-corpus/report.md}.
 *
 * <p>Floors on read rates use the "at all" outcome (frames whose budget ran out are retried without one),
 * so they measure the strategies and hold on slow CI machines; what the budget costs on this machine is in
 * the report. Clean frames and every distortion alone must all decode; over wider groups the floors sit a
 * few points under what was measured (the measured values are in the comments).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QrDecodeCorpusTest {
    private static final Duration BUDGET = FrameDecoder.DEFAULT_BUDGET;

    private List<CorpusOutcome> outcomes;
    private CorpusReport report;

    @BeforeAll
    void decodeTheWholeCorpus() throws NotAnImageException {
        List<CorpusFrame> corpus = ScanCorpus.cached();
        FrameDecoder decoder = new FrameDecoder(BUDGET);
        FrameDecoder unlimited = new FrameDecoder(Duration.ofMinutes(1));
        // Warm the JIT up first, so times measure decoding rather than class loading and the interpreter.
        for (CorpusFrame frame : corpus.subList(0, 10)) {
            decoder.decode(frame.jpeg());
        }
        outcomes = new ArrayList<>();
        for (CorpusFrame frame : corpus) {
            long start = System.nanoTime();
            DecodeResult budgeted = decoder.decode(frame.jpeg());
            Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
            DecodeResult withoutBudget = budgeted.budgetExhausted() ? unlimited.decode(frame.jpeg()) : budgeted;
            outcomes.add(new CorpusOutcome(frame, budgeted, wallTime, withoutBudget));
        }
        report = new CorpusReport(outcomes, BUDGET);
        report.writeTo(ScanCorpus.DIRECTORY.resolve("report.md"));
        System.out.println(report.markdown());
    }

    @Test
    void corpusHasAtLeastTwoHundredFramesOfEveryKind() {
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(200);
        for (Distortion distortion : Distortion.values()) {
            assertThat(outcomes).filteredOn(o -> o.frame().distortions().equals(Set.of(distortion))).isNotEmpty();
        }
        assertThat(ScanCorpus.DIRECTORY.resolve("manifest.csv")).exists();
        assertThat(ScanCorpus.DIRECTORY.resolve(outcomes.getFirst().frame().file())).exists();
    }

    @Test
    void cleanScreenshotsAllDecodeWithinBudget() {
        assertThat(report.rateWithinBudget(o -> o.frame().clean())).isEqualTo(1.0);
    }

    @Test
    void everyDistortionAloneDecodes() {
        // Measured: 100% for each, here and on six other seeds (1,848 more frames).
        for (Distortion distortion : Distortion.values()) {
            assertThat(report.rateAtAll(o -> o.frame().distortions().equals(Set.of(distortion))))
                    .as(distortion.label + " alone")
                    .isEqualTo(1.0);
        }
    }

    @Test
    void darkModeScreenshotsDecode() {
        assertThat(report.rateAtAll(o -> o.frame().distortions().equals(Set.of(Distortion.DARK_MODE))))
                .isEqualTo(1.0);
        // Measured: 100% (56 frames), also combined with tilt, glare, noise, small and grey-on-grey.
        assertThat(report.rateAtAll(o -> o.frame().distortions().contains(Distortion.DARK_MODE)))
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void tiltedScreensDecodeEvenForVersionOneCodes() {
        // Measured: 100% (72 frames, tilts up to 30°).
        assertThat(report.rateAtAll(o -> o.frame().distortions().contains(Distortion.PERSPECTIVE)))
                .isGreaterThanOrEqualTo(0.95);
        // Bare card numbers and NIKs make version-1 codes, which zxing alone misreads at 20-30°.
        assertThat(outcomes).filteredOn(o -> o.frame().distortions().contains(Distortion.PERSPECTIVE))
                .anyMatch(o -> o.readAtAll() && o.unlimited().strategy().endsWith("+corner-search"));
    }

    @Test
    void greyOnGreyScreensDecode() {
        // Measured: 100% (40 frames).
        assertThat(report.rateAtAll(o -> o.frame().distortions().contains(Distortion.LOW_CONTRAST)))
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void combinedDistortionsMostlyDecode() {
        // Measured: 98.4% (126 of 128; the misses are small, blurred, noisy, low-quality JPEG codes).
        assertThat(report.rateAtAll(o -> o.frame().distortions().size() > 1)).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void nearlyEveryFrameDecodes() {
        // Measured: 99.4% here, 99.0-99.7% on six other seeds.
        assertThat(report.rateAtAll(o -> true)).isGreaterThanOrEqualTo(0.97);
        // Within the budget, with room for a CI machine two or three times slower than the one measured.
        assertThat(report.rateWithinBudget(o -> true)).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void whatIsDecodedIsExactlyWhatWasEncodedAndClassifiesAsExpected() {
        assertThat(outcomes).noneMatch(CorpusOutcome::misread);
        for (CorpusOutcome o : outcomes) {
            if (o.readAtAll()) {
                ScanPayload payload = o.unlimited().payload().orElseThrow();
                assertThat(payload.kind()).as(o.frame().file()).isEqualTo(o.frame().payload().expectedKind());
                assertThat(payload.value()).as(o.frame().file()).isEqualTo(o.frame().payload().expectedValue());
            }
        }
    }

    @Test
    void noFrameTakesMuchLongerThanTheBudget() {
        // An attempt under way is not interrupted, so the budget can be overrun by one attempt; three
        // budgets leave room for a slow CI machine. Speed itself is for benchmarks, not for this test.
        assertThat(report.maxWallTime()).isLessThanOrEqualTo(BUDGET.multipliedBy(3));
    }
}
