package id.antrean.kiosk.scan;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Tuning aid, off by default ({@code -Dscan.matrix=true}): which strategy, alone and without a budget,
 * decodes which corpus category, and how long it takes on average. Used to choose and order strategies.
 */
@EnabledIfSystemProperty(named = "scan.matrix", matches = "true")
class QrStrategyMatrixTest {

    @Test
    void printsWhichStrategyDecodesWhichCategory() throws Exception {
        List<CorpusFrame> corpus = ScanCorpus.cached();
        List<DecodeStrategy> strategies = DefaultStrategies.inOrder();
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < strategies.size(); s++) {
            out.append(String.format(Locale.ROOT, "#%d = %s%n", s, strategies.get(s).name()));
        }
        out.append(String.format(Locale.ROOT, "%-36s", "category"));
        for (int s = 0; s < strategies.size(); s++) {
            out.append(String.format(Locale.ROOT, " %5s", "#" + s));
        }
        out.append("   any\n");
        long[] totalNanos = new long[strategies.size()];
        int[] tried = new int[strategies.size()];
        int[] cornerSearched = new int[strategies.size()];
        StringBuilder undecoded = new StringBuilder();
        String only = System.getProperty("scan.matrix.only", "");
        for (ScanCorpus.Category category : ScanCorpus.PLAN) {
            if (!only.isEmpty() && !category.name().matches(only)) {
                continue;
            }
            List<CorpusFrame> frames = corpus.stream().filter(f -> f.category().equals(category.name())).toList();
            int[] hits = new int[strategies.size()];
            int any = 0;
            for (CorpusFrame frame : frames) {
                boolean decoded = false;
                for (int s = 0; s < strategies.size(); s++) {
                    FrameDecoder alone = new FrameDecoder(Duration.ofSeconds(30), FrameDecoder.DEFAULT_MAX_PIXELS,
                            FrameDecoder.DEFAULT_MAX_SIDE, List.of(strategies.get(s)), System::nanoTime);
                    DecodeResult result = alone.decode(frame.jpeg());
                    totalNanos[s] += result.elapsed().toNanos();
                    tried[s]++;
                    if (result.found() && !result.text().equals(frame.payload().text())) {
                        throw new AssertionError("misread " + frame.file() + " by " + result.strategy());
                    }
                    if (result.found() && result.strategy().endsWith("corner-search")) {
                        cornerSearched[s]++;
                    }
                    if (result.found()) {
                        hits[s]++;
                        decoded = true;
                    }
                }
                any += decoded ? 1 : 0;
                if (!decoded) {
                    undecoded.append("undecoded: ").append(frame.file()).append(' ').append(frame.parameters()).append('\n');
                }
            }
            out.append(String.format(Locale.ROOT, "%-36s", category.name()));
            for (int hit : hits) {
                out.append(String.format(Locale.ROOT, " %5d", hit));
            }
            out.append(String.format(Locale.ROOT, "  %d/%d%n", any, frames.size()));
        }
        out.append(String.format(Locale.ROOT, "%-36s", "mean ms per frame"));
        for (int s = 0; s < strategies.size(); s++) {
            out.append(String.format(Locale.ROOT, " %5.0f", totalNanos[s] / 1e6 / tried[s]));
        }
        out.append(String.format(Locale.ROOT, "%n%-36s", "of which by corner search"));
        for (int c : cornerSearched) {
            out.append(String.format(Locale.ROOT, " %5d", c));
        }
        System.out.println(out.append('\n').append(undecoded));
    }
}
