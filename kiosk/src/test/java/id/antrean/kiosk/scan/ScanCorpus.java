package id.antrean.kiosk.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The photographed-screen corpus, made from scratch and deterministically (seeded), so that the decode rate
 * is a property of the code and not of whichever pictures someone had: clean frames, each distortion alone,
 * the combinations met at real kiosks, and three harsher ones that show where decoding gives out.
 *
 * <p>Strengths are drawn uniformly from the ranges the kiosk must cope with, not tuned to what the decoder
 * happens to read: any in-plane angle; tilt 10-30° about a random axis; Gaussian blur σ 1-3 px; glare peaking
 * at 50-80 % white over part of the code; screen contrast squeezed into 30-55 grey levels; a code 10-15 % of
 * the frame width (otherwise 20-30 %); JPEG quality 0.5-0.7 (otherwise 0.9); sensor noise σ 6-15 (otherwise
 * 2); three to six cracks. Every frame gets slight lens softness (σ 0.6) and a few degrees of hand tilt.
 */
final class ScanCorpus {
    static final Path DIRECTORY = Path.of("target", "scan-corpus");
    static final long SEED = 0x4A4B4E_2025L;
    static final String MANIFEST = "manifest.csv";
    /**
     * Bump when a change alters the frames without changing the generator's classes (a resource, a font). The
     * cache ({@link CorpusCache}) also notices changed bytecode on its own.
     */
    static final int GENERATOR_VERSION = 1;

    /** Generated once a run, and kept in {@link #DIRECTORY} between runs. */
    private static List<CorpusFrame> cached;

    /** A group of frames that share their distortions. */
    record Category(Set<Distortion> distortions, int frames) {
        String name() {
            return distortions.isEmpty() ? "clean"
                    : distortions.stream().map(d -> d.label).collect(Collectors.joining("+"));
        }
    }

    static final List<Category> PLAN = plan();

    private ScanCorpus() {
    }

    private static List<Category> plan() {
        List<Category> plan = new ArrayList<>();
        plan.add(new Category(EnumSet.noneOf(Distortion.class), 20));
        for (Distortion distortion : Distortion.values()) {
            plan.add(new Category(EnumSet.of(distortion), 16));
        }
        List<Set<Distortion>> combinations = List.of(
                EnumSet.of(Distortion.ROTATION, Distortion.PERSPECTIVE),
                EnumSet.of(Distortion.PERSPECTIVE, Distortion.BLUR),
                EnumSet.of(Distortion.DARK_MODE, Distortion.ROTATION),
                EnumSet.of(Distortion.DARK_MODE, Distortion.LOW_CONTRAST),
                EnumSet.of(Distortion.SMALL, Distortion.JPEG),
                EnumSet.of(Distortion.SMALL, Distortion.DARK_MODE),
                EnumSet.of(Distortion.SMALL, Distortion.BLUR),
                EnumSet.of(Distortion.GLARE, Distortion.PERSPECTIVE),
                EnumSet.of(Distortion.CRACKED, Distortion.GLARE),
                EnumSet.of(Distortion.LOW_CONTRAST, Distortion.NOISE),
                EnumSet.of(Distortion.BLUR, Distortion.NOISE, Distortion.JPEG),
                EnumSet.of(Distortion.ROTATION, Distortion.PERSPECTIVE, Distortion.BLUR, Distortion.JPEG),
                EnumSet.of(Distortion.DARK_MODE, Distortion.PERSPECTIVE, Distortion.GLARE, Distortion.NOISE),
                // Beyond what a kiosk should expect, to show where decoding gives out.
                EnumSet.of(Distortion.SMALL, Distortion.BLUR, Distortion.NOISE, Distortion.JPEG),
                EnumSet.of(Distortion.SMALL, Distortion.PERSPECTIVE, Distortion.DARK_MODE, Distortion.LOW_CONTRAST),
                EnumSet.of(Distortion.ROTATION, Distortion.PERSPECTIVE, Distortion.GLARE, Distortion.CRACKED,
                        Distortion.NOISE));
        for (Set<Distortion> combination : combinations) {
            plan.add(new Category(combination, 8));
        }
        return List.copyOf(plan);
    }

    /** The corpus of {@link #SEED}, from {@code target/} when an earlier run left the same one there. */
    static synchronized List<CorpusFrame> cached() {
        if (cached == null) {
            cached = CorpusCache.load(DIRECTORY, SEED, fileNames());
        }
        return cached;
    }

    /** Every frame of the plan, rendered in parallel but each from its own seed, so always the same bytes. */
    static List<CorpusFrame> generate() {
        return generate(SEED);
    }

    /** The same plan from another seed: a held-out corpus, to check the strategies were not fitted to one. */
    static List<CorpusFrame> generate(long seed) {
        List<int[]> slots = new ArrayList<>();
        for (int c = 0; c < PLAN.size(); c++) {
            for (int i = 0; i < PLAN.get(c).frames(); i++) {
                slots.add(new int[] {c, i});
            }
        }
        return IntStream.range(0, slots.size()).parallel()
                .mapToObj(n -> render(seed, n, PLAN.get(slots.get(n)[0]), slots.get(n)[1]))
                .toList();
    }

