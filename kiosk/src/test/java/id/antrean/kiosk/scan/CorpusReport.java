package id.antrean.kiosk.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Decode rates and times over the corpus, by category, by distortion and overall, as a Markdown report. */
final class CorpusReport {
    private final List<CorpusOutcome> outcomes;
    private final Duration budget;

    CorpusReport(List<CorpusOutcome> outcomes, Duration budget) {
        this.outcomes = List.copyOf(outcomes);
        this.budget = budget;
    }

    /** Fraction read within the budget, among the outcomes that match. */
    double rateWithinBudget(Predicate<CorpusOutcome> which) {
        return rate(which, CorpusOutcome::readWithinBudget);
    }

    /** Fraction read at all (no budget), among the outcomes that match. */
    double rateAtAll(Predicate<CorpusOutcome> which) {
        return rate(which, CorpusOutcome::readAtAll);
    }

    private double rate(Predicate<CorpusOutcome> which, Predicate<CorpusOutcome> read) {
        List<CorpusOutcome> selected = outcomes.stream().filter(which).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no frame selected");
        }
        return (double) selected.stream().filter(read).count() / selected.size();
    }

    Duration maxWallTime() {
        return outcomes.stream().map(CorpusOutcome::wallTime).max(Duration::compareTo).orElseThrow();
    }

    Duration medianWallTime() {
        return percentile(outcomes, 0.5);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# QR decode rate over the synthetic scan corpus\n\n");
        md.append(String.format(Locale.ROOT, "%d frames (1280x720 JPEG), time budget %d ms per frame, Java %s, %d processors. "
                + "\"In budget\" is what the kiosk gets; \"at all\" retries frames whose budget ran out with no budget, "
                + "which shows what the strategies can read regardless of this machine's speed.%n%n",
                outcomes.size(), budget.toMillis(), Runtime.version(), Runtime.getRuntime().availableProcessors()));
        md.append(String.format(Locale.ROOT, "**Overall: %s in budget, %s at all; median %d ms, max %d ms per frame.**%n%n",
                percent(rateWithinBudget(o -> true)), percent(rateAtAll(o -> true)), medianWallTime().toMillis(),
                maxWallTime().toMillis()));

        md.append("## By category\n\n");
        // In corpus order: clean, each distortion alone, then the combinations.
        table(md, "category", outcomes.stream().collect(Collectors.groupingBy(o -> o.frame().category(),
                LinkedHashMap::new, Collectors.toList())));

        md.append("\n## By distortion (every frame that has it, alone or combined)\n\n");
        Map<String, List<CorpusOutcome>> byDistortion = new TreeMap<>();
        for (Distortion distortion : Distortion.values()) {
            byDistortion.put(distortion.label,
                    outcomes.stream().filter(o -> o.frame().distortions().contains(distortion)).toList());
        }
        table(md, "distortion", byDistortion);

        md.append("\n## By payload\n\n");
        table(md, "payload", outcomes.stream().collect(Collectors.groupingBy(o -> o.frame().payload().shape(),
                TreeMap::new, Collectors.toList())));

        md.append("\n## Which strategy read the frame (within budget)\n\n| strategy | frames |\n|---|---:|\n");
        outcomes.stream().filter(CorpusOutcome::readWithinBudget)
                .collect(Collectors.groupingBy(o -> o.budgeted().strategy(), TreeMap::new, Collectors.counting()))
                .forEach((strategy, count) -> md.append("| ").append(strategy).append(" | ").append(count).append(" |\n"));

        List<CorpusOutcome> unread = outcomes.stream().filter(o -> !o.readWithinBudget()).toList();
        md.append("\n## Frames not read within budget\n\n");
        if (unread.isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| file | read without budget | parameters |\n|---|---|---|\n");
            for (CorpusOutcome o : unread) {
                md.append("| ").append(o.frame().file()).append(" | ")
                        .append(o.readAtAll() ? "yes, by " + o.unlimited().strategy() + " in "
                                + o.unlimited().elapsed().toMillis() + " ms" : "no")
                        .append(" | ").append(o.frame().parameters()).append(" |\n");
            }
        }
        return md.toString();
    }

    private void table(StringBuilder md, String heading, Map<String, List<CorpusOutcome>> groups) {
        md.append("| ").append(heading).append(" | frames | in budget | rate | at all | median ms | max ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        groups.forEach((name, group) -> {
            long inBudget = group.stream().filter(CorpusOutcome::readWithinBudget).count();
            long atAll = group.stream().filter(CorpusOutcome::readAtAll).count();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %d | %d |%n", name, group.size(), inBudget,
                    percent((double) inBudget / group.size()), percent((double) atAll / group.size()),
                    percentile(group, 0.5).toMillis(), percentile(group, 1.0).toMillis()));
        });
    }

    private static Duration percentile(Collection<CorpusOutcome> group, double fraction) {
        List<Duration> times = new ArrayList<>(group.stream().map(CorpusOutcome::wallTime).sorted().toList());
        int index = (int) Math.ceil(fraction * times.size()) - 1;
        return times.get(Math.clamp(index, 0, times.size() - 1));
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
