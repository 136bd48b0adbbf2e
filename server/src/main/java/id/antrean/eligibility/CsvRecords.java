package id.antrean.eligibility;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV records read one at a time from a stream (RFC 4180 quotes), each with the line it starts on. The delimiter
 * is the first line's: a semicolon when it has more semicolons than commas (spreadsheets set to Indonesian save
 * so), else a comma. Memory stays small whatever the file: a field keeps at most {@value #MAX_FIELD_CHARS}
 * characters and a record at most {@value #MAX_FIELDS} fields; the rest is read past.
 */
final class CsvRecords implements Closeable {
    static final int MAX_FIELD_CHARS = 1024;
    static final int MAX_FIELDS = 1024;
    /** How far the first line is looked at for its delimiter. */
    private static final int HEADER_SCAN_CHARS = 64 * 1024;
    private static final int END = -1;

    private final Reader in;
    private final char delimiter;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private int nextLine = 1;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private int fieldChars;
    private int recordLine;

    CsvRecords(Reader text) throws IOException {
        BufferedReader reader = new BufferedReader(text, HEADER_SCAN_CHARS + 1);
        reader.mark(HEADER_SCAN_CHARS + 1);
        int first = reader.read();
        if (first != '\uFEFF') {
            reader.reset();
            reader.mark(HEADER_SCAN_CHARS + 1);
        }
        this.delimiter = firstLineDelimiter(reader);
        reader.reset();
        if (first == '\uFEFF') {
            reader.skip(1);
        }
        this.in = reader;
    }

    private static char firstLineDelimiter(Reader reader) throws IOException {
        int semicolons = 0;
        int commas = 0;
        for (int i = 0, c = reader.read(); i < HEADER_SCAN_CHARS && c != END && c != '\n'; i++, c = reader.read()) {
            if (c == ';') {
                semicolons++;
            } else if (c == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Reads the next record; false at the end of the file. */
    boolean next() throws IOException {
        fields.clear();
        clearField();
        recordLine = nextLine;
        boolean quoted = false;
        for (int c = read(); c != END; c = read()) {
            if (quoted) {
                if (c == '"' && peek() == '"') {
                    read();
                    append('"');
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        nextLine++;
                    }
                    append((char) c);
                }
            } else if (c == '"' && fieldChars == 0) {
                quoted = true;
            } else if (c == delimiter) {
                endField();
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                endField();
                nextLine++;
                return true;
            } else {
                append((char) c);
            }
        }
        if (fieldChars > 0 || !fields.isEmpty()) {
            endField();
            return true;
        }
        return false;
    }

    /** The current record's fields (valid until the next call to {@link #next()}). */
    List<String> fields() {
        return fields;
    }

    /** The line the current record starts on, from 1. */
    int line() {
        return recordLine;
    }

    private void append(char c) {
        if (fieldChars++ < MAX_FIELD_CHARS) {
            field.append(c);
        }
    }

    private void endField() {
        if (fields.size() < MAX_FIELDS) {
            fields.add(field.toString());
        }
        clearField();
    }

    private void clearField() {
        field.setLength(0);
        fieldChars = 0;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
