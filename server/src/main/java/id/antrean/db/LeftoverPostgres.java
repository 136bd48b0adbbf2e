package id.antrean.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL processes left from an earlier life of this data directory. A server killed with {@code kill -9} (a
 * power button, an impatient technician) leaves its postmaster running, holding the data; a postmaster killed on
 * its own leaves backends behind for a moment. Neither may stop the next start. Called only while this server
 * holds the data directory's lock, so whatever runs our binaries is an orphan.
 */
final class LeftoverPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostgres.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private LeftoverPostgres() {
    }

    static void stop(Path binariesRoot, Path pgData) {
        Optional<ProcessHandle> postmaster = PostmasterPidFile.read(pgData)
                .flatMap(file -> ProcessHandle.of(file.pid()))
                .filter(process -> runsFrom(process, binariesRoot) || servesDataDirectory(process, pgData));
        postmaster.ifPresent(process -> {
            LOG.warn("PostgreSQL (pid {}) is still running from an earlier run of the server; stopping it cleanly",
                    process.pid());
            Postmaster.stop(process);
        });
        List<ProcessHandle> strays = ProcessHandle.allProcesses()
                .filter(process -> runsFrom(process, binariesRoot))
                .toList();
        if (!strays.isEmpty()) {
            LOG.warn("Ending {} PostgreSQL process(es) left behind by a postmaster that died", strays.size());
            strays.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle stray : strays) {
                if (!Postmaster.awaitExit(stray, KILL_WAIT)) {
                    LOG.warn("PostgreSQL process {} did not end", stray.pid());
                }
            }
        }
    }

    /**
     * Runs the server program unpacked under this data directory's binaries folder (so it can only be ours). Other
     * programs of the distribution, e.g. a {@code pg_dump} taking a backup, are not the server's leftovers.
     */
    private static boolean runsFrom(ProcessHandle process, Path binariesRoot) {
        return process.info().command().map(Path::of)
                .filter(command -> command.startsWith(binariesRoot) && command.endsWith(Path.of("bin", "postgres")))
                .isPresent();
    }

    /** A postmaster of this data directory started from elsewhere (binaries of an older version of the server). */
    private static boolean servesDataDirectory(ProcessHandle process, Path pgData) {
        return process.info().command().filter(command -> command.endsWith("/postgres")).isPresent()
                && process.info().commandLine().filter(line -> line.contains(pgData.toString())).isPresent();
    }
}
