package id.antrean.drills;

import id.antrean.bench.Postgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the database holds after a drill, checked against what the kiosks were told. Each check lists its breaches. */
final class Ledger {
    private static final String TICKETS_OF_KEYS = """
            SELECT idempotency_key, count(*) AS tickets, min(ticket_id) AS ticket_id, min(label) AS label
            FROM ticket WHERE idempotency_key = ANY (?) GROUP BY idempotency_key""";

    /** Per facility, home poli and day: numbers 1..n each once, and the day's counter at n (nothing skipped). */
    private static final String NUMBERING = """
            SELECT f.code AS facility, s.code AS service, t.service_date, count(*) AS tickets,
                   count(DISTINCT t.number) AS distinct_numbers, min(t.number) AS lowest, max(t.number) AS highest,
                   q.last_number
            FROM ticket t
            JOIN facility f ON f.facility_id = t.facility_id
            JOIN service s ON s.facility_id = t.facility_id AND s.service_id = t.home_service_id
            LEFT JOIN queue_day_sequence q ON q.facility_id = t.facility_id AND q.service_id = t.home_service_id
                 AND q.service_date = t.service_date
            GROUP BY f.code, s.code, t.service_date, q.last_number
            ORDER BY 1, 2, 3""";

    private Ledger() {
    }

    /** Keys with no ticket or more than one, and acknowledged tickets the database does not hold as told. */
    static List<String> ticketsOfKeys(Postgres db, Set<String> keys, Map<String, Kiosks.Acknowledged> told)
            throws SQLException {
        Map<String, long[]> found = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        try (Connection c = db.connect(); PreparedStatement query = c.prepareStatement(TICKETS_OF_KEYS)) {
            query.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString("idempotency_key");
                    found.put(key, new long[] {rows.getLong("tickets"), rows.getLong("ticket_id")});
                    labels.put(key, rows.getString("label"));
                }
            }
        }
        List<String> breaches = new ArrayList<>();
        for (String key : keys) {
            long[] tickets = found.get(key);
            if (tickets == null) {
                breaches.add(key + ": no ticket");
            } else if (tickets[0] != 1) {
                breaches.add(key + ": " + tickets[0] + " tickets");
            }
        }
        told.forEach((key, ticket) -> {
            long[] tickets = found.get(key);
            if (tickets != null && (tickets[1] != ticket.id() || !labels.get(key).equals(ticket.label()))) {
                breaches.add(key + ": told " + ticket.label() + " (#" + ticket.id() + "), database holds "
                        + labels.get(key) + " (#" + tickets[1] + ")");
            }
        });
        return breaches;
    }

    /** Queues whose numbers are not exactly 1..n, or whose day counter is not at n. */
    static List<String> numbering(Postgres db) throws SQLException {
        List<String> breaches = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(NUMBERING)) {
            while (rows.next()) {
                long tickets = rows.getLong("tickets");
                boolean contiguous = rows.getLong("distinct_numbers") == tickets && rows.getLong("lowest") == 1
                        && rows.getLong("highest") == tickets && rows.getLong("last_number") == tickets;
                if (!contiguous) {
                    breaches.add("%s %s %s: %d tickets, %d distinct numbers %d..%d, counter at %d".formatted(
                            rows.getString("facility"), rows.getString("service"), rows.getDate("service_date"), tickets,
                            rows.getLong("distinct_numbers"), rows.getLong("lowest"), rows.getLong("highest"),
                            rows.getLong("last_number")));
                }
            }
        }
        return breaches;
    }
}
