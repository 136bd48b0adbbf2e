package id.antrean.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether the schema already holds exactly the migrations on the class path: the same scripts, with the checksums
 * Flyway recorded, all successful. Then Flyway would apply nothing and its validation would pass, so the start skips
 * it: loading and running Flyway was a good part of the server's start (issue #18). Anything else (a new migration,
 * an edited one, a failed one, no history at all) answers "no", and Flyway decides as before.
 */
final class SchemaUpToDate {
    static final String LOCATION = "db/migration";

    private SchemaUpToDate() {
    }

    /** The version the schema is at when it is up to date; empty when Flyway has something to do or to say. */
    static Optional<String> version(Database db) {
        Map<String, Integer> expected = migrationsOnClassPath();
        Map<String, Integer> applied = new HashMap<>();
        String last = null;
        try (Connection c = db.jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT type, script, checksum, success, version FROM flyway_schema_history ORDER BY installed_rank""")) {
            while (r.next()) {
                int checksum = r.getInt(3);
                if (!"SQL".equals(r.getString(1)) || r.wasNull() || !r.getBoolean(4)) {
                    return Optional.empty();
                }
                applied.put(r.getString(2), checksum);
                last = r.getString(5);
            }
        } catch (SQLException e) {
            // No history yet (a new database), or it cannot be read: Flyway knows what to do.
            return Optional.empty();
        }
        return !expected.isEmpty() && expected.equals(applied) ? Optional.ofNullable(last) : Optional.empty();
    }

    /** Every versioned migration on the class path, by file name, with Flyway's checksum of it. */
    static Map<String, Integer> migrationsOnClassPath() {
        URL url = SchemaUpToDate.class.getClassLoader().getResource(LOCATION);
        if (url == null) {
            return Map.of();
        }
        Map<String, Integer> migrations = new HashMap<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                    for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                        String name = entry.getName();
                        if (name.startsWith(LOCATION + "/") && isMigration(name.substring(LOCATION.length() + 1))) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                migrations.put(name.substring(LOCATION.length() + 1), checksum(in));
                            }
                        }
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (isMigration(file.getFileName().toString())) {
                            try (InputStream in = Files.newInputStream(file)) {
                                migrations.put(file.getFileName().toString(), checksum(in));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return migrations;
    }

    private static boolean isMigration(String name) {
        return name.startsWith("V") && name.contains("__") && name.endsWith(".sql");
    }

    /** Flyway's checksum: CRC-32 of the UTF-8 lines without their line breaks, a leading BOM dropped. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        for (; line != null; line = reader.readLine()) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
