package id.antrean.reports;

import id.antrean.facility.Facility;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** The day's tickets as CSV (RFC 4180, comma-separated, UTF-8 with a BOM so spreadsheets read it right). */
final class Csv {
    static final String HEADER = "nomor,layanan_awal,layanan_akhir,sumber,penjamin,prioritas,status,eligibilitas,"
            + "kartu_4_digit_akhir,diambil,check_in,dipanggil,mulai,selesai,dipindah";

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Csv() {
    }

    static String tickets(Facility facility, Iterable<Row> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (Row r : rows) {
            csv.append(String.join(",",
                    field(r.getString("label")), field(r.getString("home_service")), field(r.getString("service")),
                    field(r.getString("source")), field(r.getString("payer")),
                    r.getBoolean("priority") ? "ya" : "tidak", field(r.getString("status")),
                    field(r.getString("eligibility")), field(r.getString("card_last4")),
                    time(facility, r.getOffsetDateTime("issued_at")), time(facility, r.getOffsetDateTime("checked_in_at")),
                    time(facility, r.getOffsetDateTime("called_at")), time(facility, r.getOffsetDateTime("started_at")),
                    time(facility, r.getOffsetDateTime("finished_at")), Integer.toString(r.getInteger("transfer_count"))))
                    .append("\r\n");
        }
        return csv.toString();
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
