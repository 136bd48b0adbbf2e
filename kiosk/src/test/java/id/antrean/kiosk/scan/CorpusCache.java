package id.antrean.kiosk.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The generated corpus kept in {@code target/} between runs: rendering 308 frames costs most of the kiosk's test
 * time, and the same seed always draws the same bytes. A cache is used only when its key matches: the generator's
 * version ({@link ScanCorpus#GENERATOR_VERSION}), the seed, the JDK (it encodes the JPEGs) and the bytecode of the
 * classes that draw the frames, so a change to the generator regenerates even if nobody bumps the version. The
 * file set must be the plan's, every file present; otherwise the corpus is generated again.
 */
final class CorpusCache {
    static final String INDEX = "corpus-index.tsv";

    /** Everything that decides what a frame looks like. */
    private static final List<Class<?>> GENERATOR = List.of(ScanCorpus.class, CameraScene.class,
            PhoneScreenshot.class, Homography.class, CorpusPayload.class, Distortion.class, CorpusFrame.class);

    private CorpusCache() {
    }

    /** The cached corpus when it is the one {@code seed} would generate, else a fresh one, written for next time. */
    static List<CorpusFrame> load(Path directory, long seed, List<String> expectedFiles) {
        String key = key(seed);
        List<CorpusFrame> cached = read(directory, key, expectedFiles);
        if (cached != null) {
            return cached;
        }
        try {
            // Gone before the frames change, so a run stopped half-way never leaves a matching index behind.
            Files.deleteIfExists(directory.resolve(INDEX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CorpusFrame> frames = ScanCorpus.generate(seed);
        ScanCorpus.write(frames, directory);
        write(directory, key, frames);
        return frames;
    }

    static String key(long seed) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Class<?> type : GENERATOR) {
                try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                    if (in != null) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return "version=" + ScanCorpus.GENERATOR_VERSION + " seed=" + Long.toHexString(seed)
                    + " jdk=" + Runtime.version() + " classes=" + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<CorpusFrame> read(Path directory, String key, List<String> expectedFiles) {
        Path index = directory.resolve(INDEX);
        try {
            if (!Files.exists(index) || !Files.exists(directory.resolve(ScanCorpus.MANIFEST))) {
                return null;
            }
            List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.getFirst().equals(key) || lines.size() - 1 != expectedFiles.size()) {
                return null;
            }
            Map<String, ScanCorpus.Category> categories = ScanCorpus.PLAN.stream()
                    .collect(Collectors.toMap(ScanCorpus.Category::name, Function.identity()));
            List<CorpusFrame> frames = new ArrayList<>(expectedFiles.size());
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                Path jpeg = directory.resolve(f[0]);
                ScanCorpus.Category category = categories.get(f[1]);
                if (f.length != 7 || !f[0].equals(expectedFiles.get(i - 1)) || category == null
                        || !Files.isRegularFile(jpeg)) {
                    return null;
                }
                CorpusPayload payload = new CorpusPayload(f[2], decode(f[5]), ScanPayload.Kind.valueOf(f[3]), f[4]);
                frames.add(new CorpusFrame(f[0], f[1], category.distortions(), payload, f[6], Files.readAllBytes(jpeg)));
            }
            return frames;
        } catch (IOException | RuntimeException e) {
            // A damaged cache is only a reason to generate again.
            return null;
        }
    }

    static void write(Path directory, String key, List<CorpusFrame> frames) {
        List<String> lines = new ArrayList<>(frames.size() + 1);
        lines.add(key);
        for (CorpusFrame frame : frames) {
            CorpusPayload p = frame.payload();
            lines.add(String.join("\t", frame.file(), frame.category(), p.shape(), p.expectedKind().name(),
                    p.expectedValue(), encode(p.text()), frame.parameters()));
        }
        try {
            Files.write(directory.resolve(INDEX), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
