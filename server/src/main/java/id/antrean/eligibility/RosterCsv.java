package id.antrean.eligibility;

import id.antrean.protocol.TypedDigits;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a roster file as a stream, a batch of rows at a time: CSV with a header row, comma- or
 * semicolon-separated (spreadsheets set to Indonesian save with semicolons), quotes as in RFC 4180. Each row is
 * validated on its own; a bad row is reported with its line number and the good ones are kept. Reading blocks
 * (a file): it runs on a worker thread, never on the event loop.
 */
public final class RosterCsv implements Closeable {
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

    /**
     * One step of reading, in file order.
     *
     * @param records the non-blank rows read in this step, good or bad
     * @param last    whether the file is read to its end
     */
    public record Batch(List<Row> rows, List<Rejection> rejections, int records, boolean last) {
    }

    private final CsvRecords records;
    private final Map<String, Integer> header;
    // Seen in this file, for duplicates: as numbers, so a million rows stay within a few MB.
    private final LongSet cards = new LongSet();
    private final LongSet niks = new LongSet();
    private boolean last;

    private RosterCsv(CsvRecords records, Map<String, Integer> header) {
        this.records = records;
        this.header = header;
    }

    /** Opens a roster file (UTF-8; a bad byte reads as U+FFFD) and reads its header; 400 when it has no card column. */
    public static RosterCsv open(Path file) throws IOException {
        return open(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
    }

    static RosterCsv open(Reader text) throws IOException {
        CsvRecords records = new CsvRecords(text);
        try {
            if (!records.next()) {
                throw Problem.of(ErrorCode.ROSTER_HEADER_INVALID);
            }
            return new RosterCsv(records, header(records.fields()));
        } catch (IOException | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /** Reads on until {@code maxRows} good rows or {@code maxRecords} rows in all, or the end of the file. */
    public Batch next(int maxRows, int maxRecords) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int read = 0;
        while (rows.size() < maxRows && read < maxRecords) {
            if (!records.next()) {
                last = true;
                break;
            }
            List<String> fields = records.fields();
            if (fields.stream().allMatch(String::isBlank)) {
                continue;
            }
            read++;
            Object checked = check(records.line(), fields);
            if (checked instanceof Row row) {
                rows.add(row);
            } else {
                rejections.add((Rejection) checked);
            }
        }
        return new Batch(rows, rejections, read, last);
    }

    private Object check(int line, List<String> fields) {
        String card = TypedDigits.digitsOnly(field(fields, "card"));
        if (card == null || card.length() != 13) {
            return new Rejection(line, ErrorCode.INVALID_CARD_NUMBER);
        }
        String nikText = field(fields, "nik");
        String nik = nikText.isBlank() ? null : TypedDigits.digitsOnly(nikText);
        if (nik != null && !Nik.isValid(nik)) {
            return new Rejection(line, ErrorCode.INVALID_NIK);
        }
        if (!cards.add(Long.parseLong(card)) || (nik != null && !niks.add(Long.parseLong(nik)))) {
            return new Rejection(line, ErrorCode.ROSTER_DUPLICATE_ROW);
        }
        String name = field(fields, "name").strip();
        return new Row(line, card, nik, name.isEmpty() ? null : name.substring(0, 1).toUpperCase(Locale.ROOT),
                limit(field(fields, "class"), 40), limit(field(fields, "segment"), 60));
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

    private String field(List<String> fields, String column) {
        Integer i = header.get(column);
        return i == null || i >= fields.size() ? "" : fields.get(i).strip();
    }

    private static String limit(String value, int max) {
        String v = value.strip();
        return v.isEmpty() ? null : v.length() > max ? v.substring(0, max) : v;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
