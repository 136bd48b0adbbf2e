package id.antrean.backup;

import id.antrean.db.Database;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code pg_dump} and {@code pg_restore} against a {@link Database}. The password goes through the child's
 * environment (PGPASSWORD), never its command line, where any user of the PC could read it. Blocking: call it
 * from a worker thread or the command line, never from an event loop.
 */
public final class PgTool {
    private static final int ERROR_TAIL = 1500;

    private final String program;
    private final Database database;
    private final Duration timeout;

    public PgTool(String program, Database database, Duration timeout) {
        this.program = program;
        this.database = database;
        this.timeout = timeout;
    }

    /**
     * Dumps the whole database in pg_dump's custom format into {@code target}: first into a hidden partial file in
     * the same folder, flushed to disk, then renamed, so a half-written file never looks like a backup.
     *
     * @return the backup's size in bytes
     */
    public long dump(Path target) throws IOException {
        Path dir = BackupFiles.folder(target.toAbsolutePath().getParent());
        Path partial = dir.resolve("." + target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        // Created owner-only before pg_dump opens it (which keeps the mode): the dump holds patients' data.
        if (BackupFiles.posix()) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try {
            // backup_run's rows say how backups went on this server; a restored copy starts its own history.
            run("pg_dump", List.of("--format=custom", "--exclude-table-data=backup_run", "--file=" + partial));
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(dir);
            return Files.size(target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Restores a custom-format dump in one transaction: on any error the database is left as it was (empty). */
    public void restore(Path dump) throws IOException {
        run("pg_restore", List.of("--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges",
                "--dbname=" + database.connectOptions().getDatabase(), dump.toAbsolutePath().toString()));
    }

    private void run(String what, List<String> arguments) throws IOException {
        PgConnectOptions options = database.connectOptions();
        List<String> command = new ArrayList<>(List.of(program, "--no-password",
                "--host=" + options.getHost(), "--port=" + options.getPort(), "--username=" + options.getUser()));
        if (what.equals("pg_dump")) {
            command.add("--dbname=" + options.getDatabase());
        }
        command.addAll(arguments);
        Path output = Files.createTempFile("antrean-" + what, ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(nullDevice())));
            Map<String, String> env = builder.environment();
            env.put("PGPASSWORD", options.getPassword() == null ? "" : options.getPassword());
            env.put("PGCONNECT_TIMEOUT", "15");
            env.put("PGSSLMODE", options.getSslMode() == null ? "prefer" : options.getSslMode().name().toLowerCase(
                    java.util.Locale.ROOT).replace('_', '-'));
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IOException(what + " could not be started (" + program + "): " + e.getMessage(), e);
            }
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(what + " was interrupted", e);
            }
            if (!finished) {
                process.destroyForcibly();
                throw new IOException(what + " took longer than " + timeout.toMinutes() + " minutes and was stopped");
            }
            if (process.exitValue() != 0) {
                throw new IOException(what + " failed (exit " + process.exitValue() + "): " + tail(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String tail(Path output) throws IOException {
        String text = Files.readString(output).strip().replace('\n', ' ');
        return text.length() <= ERROR_TAIL ? text : "…" + text.substring(text.length() - ERROR_TAIL);
    }

    private static String nullDevice() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win") ? "NUL" : "/dev/null";
    }

    /** Makes the rename itself durable (Linux, macOS); where a folder cannot be opened it is left to the OS. */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename.
        }
    }
}
