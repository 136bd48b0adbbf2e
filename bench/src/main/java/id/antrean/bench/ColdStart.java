package id.antrean.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The server as a receptionist starts it in the morning: {@code java -jar server.jar} with no
 * {@code DATABASE_URL}, so it starts its embedded PostgreSQL. Timed from launch to {@code /health} = 200,
 * on a fresh data directory (first start: unpack PostgreSQL, initdb, migrate, seed) and on the same one again.
 */
public final class ColdStart {
    /** Seconds to healthy, and resident memory right after (JVM; PostgreSQL's processes together). */
    public record Result(String name, double seconds, long jvmRssKb, long postgresRssKb) {
        @Override
        public String toString() {
            return "%s: healthy in %.2f s; memory at rest: JVM %d MB, PostgreSQL %d MB"
                    .formatted(name, seconds, jvmRssKb / 1024, postgresRssKb / 1024);
        }
    }

    private ColdStart() {
    }

    public static List<Result> run(Path workDir) {
        Path data = workDir.resolve("cold-start-data");
        return List.of(once("first start (fresh DATA_DIR)", data, workDir),
                once("restart (existing DATA_DIR)", data, workDir),
                afterKillNine(data, workDir));
    }

    /** The server killed with kill -9 (its PostgreSQL left running), then started again at once. */
    private static Result afterKillNine(Path data, Path workDir) {
        try (ServerProcess killed = ServerProcess.launch(ServerProcess.env(null, data),
                workDir.resolve("cold-start.log"))) {
            killed.awaitHealthy(Duration.ofSeconds(120));
            killed.kill9();
        }
        return once("start after kill -9 (orphaned PostgreSQL stopped first)", data, workDir);
    }

    private static Result once(String name, Path data, Path workDir) {
        long start = System.nanoTime();
        try (ServerProcess server = ServerProcess.launch(ServerProcess.env(null, data),
                workDir.resolve("cold-start.log"))) {
            server.awaitHealthy(Duration.ofSeconds(120));
            double seconds = (System.nanoTime() - start) / 1e9;
            // Right after /health answers: what the server holds before the first patient comes.
            return new Result(name, seconds, rssKb(server.pid()), postgresRssKb(data));
        }
    }

    /** RSS counts shared buffers in each of PostgreSQL's processes, so the sum overstates a little. */
    static long postgresRssKb(Path data) {
        return Postgres.processIds(data).map(ColdStart::rssKb).sum();
    }

    /** VmRSS of a process from /proc, in kB; 0 when unknown. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
