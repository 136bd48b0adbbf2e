package id.antrean.backup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical copy of the whole database as one zip: {@code manifest.json} (format, the schema's Flyway version, the
 * tables and their columns, parents before children), each table's rows in PostgreSQL's COPY text format, the
 * sequences' positions, and a closing {@code complete} entry. Taken in one REPEATABLE READ snapshot, as pg_dump
 * does, so the copy is consistent across tables.
 *
 * <p>Why not pg_dump: the embedded PostgreSQL's distribution ships only {@code initdb}, {@code pg_ctl} and
 * {@code postgres}, and a pg_dump older than the server refuses to dump it. This needs nothing but the JDBC
 * driver, works the same on an external database, and restores by migrating an empty database to the backup's
 * schema version and loading the rows.
 */
final class DatabaseDump {
    static final String FORMAT = "antrean-backup";
    static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String SEQUENCES = "sequences.json";
    static final String COMPLETE = "complete";

    /** Schema bookkeeping (rebuilt by the migrations) and this server's own backup history are not copied. */
    private static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "backup_run");

    static final String TABLES = """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname""";
    static final String COLUMNS = """
            SELECT a.attname FROM pg_attribute a
            WHERE a.attrelid = ('public.' || quote_ident(?))::regclass AND a.attnum > 0 AND NOT a.attisdropped
              AND a.attgenerated = ''
            ORDER BY a.attnum""";
    static final String PARENTS = """
            SELECT child.relname AS child, parent.relname AS parent
            FROM pg_constraint k
            JOIN pg_class child ON child.oid = k.conrelid
            JOIN pg_class parent ON parent.oid = k.confrelid
            JOIN pg_namespace n ON n.oid = child.relnamespace
            WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid""";
    static final String SCHEMA_VERSION = """
            SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
            ORDER BY installed_rank DESC LIMIT 1""";
    static final String SEQUENCE_VALUES = """
            SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename""";

    /** What a backup holds, from its manifest. */
    record Manifest(String schemaVersion, Instant takenAt, List<Table> tables) {
        JsonObject toJson() {
            JsonArray list = new JsonArray();
            tables.forEach(t -> list.add(new JsonObject().put("name", t.name()).put("columns", new JsonArray(t.columns()))));
            return new JsonObject().put("format", FORMAT).put("formatVersion", FORMAT_VERSION)
                    .put("schemaVersion", schemaVersion).put("takenAt", takenAt.toString()).put("tables", list);
        }

        static Manifest fromJson(JsonObject json) throws IOException {
            if (!FORMAT.equals(json.getString("format")) || json.getInteger("formatVersion", 0) != FORMAT_VERSION) {
                throw new IOException("not an Antrean backup (or one of a newer format)");
            }
            List<Table> tables = new ArrayList<>();
            for (Object t : json.getJsonArray("tables")) {
                JsonObject table = (JsonObject) t;
                List<String> columns = new ArrayList<>();
                table.getJsonArray("columns").forEach(c -> columns.add((String) c));
                tables.add(new Table(table.getString("name"), columns));
            }
            return new Manifest(json.getString("schemaVersion"), Instant.parse(json.getString("takenAt")), tables);
        }
    }

    record Table(String name, List<String> columns) {
        String copy(String direction) {
            return "COPY " + quote(name) + " (" + String.join(", ", columns.stream().map(DatabaseDump::quote).toList())
                    + ") " + direction;
        }
    }

    private DatabaseDump() {
    }

    /** Writes the whole database into {@code out} (left open); the number of rows copied. */
    static long write(Connection c, OutputStream out, Instant at) throws SQLException, IOException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            String version = single(c, SCHEMA_VERSION);
            Manifest manifest = new Manifest(version, at, tables(c));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
            put(zip, MANIFEST, manifest.toJson().encodePrettily());
            long rows = 0;
            int n = 0;
            for (Table table : manifest.tables()) {
                zip.putNextEntry(new ZipEntry(String.format("data/%03d-%s.copy", ++n, table.name())));
                rows += copy.copyOut(table.copy("TO STDOUT"), new KeepOpen(zip));
                zip.closeEntry();
            }
            // Read after the rows, outside the snapshot (sequences are not transactional): never behind them.
            JsonObject sequences = new JsonObject();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SEQUENCE_VALUES)) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    long value = rs.getLong(2);
                    sequences.put(name, rs.wasNull() ? null : value);   // null: never used yet
                }
            }
            put(zip, SEQUENCES, sequences.encodePrettily());
            put(zip, COMPLETE, "");
            zip.finish();
            c.commit();
            return rows;
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    /** The manifest at the head of a backup, read without loading it (which schema version to migrate to). */
    static Manifest manifest(InputStream in) throws IOException {
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        ZipEntry first = zip.getNextEntry();
        if (first == null || !first.getName().equals(MANIFEST)) {
            throw new IOException("not an Antrean backup (no manifest)");
        }
        return Manifest.fromJson(new JsonObject(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
    }

    /**
     * Loads a backup's rows into a database already migrated to its schema version, in one transaction: a damaged
     * or incomplete file loads nothing.
     */
    static long load(Connection c, InputStream in) throws SQLException, IOException {
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        ZipEntry entry = zip.getNextEntry();
        if (entry == null || !entry.getName().equals(MANIFEST)) {
            throw new IOException("not an Antrean backup (no manifest)");
        }
        Manifest manifest = Manifest.fromJson(new JsonObject(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
        c.setAutoCommit(false);
        try {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (Table table : manifest.tables()) {
                entry = zip.getNextEntry();
                if (entry == null || !entry.getName().startsWith("data/")) {
                    // Cut short right between two tables: as damaged as a cut inside one, and said the same way.
                    throw new java.io.EOFException("it ends before table " + table.name());
                }
                rows += copy.copyIn(table.copy("FROM STDIN"), new KeepOpenInput(zip));
            }
            entry = zip.getNextEntry();
            if (entry == null || !entry.getName().equals(SEQUENCES)) {
                throw new IOException("the backup file is incomplete (no sequences)");
            }
            JsonObject sequences = new JsonObject(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            try (PreparedStatement set = c.prepareStatement(
                    "SELECT setval(('public.' || quote_ident(?))::regclass, ?, true)")) {
                for (Map.Entry<String, Object> sequence : sequences) {
                    if (sequence.getValue() != null) {
                        set.setString(1, sequence.getKey());
                        set.setLong(2, ((Number) sequence.getValue()).longValue());
                        set.execute();
                    }
                }
            }
            entry = zip.getNextEntry();
            if (entry == null || !entry.getName().equals(COMPLETE)) {
                throw new IOException("the backup file is incomplete (no end mark)");
            }
            c.commit();
            return rows;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Every table but those left out, parents before the tables whose foreign keys point at them. */
    private static List<Table> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                if (!LEFT_OUT.contains(rs.getString(1))) {
                    names.add(rs.getString(1));
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(PARENTS)) {
            while (rs.next()) {
                parents.computeIfAbsent(rs.getString("child"), k -> new LinkedHashSet<>()).add(rs.getString("parent"));
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : names) {
            visit(name, parents, ordered, new LinkedHashSet<>());
        }
        List<Table> tables = new ArrayList<>();
        try (PreparedStatement columns = c.prepareStatement(COLUMNS)) {
            for (String name : ordered) {
                if (!names.contains(name)) {
                    continue;
                }
                columns.setString(1, name);
                List<String> list = new ArrayList<>();
                try (ResultSet rs = columns.executeQuery()) {
                    while (rs.next()) {
                        list.add(rs.getString(1));
                    }
                }
                tables.add(new Table(name, list));
            }
        }
        return tables;
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> ordered, Set<String> path) {
        if (ordered.contains(table) || !path.add(table)) {
            return;     // done already, or a cycle of foreign keys (none in this schema): order as found
        }
        for (String parent : parents.getOrDefault(table, Set.of())) {
            visit(parent, parents, ordered, path);
        }
        ordered.add(table);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("the database has no schema yet: nothing to back up");
            }
            return rs.getString(1);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The COPY API closes nothing, but a zip entry must stay open for the next one: be safe either way. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class KeepOpenInput extends FilterInputStream {
        KeepOpenInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
