package id.antrean.eligibility;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a roster file: CSV with a header row, comma- or semicolon-separated (spreadsheets set to Indonesian
 * save with semicolons), quotes as in RFC 4180. Each row is validated on its own; a bad row is reported
 * with its line number and the good ones are kept.
 */
public final class RosterCsv {
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("nomorkartu", "card"), Map.entry("nokartu", "card"), Map.entry("noka", "card"),
            Map.entry("cardnumber", "card"), Map.entry("card", "card"), Map.entry("nomorkartujkn", "card"),
            Map.entry("nik", "nik"), Map.entry("noktp", "nik"),
            Map.entry("nama", "name"), Map.entry("name", "name"), Map.entry("namapeserta", "name"),
            Map.entry("kelas", "class"), Map.entry("class", "class"), Map.entry("jnskelas", "class"),
            Map.entry("jenispeserta", "segment"), Map.entry("segmen", "segment"), Map.entry("segment", "segment"),
            Map.entry("jnspeserta", "segment"));

    /** A good row: what the roster keeps of it. */
    public record Row(int line, String cardNumber, String nik, String initial, String className, String segment) {
    }

    /** A refused row and why, in words for the person who made the file. */
    public record Rejection(int line, ErrorCode code) {
    }

    public record Parsed(List<Row> rows, List<Rejection> rejections) {
    }

    private RosterCsv() {
    }

    public static Parsed parse(String text) {
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw Problem.of(ErrorCode.ROSTER_HEADER_INVALID);
        }
        Map<String, Integer> header = header(records.get(0).fields());
        List<Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Set<String> cards = new HashSet<>();
        Set<String> niks = new HashSet<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            String card = IdentityText.digitsOnly(field(record, header, "card"));
            if (card == null || card.length() != 13) {
                rejections.add(new Rejection(record.line(), ErrorCode.INVALID_CARD_NUMBER));
                continue;
            }
            String nikText = field(record, header, "nik");
            String nik = nikText.isBlank() ? null : IdentityText.digitsOnly(nikText);
            if (nik != null && !Nik.isValid(nik)) {
                rejections.add(new Rejection(record.line(), ErrorCode.INVALID_NIK));
                continue;
            }
            if (!cards.add(card) || (nik != null && !niks.add(nik))) {
                rejections.add(new Rejection(record.line(), ErrorCode.ROSTER_DUPLICATE_ROW));
                continue;
            }
            String name = field(record, header, "name").strip();
            rows.add(new Row(record.line(), card, nik,
                    name.isEmpty() ? null : name.substring(0, 1).toUpperCase(Locale.ROOT),
                    limit(field(record, header, "class"), 40), limit(field(record, header, "segment"), 60)));
        }
        return new Parsed(rows, rejections);
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String key = names.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            String column = COLUMNS.get(key);
            if (column != null) {
                columns.putIfAbsent(column, i);
            }
        }
        if (!columns.containsKey("card")) {
            throw Problem.of(ErrorCode.ROSTER_HEADER_INVALID);
        }
        return columns;
    }

    private static String field(Record record, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= record.fields().size() ? "" : record.fields().get(i).strip();
    }

    private static String limit(String value, int max) {
        String v = value.strip();
        return v.isEmpty() ? null : v.length() > max ? v.substring(0, max) : v;
    }

    private record Record(int line, List<String> fields) {
    }

    /** RFC 4180 records with the line each starts on; the delimiter is the header's (comma or semicolon). */
    private static List<Record> records(String text) {
        int firstBreak = text.indexOf('\n');
        String headerLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
