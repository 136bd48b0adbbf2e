package id.antrean.reports;

import id.antrean.facility.Facility;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The day's tickets as CSV (RFC 4180, comma-separated, UTF-8 with a BOM so spreadsheets read it right). Headers and
 * values are in one language (the {@code csv.*} texts), so a receptionist never has to decode WALK_IN or SKIPPED.
 */
final class Csv {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Csv() {
    }

    static String tickets(Facility facility, Iterable<Row> rows, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle("i18n.messages", locale, NO_FALLBACK);
        StringBuilder csv = new StringBuilder("\uFEFF").append(texts.getString("csv.header")).append("\r\n");
        for (Row r : rows) {
            csv.append(String.join(",",
                    field(r.getString("label")), field(r.getString("home_service")), field(r.getString("service")),
                    coded(texts, "source", r.getString("source")), coded(texts, "payer", r.getString("payer")),
                    texts.getString(r.getBoolean("priority") ? "csv.yes" : "csv.no"),
                    coded(texts, "status", r.getString("status")),
                    coded(texts, "eligibility", r.getString("eligibility")), field(r.getString("card_last4")),
                    time(facility, r.getOffsetDateTime("issued_at")), time(facility, r.getOffsetDateTime("checked_in_at")),
                    time(facility, r.getOffsetDateTime("called_at")), time(facility, r.getOffsetDateTime("started_at")),
                    time(facility, r.getOffsetDateTime("finished_at")), Integer.toString(r.getInteger("transfer_count"))))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** A database code in words; a code without a text yet is shown as it is rather than failing the export. */
    private static String coded(ResourceBundle texts, String kind, String code) {
        if (code == null) {
            return "";
        }
        String key = "csv." + kind + "." + code;
        return field(texts.containsKey(key) ? texts.getString(key) : code);
    }

    private static String time(Facility facility, OffsetDateTime at) {
        return at == null ? "" : TIME.format(facility.local(at.toInstant()));
    }

    /** Quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused against formula injection. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