    /** The files the plan makes, in order, known without rendering a frame. */
    static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (Category category : PLAN) {
            for (int i = 0; i < category.frames(); i++) {
                names.add(fileName(names.size(), category, shapeOf(i)));
            }
        }
        return names;
    }

    private static String shapeOf(int indexInCategory) {
        return CorpusPayload.SHAPES.get(indexInCategory % CorpusPayload.SHAPES.size());
    }

    private static String fileName(int number, Category category, String shape) {
        return String.format(Locale.ROOT, "%03d-%s-%s.jpg", number, category.name(), shape);
    }

    private static CorpusFrame render(long seed, int number, Category category, int indexInCategory) {
        Random random = new Random(seed * 31 + number);
        Set<Distortion> d = category.distortions();
        String shape = shapeOf(indexInCategory);
        CorpusPayload payload = CorpusPayload.of(shape, random);
        List<String> parameters = new ArrayList<>();

        PhoneScreenshot.Rendered phone = PhoneScreenshot.render(payload.text(), d.contains(Distortion.DARK_MODE),
                d.contains(Distortion.LOW_CONTRAST), d.contains(Distortion.CRACKED), random);

        boolean small = d.contains(Distortion.SMALL);
        double qrSide = CameraScene.WIDTH * (small ? uniform(random, 0.10, 0.15) : uniform(random, 0.20, 0.30));
        double spreadX = small ? 220 : 80;
        double spreadY = small ? 120 : 50;
        double rotation = d.contains(Distortion.ROTATION) ? uniform(random, 0, 360) : uniform(random, -6, 6);
        double tilt = d.contains(Distortion.PERSPECTIVE) ? uniform(random, 10, 30) : uniform(random, 0, 4);
        CameraScene.Pose pose = new CameraScene.Pose(
                CameraScene.WIDTH / 2.0 + uniform(random, -spreadX, spreadX),
                CameraScene.HEIGHT / 2.0 + uniform(random, -spreadY, spreadY),
                qrSide, rotation, tilt, uniform(random, 0, 180));
        parameters.add(String.format(Locale.ROOT, "qr=%.0fpx rot=%.1f tilt=%.1f@%.0f", qrSide, rotation, tilt,
                pose.tiltAxisDeg()));

        int[] frame = CameraScene.room(random);
        CameraScene.placePhone(frame, phone, pose);
        if (d.contains(Distortion.GLARE)) {
            double peak = uniform(random, 0.5, 0.8);
            CameraScene.glare(frame, pose.qrCentreX() + uniform(random, -0.25, 0.25) * qrSide,
                    pose.qrCentreY() + uniform(random, -0.25, 0.25) * qrSide, qrSide * uniform(random, 0.25, 0.45),
                    qrSide * uniform(random, 0.15, 0.3), uniform(random, 0, 180), peak);
            parameters.add(String.format(Locale.ROOT, "glare=%.2f", peak));
        }
        // Even a "clean" photo went through a lens: a slight softness is always there.
        double sigma = d.contains(Distortion.BLUR) ? uniform(random, 1, 3) : 0.6;
        CameraScene.blur(frame, sigma);
        parameters.add(String.format(Locale.ROOT, "blur=%.2f", sigma));
        double noise = d.contains(Distortion.NOISE) ? uniform(random, 6, 15) : 2;
        CameraScene.noise(frame, noise, random);
        parameters.add(String.format(Locale.ROOT, "noise=%.1f", noise));
        float quality = d.contains(Distortion.JPEG) ? (float) uniform(random, 0.5, 0.7) : 0.9f;
        parameters.add(String.format(Locale.ROOT, "jpeg=%.2f", quality));
        if (d.contains(Distortion.DARK_MODE)) {
            parameters.add("dark");
        }
        if (d.contains(Distortion.LOW_CONTRAST)) {
            parameters.add("low-contrast");
        }
        if (d.contains(Distortion.CRACKED)) {
            parameters.add("cracked");
        }

        String file = fileName(number, category, shape);
        return new CorpusFrame(file, category.name(), d, payload, String.join(" ", parameters),
                CameraScene.jpeg(frame, quality));
    }

    private static double uniform(Random random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** The JPEGs and a manifest (CSV) saying what each holds and how it was made. */
    static void write(List<CorpusFrame> frames, Path directory) {
        try {
            Files.createDirectories(directory);
            List<String> manifest = new ArrayList<>();
            manifest.add("file,category,payload_shape,expected_kind,expected_value,qr_text,parameters");
            for (CorpusFrame frame : frames) {
                Files.write(directory.resolve(frame.file()), frame.jpeg());
                manifest.add(String.join(",", Arrays.asList(frame.file(), frame.category(), frame.payload().shape(),
                        frame.payload().expectedKind().name(), frame.payload().expectedValue(),
                        csv(frame.payload().text()), frame.parameters())));
            }
            Files.write(directory.resolve(MANIFEST), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
