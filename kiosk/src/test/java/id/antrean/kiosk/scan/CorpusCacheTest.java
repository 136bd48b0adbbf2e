package id.antrean.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.kiosk.scan.ScanPayload.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusCacheTest {
    private static final ScanCorpus.Category CLEAN = ScanCorpus.PLAN.getFirst();
    private static final ScanCorpus.Category LAST = ScanCorpus.PLAN.getLast();

    private static List<CorpusFrame> twoFrames() {
        return List.of(
                new CorpusFrame("000-clean-card.jpg", CLEAN.name(), CLEAN.distortions(),
                        new CorpusPayload("card", "0001234567890", Kind.CARD, "0001234567890"), "qr=300px blur=0.60",
                        new byte[] {1, 2, 3}),
                new CorpusFrame("001-last-json.jpg", LAST.name(), LAST.distortions(),
                        new CorpusPayload("json", "{\"noKartu\":\"0001234567890\",\n\t\"nama\":\"BUDI S\"}", Kind.CARD,
                                "0001234567890"), "qr=120px cracked", new byte[] {4, 5}));
    }

    private static List<String> names(List<CorpusFrame> frames) {
        return frames.stream().map(CorpusFrame::file).toList();
    }

    @Test
    void whatWasWrittenIsReadBackWhenTheKeyAndTheFilesMatch(@TempDir Path dir) throws Exception {
        List<CorpusFrame> frames = twoFrames();
        ScanCorpus.write(frames, dir);
        CorpusCache.write(dir, "key", frames);

        List<CorpusFrame> read = CorpusCache.read(dir, "key", names(frames));

        assertThat(read).hasSize(2);
        for (int i = 0; i < frames.size(); i++) {
            CorpusFrame expected = frames.get(i);
            CorpusFrame actual = read.get(i);
            assertThat(actual).usingRecursiveComparison().ignoringFields("jpeg").isEqualTo(expected);
            assertThat(actual.jpeg()).isEqualTo(expected.jpeg());
        }
    }

    @Test
    void anotherKeyAnotherFileSetOrAMissingFileMeansGeneratingAgain(@TempDir Path dir) throws Exception {
        List<CorpusFrame> frames = twoFrames();
        ScanCorpus.write(frames, dir);
        CorpusCache.write(dir, "key", frames);

        assertThat(CorpusCache.read(dir, "another key", names(frames))).isNull();
        assertThat(CorpusCache.read(dir, "key", List.of("000-clean-card.jpg"))).isNull();
        assertThat(CorpusCache.read(dir, "key", List.of("000-clean-card.jpg", "001-other.jpg"))).isNull();
        Files.delete(dir.resolve("001-last-json.jpg"));
        assertThat(CorpusCache.read(dir, "key", names(frames))).isNull();
    }

    @Test
    void theKeyFollowsTheSeedAndTheGeneratorVersion() {
        assertThat(CorpusCache.key(ScanCorpus.SEED)).isEqualTo(CorpusCache.key(ScanCorpus.SEED))
                .isNotEqualTo(CorpusCache.key(ScanCorpus.SEED + 1))
                .contains("version=" + ScanCorpus.GENERATOR_VERSION);
    }

    @Test
    void thePlanNamesItsFilesWithoutRenderingThem() {
        List<String> names = ScanCorpus.fileNames();
        assertThat(names).hasSize(ScanCorpus.PLAN.stream().mapToInt(ScanCorpus.Category::frames).sum())
                .doesNotHaveDuplicates();
        assertThat(names.getFirst()).isEqualTo("000-clean-card.jpg");
    }
}
