package id.antrean.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL's {@code postmaster.pid} in the data directory: the postmaster's pid on the first line and, on the
 * eighth, its status ("starting", "ready", "stopping"). It stays behind when the postmaster is killed.
 */
record PostmasterPidFile(long pid, String status) {

    static Optional<PostmasterPidFile> read(Path pgData) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pgData.resolve("postmaster.pid"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();           // being written: the next look will tell
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            return Optional.of(new PostmasterPidFile(pid, lines.size() >= 8 ? lines.get(7).strip() : ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
