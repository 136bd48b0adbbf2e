package id.antrean.drills;

import id.antrean.bench.BenchMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the drills share: their size and where they keep their databases and logs. */
final class Drill {
    private Drill() {
    }

    /** {@code base} times {@code -Ddrill.scale} (1 by default, what CI runs; more for a long run). */
    static int times(int base) {
        return base * Math.max(1, Integer.getInteger("drill.scale", 1));
    }

    /** A fresh {@code target/drills/<drill>}: kept after the run so that the server's log can be read. */
    static Path workDir(Class<?> drill) throws IOException {
        Path dir = Path.of("target", "drills", drill.getSimpleName()).toAbsolutePath();
        BenchMain.deleteTree(dir);
        return Files.createDirectories(dir);
    }
}
