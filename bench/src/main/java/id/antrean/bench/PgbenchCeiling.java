package id.antrean.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's ceiling for the issuance transaction: pgbench running the script {@link IssuanceScript} generates
 * from the server's SQL constants (what one issuance does, statement for statement) against the same PostgreSQL
 * the server uses.
 */
public final class PgbenchCeiling {
    /** pgbench's own figures. */
    /** pgbench's own figures, and PostgreSQL's CPU time per transaction (from /proc: the same on a busy machine). */
    public record Result(String name, double tps, double latencyAverageMs, long transactions, long failed,
                         double postgresCpuMsPerTransaction) {
        @Override
        public String toString() {
            return "%s: %.0f tx/s, average latency %.1f ms (%d transactions, %d failed); PostgreSQL CPU %.2f ms per transaction"
                    .formatted(name, tps, latencyAverageMs, transactions, failed, postgresCpuMsPerTransaction);
        }
    }

    private PgbenchCeiling() {
    }

    /** Whether pgbench is installed (Debian: postgresql-client / postgresql-contrib). */
    public static boolean available() {
        try {
            return new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The ceiling of today's issuance ({@link IssuanceScript#script()}). */
    public static Result run(String name, Postgres db, int facilities, boolean hot, int clients, Duration duration,
                             Path workDir) {
        return run(name, IssuanceScript.script(), db, facilities, hot, clients, duration, workDir);
    }

    /** The ceiling of a given issuance script (today's, or the old one for the side-by-side). */
    public static Result run(String name, String issuance, Postgres db, int facilities, boolean hot, int clients,
                             Duration duration, Path workDir) {
        return run(name, issuance, db, facilities, hot, clients, 0, duration, workDir);
    }

    /**
     * As {@link #run(String, String, Postgres, int, boolean, int, Duration, Path)}, at most {@code rate}
     * transactions a second (0: as fast as it can): PostgreSQL's CPU per transaction at the HTTP line's rate, where
     * commits share fewer WAL flushes than at the ceiling.
     */
    public static Result run(String name, String issuance, Postgres db, int facilities, boolean hot, int clients,
                             int rate, Duration duration, Path workDir) {
        try {
            Path script = workDir.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".pgbench");
            Files.createDirectories(workDir);
            IssuanceScript.write(script, issuance);
            List<String> command = new java.util.ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-h", "localhost",
                    "-p", Integer.toString(db.port()), "-U", "postgres",
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 4)),
                    "-T", Long.toString(duration.toSeconds()),
                    "-D", "facilities=" + facilities, "-D", "hot=" + (hot ? 1 : 0),
                    "-f", script.toString(), Postgres.DATABASE));
            if (rate > 0) {
                command.addAll(1, List.of("-R", Integer.toString(rate)));
            }
            long cpuBefore = CpuMeter.postgresWithExited(db.dataDir());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            // The backends have gone when pgbench has: give the postmaster a moment to reap them.
            long[] cpu = {-1};
            Deadline.await(Duration.ofSeconds(2), () -> {
                long now = CpuMeter.postgresWithExited(db.dataDir());
                boolean settled = now == cpu[0];
                cpu[0] = now;
                return settled;
            });
            long cpuAfter = cpu[0];
            Files.writeString(workDir.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".pgbench.txt"), output);
            return new Result(name, number(output, "tps = ([0-9.]+)"), number(output, "latency average = ([0-9.]+) ms"),
                    (long) number(output, "number of transactions actually processed: ([0-9]+)"),
                    output.contains("number of failed transactions")
                            ? (long) number(output, "number of failed transactions: ([0-9]+)") : 0,
                    CpuMeter.ms(cpuAfter - cpuBefore)
                            / Math.max(1, number(output, "number of transactions actually processed: ([0-9]+)")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no " + regex + ":\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }
}
