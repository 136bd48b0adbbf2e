package id.antrean.backup;

import id.antrean.db.Database;
import id.antrean.db.Migrations;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Backup files of a {@link Database}: written whole or not at all, restored into an empty one. Blocking: call it
 * from a worker thread or the command line, never from an event loop.
 */
public final class DatabaseBackup {
    private final Database database;
    private final Duration timeout;

    public DatabaseBackup(Database database, Duration timeout) {
        this.database = database;
        this.timeout = timeout;
    }

    /**
     * Writes the backup into {@code target}: first into a hidden partial file in the same folder, readable by the
     * server's user only (it holds every patient's NIK), flushed to disk, then renamed: a half-written file is
     * never taken for a backup.
     *
     * @return the file's size in bytes
     */
    public long write(Path target, Instant at) throws IOException, SQLException {
        Path dir = BackupFiles.folder(target.toAbsolutePath().getParent());
        Path partial = dir.resolve("." + target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        if (BackupFiles.posix()) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                 Connection c = connect()) {
                DatabaseDump.write(c, out, at);
                out.flush();
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(dir);
            return Files.size(target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Restores {@code file} into this (empty) database: its schema migrated to the backup's version, then every
     * row loaded in one transaction. The next server start applies any newer migrations.
     */
    public long restore(Path file) throws IOException, SQLException {
        DatabaseDump.Manifest manifest;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            manifest = DatabaseDump.manifest(in);
        }
        try {
            Migrations.applyUpTo(database, manifest.schemaVersion());
            try (Connection c = connect()) {
                String now = schemaVersion(c);
                if (!manifest.schemaVersion().equals(now)) {
                    throw new IOException("this backup is of schema version " + manifest.schemaVersion()
                            + ", newer than this server.jar knows (" + now + "): restore it with a newer server.jar");
                }
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    return DatabaseDump.load(c, in);
                }
            }
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            IOException damaged = new IOException("the backup file is damaged or cut short (" + e.getMessage()
                    + "); nothing was restored", e);
            emptyAgain(damaged);
            throw damaged;
        } catch (IOException | SQLException | RuntimeException e) {
            emptyAgain(e);
            throw e;
        }
    }

    /**
     * After a failed restore, takes away the schema it created, so the database is as empty as it was and the
     * restore can be tried again with another file. Only ever called on a database found empty before.
     */
    private void emptyAgain(Exception cause) {
        try (Connection c = database.jdbc(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            cause.addSuppressed(new SQLException("the half-restored database could not be emptied again; empty it"
                    + " (or use a new DATA_DIR) before the next try: " + e.getMessage(), e));
        }
    }

    private Connection connect() throws SQLException {
        Connection c = database.jdbc();
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = " + timeout.toMillis());
        }
        return c;
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(DatabaseDump.SCHEMA_VERSION)) {
            return rs.next() ? rs.getString(1) : null;
        }
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
