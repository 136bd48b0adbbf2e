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

    /**
     * The view's columns, in the order of its select: {@link #map} reads them by position, so a row is not searched
     * by column name 32 times (8 % of a whole board's time at 1,000 waiting, issue #18), and the two cannot drift.
     */
    private enum Column {
        TICKET_ID("t.ticket_id"), FACILITY_CODE("f.code AS facility_code"), TIME_ZONE("f.time_zone"),
        SERVICE_ID("t.service_id"), SERVICE_CODE("s.code AS service_code"), SERVICE_NAME("s.name AS service_name"),
        HOME_SERVICE_CODE("hs.code AS home_service_code"), NUMBER("t.number"), LABEL("t.label"), STATUS("t.status"),
        SOURCE("t.source"), PAYER("t.payer"), PRIORITY("t.priority"),
        CARD_LAST4("right(t.card_number, 4) AS card_last4"), SERVICE_DATE("t.service_date"),
        ISSUED_AT("t.issued_at"), CALLED_AT("t.called_at"), STARTED_AT("t.started_at"),
        FINISHED_AT("t.finished_at"), CALL_COUNT("t.call_count"), COUNTER_ID("t.counter_id"),
        COUNTER_CODE("c.code AS counter_code"), COUNTER_NAME("c.name AS counter_name"),
        COUNTER_SPOKEN_NAME("c.spoken_name AS counter_spoken_name"), ELIGIBILITY("t.eligibility"),
        ELIGIBILITY_SOURCE("t.eligibility_source"), ELIGIBILITY_CHECKED_AT("t.eligibility_checked_at"),
        ESTIMATED_AT("t.estimated_at"), CHECKED_IN_AT("t.checked_in_at"), LINE_AT("t.line_at"),
        TRACKING_CODE("t.tracking_code"),
        /** Counted, ranked or brought by the source: see {@link #selectFrom} and its siblings. */
        POSITION(null);

        private final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    /**
     * Like {@link #selectFrom}, with more columns after the view's ({@code extra}, e.g. {@code "t.idempotency_key"}),
     * read by name: the view's own are read by their place, first.
     */
    static String selectFrom(String source, String extra) {
        return select(POSITION_COUNTED, source, ",\n       " + extra);
    }

    private static String select(String position, String source) {
        return select(position, source, "");
    }

    private static String select(String position, String source, String after) {
        String columns = java.util.Arrays.stream(Column.values())
                .map(c -> c == Column.POSITION ? position + " AS position" + after : c.sql)
                .collect(java.util.stream.Collectors.joining(",\n       "));
        return """
                SELECT %s
                FROM %s t
                JOIN facility f ON f.facility_id = t.facility_id
                JOIN service s ON s.facility_id = t.facility_id AND s.service_id = t.service_id
                JOIN service hs ON hs.facility_id = t.facility_id AND hs.service_id = t.home_service_id
                LEFT JOIN counter c ON c.facility_id = t.facility_id AND c.counter_id = t.counter_id
                """.formatted(columns, source);
    }

    public static Ticket map(Row row) {
        Long position = row.getLong(Column.POSITION.ordinal());
        return new Ticket(
                row.getLong(Column.TICKET_ID.ordinal()),
                row.getString(Column.FACILITY_CODE.ordinal()),
                ZoneId.of(row.getString(Column.TIME_ZONE.ordinal())),
                row.getLong(Column.SERVICE_ID.ordinal()),
                row.getString(Column.SERVICE_CODE.ordinal()),
                row.getString(Column.SERVICE_NAME.ordinal()),
                row.getString(Column.HOME_SERVICE_CODE.ordinal()),
                row.getInteger(Column.NUMBER.ordinal()),
                row.getString(Column.LABEL.ordinal()),
                TicketStatus.valueOf(row.getString(Column.STATUS.ordinal())),
                row.getString(Column.SOURCE.ordinal()),
                row.getString(Column.PAYER.ordinal()),
                row.getBoolean(Column.PRIORITY.ordinal()),
                row.getString(Column.CARD_LAST4.ordinal()),
                row.getLocalDate(Column.SERVICE_DATE.ordinal()),
                instant(row.getOffsetDateTime(Column.ISSUED_AT.ordinal())),
                instant(row.getOffsetDateTime(Column.CALLED_AT.ordinal())),
                instant(row.getOffsetDateTime(Column.STARTED_AT.ordinal())),
                instant(row.getOffsetDateTime(Column.FINISHED_AT.ordinal())),
                row.getInteger(Column.CALL_COUNT.ordinal()),
                row.getLong(Column.COUNTER_ID.ordinal()),
                row.getString(Column.COUNTER_CODE.ordinal()),
                row.getString(Column.COUNTER_NAME.ordinal()),
                row.getString(Column.COUNTER_SPOKEN_NAME.ordinal()),
                position == null ? null : position.intValue(),
                row.getString(Column.ELIGIBILITY.ordinal()),
                row.getString(Column.ELIGIBILITY_SOURCE.ordinal()),
                instant(row.getOffsetDateTime(Column.ELIGIBILITY_CHECKED_AT.ordinal())),
                instant(row.getOffsetDateTime(Column.ESTIMATED_AT.ordinal())),
                instant(row.getOffsetDateTime(Column.CHECKED_IN_AT.ordinal())),
                instant(row.getOffsetDateTime(Column.LINE_AT.ordinal())),
                row.getString(Column.TRACKING_CODE.ordinal()));
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
