package id.antrean.queue;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * How tickets are read: one select over a ticket source (the table, or a CTE of changed rows) that
 * joins what the {@link Ticket} view shows and computes the place in line.
 */
public final class TicketView {
    private TicketView() {
    }

    /**
     * A waiting ticket's place in line, counted: 1 + the waiting tickets of its service and day ahead of it in the
     * fair order (priority first, then {@code line_at}, then {@code queue_order}). One index range scan per row:
     * right for a few rows, quadratic for a whole line.
     */
    static final String POSITION_COUNTED = """
            CASE WHEN t.status = 'WAITING' THEN 1 + (
                SELECT count(*) FROM ticket w
                WHERE w.facility_id = t.facility_id AND w.service_date = t.service_date
                  AND w.service_id = t.service_id AND w.status = 'WAITING'
                  AND w.ticket_id <> t.ticket_id
                  AND (w.priority > t.priority
                       OR (w.priority = t.priority AND (w.line_at, w.queue_order) < (t.line_at, t.queue_order))))
            END""";

    /**
     * The same place, ranked over the selected rows in one sort: equal to {@link #POSITION_COUNTED} only when the
     * selection holds every waiting ticket of each service and day it shows ({@code queue_order} is unique, so
     * the order has no ties).
     */
    static final String POSITION_RANKED = """
            CASE WHEN t.status = 'WAITING' THEN row_number() OVER (
                PARTITION BY t.facility_id, t.service_date, t.service_id, t.status = 'WAITING'
                ORDER BY t.priority DESC, t.line_at, t.queue_order)
            END""";

    /** {@code source} is a table or CTE name holding ticket rows; it is aliased {@code t}. */
    public static String selectFrom(String source) {
        return select(POSITION_COUNTED, source);
    }

    /**
     * Like {@link #selectFrom}, for a query whose conditions keep every waiting ticket of the services and days
     * it shows (a whole board): positions by one window over the rows instead of a count per row.
     */
    public static String selectLineFrom(String source) {
        return select(POSITION_RANKED, source);
    }

    /**
     * Like {@link #selectFrom}, for a source that brings each ticket's place in line already, as its column
     * {@code place} (null unless waiting): a ticket just issued, whose place the issuing statement counted once.
     */
    public static String selectPlacedFrom(String source) {
        return select("t.place", source);
    }

    private static String select(String position, String source) {
        return """
                SELECT t.ticket_id, f.code AS facility_code, f.time_zone, t.service_id, s.code AS service_code,
                       s.name AS service_name, hs.code AS home_service_code, t.number, t.label, t.status,
                       t.source, t.payer, t.priority, right(t.card_number, 4) AS card_last4, t.service_date,
                       t.issued_at, t.called_at, t.started_at, t.finished_at, t.call_count, t.counter_id,
                       c.code AS counter_code, c.name AS counter_name, c.spoken_name AS counter_spoken_name, t.eligibility, t.eligibility_source,
                       t.eligibility_checked_at, t.estimated_at, t.checked_in_at, t.line_at, t.tracking_code,
                       %s AS position
                FROM %s t
                JOIN facility f ON f.facility_id = t.facility_id
                JOIN service s ON s.facility_id = t.facility_id AND s.service_id = t.service_id
                JOIN service hs ON hs.facility_id = t.facility_id AND hs.service_id = t.home_service_id
                LEFT JOIN counter c ON c.facility_id = t.facility_id AND c.counter_id = t.counter_id
                """.formatted(position, source);
    }

    public static Ticket map(Row row) {
        Long position = row.getLong("position");
        return new Ticket(
                row.getLong("ticket_id"),
                row.getString("facility_code"),
                ZoneId.of(row.getString("time_zone")),
                row.getLong("service_id"),
                row.getString("service_code"),
                row.getString("service_name"),
                row.getString("home_service_code"),
                row.getInteger("number"),
                row.getString("label"),
                TicketStatus.valueOf(row.getString("status")),
                row.getString("source"),
                row.getString("payer"),
                row.getBoolean("priority"),
                row.getString("card_last4"),
                row.getLocalDate("service_date"),
                instant(row.getOffsetDateTime("issued_at")),
                instant(row.getOffsetDateTime("called_at")),
                instant(row.getOffsetDateTime("started_at")),
                instant(row.getOffsetDateTime("finished_at")),
                row.getInteger("call_count"),
                row.getLong("counter_id"),
                row.getString("counter_code"),
                row.getString("counter_name"),
                row.getString("counter_spoken_name"),
                position == null ? null : position.intValue(),
                row.getString("eligibility"),
                row.getString("eligibility_source"),
                instant(row.getOffsetDateTime("eligibility_checked_at")),
                instant(row.getOffsetDateTime("estimated_at")),
                instant(row.getOffsetDateTime("checked_in_at")),
                instant(row.getOffsetDateTime("line_at")),
                row.getString("tracking_code"));
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
