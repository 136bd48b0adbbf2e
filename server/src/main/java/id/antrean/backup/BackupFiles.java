package id.antrean.backup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The backup folder: {@code antrean-YYYYMMDD-HHMMSS.dump} files, named in BACKUP_ZONE's local time so that their
 * names sort as they were taken. Only files of this pattern are ever counted or deleted.
 */
public final class BackupFiles {
    static final Pattern OURS = Pattern.compile("antrean-\\d{8}-\\d{6}\\.dump");
    /** What a backup is written as before its rename; one left a day later is from a crash, not a running backup. */
    static final Pattern PARTIAL = Pattern.compile("\\.antrean-\\d{8}-\\d{6}\\.dump\\.partial");
    private static final java.time.Duration STALE_PARTIAL = java.time.Duration.ofDays(1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BackupFiles() {
    }

    public static String name(Instant at, ZoneId zone) {
        return "antrean-" + STAMP.format(at.atZone(zone)) + ".dump";
    }

    /** The folder, created readable by the server's user only: a dump holds every patient's NIK. */
    static Path folder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("the backup folder " + dir + " is a file, not a folder (check BACKUP_DIR)");
        }
        if (!Files.isDirectory(dir)) {
            if (posix()) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        return dir;
    }

    /**
     * Deletes our backups beyond the newest {@code keep}, and partial files a crash left behind a day ago or more;
     * returns the names deleted.
     */
    public static List<String> prune(Path dir, int keep, Instant now) throws IOException {
        List<Path> ours = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (OURS.matcher(name).matches() && Files.isRegularFile(file)) {
                    ours.add(file);
                } else if (PARTIAL.matcher(name).matches() && Files.isRegularFile(file)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(STALE_PARTIAL))) {
                    Files.deleteIfExists(file);
                    deleted.add(name);
                }
            }
        }
        ours.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path old : ours.subList(Math.min(keep, ours.size()), ours.size())) {
            Files.deleteIfExists(old);
            deleted.add(old.getFileName().toString());
        }
        return deleted;
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
