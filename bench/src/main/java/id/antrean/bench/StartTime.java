package id.antrean.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start alone (issue #18, section 3): a district server on an external PostgreSQL with N facilities
 * ({@link FacilityFleet}), migrated by a first start, seeded, then started again {@code runs} times, each timed
 * from launch to {@code /health} = 200, with the CPU the JVM used by then and the load average before each. No idle, screen or issuance phase:
 * the quick way to see whether a change to start-up helped ({@code BENCH_START_RUNS}, default 3).
 */
final class StartTime {
    /** Seconds from launch to healthy, and the CPU the JVM had used by then (less sensitive to a shared machine). */
    record Run(double seconds, double cpuSeconds, String load) {
    }

    record Result(int facilities, List<Run> runs) {
        String line() {
            List<String> each = new ArrayList<>();
            for (Run r : runs) {
                each.add(String.format(Locale.ROOT, "%.2f s, %.2f s CPU (load %s)", r.seconds(), r.cpuSeconds(), r.load()));
            }
            double best = runs.stream().mapToDouble(Run::seconds).min().orElse(Double.NaN);
            return String.format(Locale.ROOT, "%d facilities: start against the seeded database healthy in %s; best %.2f s",
                    facilities, String.join(", ", each), best);
        }
    }

    private StartTime() {
    }

    static Result measure(Path work, int facilities, int runs) {
        Path dir = work.resolve("start-" + facilities);
        try (Postgres db = Postgres.start(dir.resolve("postgres"))) {
            var env = ServerProcess.env(db.url(), dir.resolve("server-data"));
            // First start: migrations and the demo; then the district's facilities.
            ServerProcess.start(env, dir.resolve("server.log")).close();
            FacilityFleet.seed(db, facilities);
            List<Run> measured = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String load = loadAverage();
                long launched = System.nanoTime();
                try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"))) {
                    double seconds = (System.nanoTime() - launched) / 1e9;
                    measured.add(new Run(seconds, CpuMeter.ms(CpuMeter.ticks(server.pid())) / 1000, load));
                }
            }
            return new Result(facilities, measured);
        }
    }

    /** The machine's 1, 5 and 15 minute load averages: on a shared machine, how much to trust the timings. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
