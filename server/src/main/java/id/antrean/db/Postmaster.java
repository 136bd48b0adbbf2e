package id.antrean.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of PostgreSQL's server process as a child of this JVM, listening on a Unix socket in a private folder
 * (and on 127.0.0.1 only when asked). Started directly, not through {@code pg_ctl}, so this JVM sees it die.
 */
final class Postmaster {
    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Process process;

    private Postmaster(Process process) {
        this.process = process;
    }

    /** Where it listens: its socket's folder and port (the socket file's name), and whether also on 127.0.0.1. */
    record Listening(Path socketDirectory, int port, boolean tcp) {
        Path socketFile() {
            return socketDirectory.resolve(".s.PGSQL." + port);
        }
    }

    /** Starts the server and waits until it accepts connections (after crash recovery, if it needs one). */
    static Postmaster start(PostgresBinaries binaries, Path pgData, Listening listening, Path log, Duration wait)
            throws IOException {
        List<String> command = new ArrayList<>(OsUser.unprivileged());
        command.addAll(List.of(binaries.program("postgres").toString(), "-D", pgData.toString(),
                "-c", "listen_addresses=" + (listening.tcp() ? "127.0.0.1" : ""),
                "-c", "port=" + listening.port(),
                "-c", "unix_socket_directories=\"" + listening.socketDirectory() + "\"",
                "-c", "unix_socket_permissions=0700",
                "-c", "password_encryption=scram-sha-256",
                "-c", "max_connections=300",
                // An acknowledged ticket must survive a power cut.
                "-c", "fsync=on",
                "-c", "synchronous_commit=on"));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Postmaster postmaster = new Postmaster(process);
        postmaster.awaitReady(pgData, wait, log);
        return postmaster;
    }

    long pid() {
        return process.pid();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** A fast shutdown (clients disconnected, a checkpoint written), forced when it takes too long. */
    void stop() {
        stop(process.toHandle());
    }

    /** Stops a postmaster this JVM may not have started (an orphan of an earlier run). */
    static void stop(ProcessHandle postmaster) {
        if (!postmaster.isAlive()) {
            return;
        }
        signal(postmaster.pid(), "INT");
        if (!awaitExit(postmaster, STOP_WAIT)) {
            LOG.warn("PostgreSQL (pid {}) did not stop within {} s; killing it", postmaster.pid(), STOP_WAIT.toSeconds());
            postmaster.destroyForcibly();
            awaitExit(postmaster, STOP_WAIT);
        }
    }

    /**
     * Whether the process ended within the time. Polled: for a process that is not our child (an orphan) the JDK's
     * {@code onExit()} notices only seconds later, and every second counts while the puskesmas waits.
     */
    static boolean awaitExit(ProcessHandle process, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
    }

    /** Sends a signal by name; Java only knows TERM and KILL, and PostgreSQL's fast shutdown is INT. */
    static void signal(long pid, String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("Could not signal pid {}: {}", pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ready when {@code postmaster.pid} names this process and says "ready", as {@code pg_ctl -w} checks. */
    private void awaitReady(Path pgData, Duration wait, Path log) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited with code " + process.exitValue() + " while starting; see " + log
                        + lastLines(log));
            }
            Optional<String> status = PostmasterPidFile.read(pgData)
                    .filter(file -> file.pid() == process.pid())
                    .map(PostmasterPidFile::status);
            if (status.filter("ready"::equals).isPresent()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL did not become ready within " + wait.toSeconds() + " s; see " + log);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("interrupted while PostgreSQL was starting", e);
            }
        }
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
