package id.antrean.backup;

import id.antrean.db.DataDirectoryInUse;
import id.antrean.db.Database;
import id.antrean.db.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

/**
 * {@code server.jar backup [FILE]} and {@code server.jar restore FILE}, for the PC's IT person: one line each on
 * success or failure, and an exit code a script can test.
 */
public final class BackupCommand {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** A server is using the data directory: stop it first. */
    public static final int IN_USE = 3;
    /** The database to restore into already holds data. */
    public static final int NOT_EMPTY = 4;

    private static final String TABLES = """
            SELECT count(*) FROM pg_catalog.pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema')""";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public BackupCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Whether {@code args} name one of these commands. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command; its exit code. */
    public int run(String[] args) {
        BackupConfig config;
        try {
            config = BackupConfig.fromEnv(env, dataDir());
        } catch (IllegalArgumentException e) {
            err.println("Configuration error: " + e.getMessage());
            return USAGE;
        }
        try {
            if (args[0].equals("backup") && args.length <= 2) {
                Path file = args.length == 2 ? Path.of(args[1])
                        : config.directory().resolve(BackupFiles.name(clock.instant(), config.zone()));
                return backup(file, config);
            }
            if (args[0].equals("restore") && args.length == 2) {
                return restore(Path.of(args[1]), config);
            }
            err.println("Usage: java -jar server.jar backup [FILE]   |   java -jar server.jar restore FILE");
            return USAGE;
        } catch (DataDirectoryInUse e) {
            err.println("Refused: an Antrean server is running on " + dataDir().toAbsolutePath().normalize()
                    + ". Stop it first, then restore.");
            return IN_USE;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int backup(Path file, BackupConfig config) throws IOException, SQLException {
        String url = env.get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return written(file, Database.fromUrl(url), config);
        }
        Path dataDir = dataDir();
        if (!EmbeddedDatabase.initialised(dataDir)) {
            err.println("Nothing to back up: no database in " + dataDir.toAbsolutePath().normalize()
                    + " (check DATA_DIR).");
            return FAILED;
        }
        Database database;
        try {
            database = EmbeddedDatabase.start(dataDir, 0);
        } catch (DataDirectoryInUse running) {
            // The server is up: back up through its socket, while it keeps serving.
            return written(file, EmbeddedDatabase.running(dataDir), config);
        }
        try (database) {
            return written(file, database, config);
        }
    }

    private int written(Path file, Database database, BackupConfig config) throws IOException, SQLException {
        long bytes = new DatabaseBackup(database, config.timeout()).write(file, clock.instant());
        out.println("Backup written: " + file.toAbsolutePath().normalize() + " (" + bytes + " bytes)");
        return OK;
    }

    private int restore(Path file, BackupConfig config) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            err.println("Backup file not found: " + file.toAbsolutePath().normalize());
            return USAGE;
        }
        String url = env.get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            Database database = Database.fromUrl(url);
            if (!empty(database)) {
                err.println("Refused: the database of DATABASE_URL already holds tables. Restore into a new, empty"
                        + " database.");
                return NOT_EMPTY;
            }
            new DatabaseBackup(database, config.timeout()).restore(file);
            return restored(file, "the database of DATABASE_URL");
        }
        Path dataDir = dataDir();
        // Starting it takes the data directory's lock: refused (IN_USE) while a server holds it.
        try (Database database = EmbeddedDatabase.start(dataDir, 0)) {
            if (!empty(database)) {
                err.println("Refused: " + dataDir.toAbsolutePath().normalize() + " already holds a database."
                        + " Restore into an empty or new DATA_DIR.");
                return NOT_EMPTY;
            }
            new DatabaseBackup(database, config.timeout()).restore(file);
            return restored(file, dataDir.toAbsolutePath().normalize().toString());
        }
    }

    private int restored(Path file, String into) {
        out.println("Restored " + file.toAbsolutePath().normalize() + " into " + into
                + ". Start the server as usual; it brings the database up to date.");
        return OK;
    }

    private static boolean empty(Database database) throws SQLException {
        try (Connection c = database.jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    private Path dataDir() {
        return Path.of(env.getOrDefault("DATA_DIR", "./data"));
    }
}
