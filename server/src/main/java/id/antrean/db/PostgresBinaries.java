package id.antrean.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's programs, as zonky ships them inside its binaries jar, unpacked into a folder only the server's user
 * can write ({@code DATA_DIR/pgsql/<archive digest>}) and checked against the manifest written at unpacking before
 * every start. A shared temp folder would let any local user plant a {@code postgres} for the server to run.
 */
public final class PostgresBinaries {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
    static final String MANIFEST = "MANIFEST.sha256";

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** The binaries under {@code root}: reused when they pass the check, unpacked again otherwise. */
    public static PostgresBinaries in(Path root) throws IOException {
        byte[] archive = archive();
        Path home = PrivateFiles.directory(root).resolve(HexFormat.of().formatHex(sha256(archive), 0, 8));
        if (Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS)) {
            try {
                verify(home);
                return new PostgresBinaries(home);
            } catch (IOException e) {
                LOG.warn("PostgreSQL binaries in {} failed their check ({}); unpacking them again", home, e.getMessage());
                deleteTree(home);
            }
        }
        unpack(archive, home);
        verify(home);
        return new PostgresBinaries(home);
    }

    /** A program of the distribution, e.g. {@code postgres}, {@code initdb} or {@code pg_dump}. */
    public Path program(String name) {
        return home.resolve("bin").resolve(name);
    }

    Path home() {
        return home;
    }

    private static byte[] archive() throws IOException {
        String name = "postgres-" + operatingSystem() + "-" + architecture() + ".txz";
        try (InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("No embedded PostgreSQL for this platform (" + name + " is not on the class path);"
                        + " set DATABASE_URL to use an installed PostgreSQL");
            }
            return in.readAllBytes();
        }
    }

    private static String operatingSystem() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "darwin" : os.contains("linux") ? "linux" : os.replace(' ', '_');
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    /** Unpacks next to the final place and renames, so a crash mid-way never leaves a half-unpacked folder in use. */
    private static void unpack(byte[] archive, Path home) throws IOException {
        Path partial = home.resolveSibling(home.getFileName() + ".partial");
        deleteTree(partial);
        PrivateFiles.directory(partial);
        LOG.info("Unpacking PostgreSQL into {}", home);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = inside(partial, entry.getName());
                if (entry.isDirectory()) {
                    PrivateFiles.directory(target);
                } else if (entry.isSymbolicLink()) {
                    inside(partial, partial.relativize(target.getParent().resolve(entry.getLinkName())).toString());
                    PrivateFiles.directory(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    PrivateFiles.directory(target.getParent());
                    Files.copy(tar, target);
                    if (PrivateFiles.posix()) {
                        // Owner bits only: nobody else reads, runs or writes what the server runs.
                        boolean executable = (entry.getMode() & 0100) != 0;
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                                executable ? "r-x------" : "r--------"));
                    }
                } else {
                    throw new IOException("Unexpected entry in the PostgreSQL archive: " + entry.getName());
                }
            }
        }
        Path manifest = partial.resolve(MANIFEST);
        Files.writeString(manifest, manifestText(manifestOf(partial)));
        if (PrivateFiles.posix()) {
            Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("r--------"));
        }
        Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path inside(Path root, String name) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("The PostgreSQL archive points outside its folder: " + name);
        }
        return target;
    }

    /** Every file and link, as they are now, against what was unpacked; and nobody else may write any of it. */
    static void verify(Path home) throws IOException {
        PrivateFiles.requireTrusted(home);
        Path manifestFile = home.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("no manifest");
        }
        PrivateFiles.requireTrusted(manifestFile);
        String expected = Files.readString(manifestFile);
        Map<String, String> actual = manifestOf(home);
        actual.remove(MANIFEST);
        if (!manifestText(actual).equals(expected)) {
            throw new IOException("files differ from the manifest written when they were unpacked");
        }
    }

    /** Relative path → SHA-256 of a file, or "-> target" of a link; checking ownership and permissions on the way. */
    private static Map<String, String> manifestOf(Path home) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                PrivateFiles.requireTrusted(path);
                String name = home.relativize(path).toString().replace('\\', '/');
                if (Files.isSymbolicLink(path)) {
                    entries.put(name, "-> " + Files.readSymbolicLink(path));
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name, digest(path));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return entries;
    }

    private static String manifestText(Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach((name, value) -> text.append(value).append("  ").append(name).append('\n'));
        return text.toString();
    }

    private static String digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (PrivateFiles.posix() && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, PrivateFiles.OWNER_ONLY_DIRECTORY);
                }
                Files.delete(path);
            }
        }
    }

    @Override
    public String toString() {
        return home.toString();
    }
}
