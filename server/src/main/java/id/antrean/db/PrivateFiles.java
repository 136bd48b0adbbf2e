package id.antrean.db;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Folders and files that only the server's own OS user may touch: the database's data, the binaries it runs, its
 * password and its socket. On a puskesmas PC other accounts exist (a shared login, a remote-support tool), and
 * anything they could read or plant there would hand them every patient's NIK.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private PrivateFiles() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the folder (and its parents) or tightens an existing one of ours to owner-only. */
    static Path directory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            // Each missing folder owner-only from its creation, not tightened afterwards.
            if (absolute.getParent() != null && !Files.isDirectory(absolute.getParent())) {
                directory(absolute.getParent());
            }
            Files.createDirectory(absolute, attributes(OWNER_ONLY_DIRECTORY));
        }
        if (posix()) {
            requireOwnedByUs(dir);
            if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY_DIRECTORY)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);
            }
        }
        return dir;
    }

    /** Creates the file, owner-only, unless it exists (then it must be ours). */
    static Path file(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(file, attributes(OWNER_ONLY_FILE));
        } else if (posix()) {
            requireOwnedByUs(file);
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
        return file;
    }

    /** A new owner-only folder with a random name in the system's temp folder, deleted when the JVM exits. */
    static Path temporaryDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix, attributes(OWNER_ONLY_DIRECTORY));
        dir.toFile().deleteOnExit();
        return dir;
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    /** Writes a secret so that it is never readable by anyone else, not even for a moment, and never half-written. */
    static void writeSecret(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, attributes(OWNER_ONLY_FILE));
        Files.writeString(partial, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads a secret written by {@link #writeSecret}, refusing one that others could have read or replaced. */
    static String readSecret(Path file) throws IOException {
        if (posix()) {
            requireOwnedByUs(file);
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                throw new IOException(file + " must be readable by its owner only (chmod 600), not "
                        + PosixFilePermissions.toString(permissions));
            }
        }
        return Files.readString(file).strip();
    }

    /** Fails unless the path belongs to this process's user and nobody else can write it. */
    static void requireTrusted(Path path) throws IOException {
        if (!posix()) {
            return;
        }
        requireOwnedByUs(path);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (!Files.isSymbolicLink(path) && permissions.stream().anyMatch(OTHERS_WRITE::contains)) {
            throw new IOException(path + " is writable by other users");
        }
    }

    private static void requireOwnedByUs(Path path) throws IOException {
        int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != ourUid()) {
            throw new IOException(path + " belongs to user id " + owner + ", not to " + ourUid()
                    + " who runs the server");
        }
    }

    /** The user id this process runs as (not {@code user.name}, which the environment can set). */
    static long ourUid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }
}
