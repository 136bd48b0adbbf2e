package id.antrean.drills;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the database holds, table by table, as a row count and an md5 of all its rows in a fixed order: two equal
 * fingerprints mean no row was added, changed or removed in between.
 *
 * <p>Every table of the public schema counts, with two deliberate exceptions:
 * <ul>
 *   <li>{@code flyway_schema_history}: Flyway's own record of migrations; no request can write it.</li>
 *   <li>{@code bpjs_outbox}'s delivery bookkeeping ({@code status}, {@code attempts}, {@code next_attempt_at},
 *       {@code last_error}, {@code bpjs_code}, {@code bpjs_message}, {@code sent_at}): the outbox worker changes
 *       these on its own timer, on every node, whenever a message falls due — not because of a request. The rows
 *       themselves (which message for which ticket, with what payload) are fingerprinted: a request may only add
 *       them, in the same transaction as the queue change they report.</li>
 * </ul>
 * No table here is an append-only log that records refusals (the audit log records only what was done, never
 * what was refused), so nothing else is left out: a refused request must leave every row as it was.
 */
final class DbFingerprint {
    static final String OUTBOX_ROWS =
            "(SELECT facility_id, outbox_id, ticket_id, kind, payload, created_at FROM bpjs_outbox)";

    private final String query;

    private DbFingerprint(String query) {
        this.query = query;
    }

    /** The fingerprint query for the tables this database has now. */
    static DbFingerprint of(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'
                ORDER BY table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.size() < 10) {
            throw new IllegalStateException("Too few tables to fingerprint, is the schema there? " + tables);
        }
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            String from = table.equals("bpjs_outbox") ? OUTBOX_ROWS : "\"" + table + "\"";
            parts.add("SELECT '" + table + "', count(*), md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), ''))"
                    + " FROM " + from + " x");
        }
        return new DbFingerprint(String.join("\nUNION ALL ", parts));
    }

    /** Table → "rows:md5". */
    Map<String, String> take(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2) + " rows:" + rs.getString(3));
            }
        }
        return out;
    }

    /** The tables whose fingerprints differ, with their row counts before and after. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        for (String table : after.keySet()) {
            if (!after.get(table).equals(before.get(table))) {
                out.add(table + " (" + rows(before.get(table)) + " → " + rows(after.get(table)) + " rows)");
            }
        }
        return out;
    }

    private static String rows(String fingerprint) {
        return fingerprint == null ? "?" : fingerprint.substring(0, fingerprint.indexOf(' '));
    }
}
