package id.antrean.mobilejkn;

import id.antrean.eligibility.CardNumber;
import id.antrean.eligibility.Nik;
import id.antrean.mobilejkn.ContractMessages.Field;
import id.antrean.web.TypedName;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import id.antrean.booking.PracticeHours;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Mobile JKN sends, leniently where implementations differ (a number where text is expected, spaces
 * around a value) and strictly where the contract names a format, refusing with the contract's message. Nothing
 * a caller sends may end in anything but such a refusal.
 */
final class ContractInput {
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Digits with the usual separators, an optional leading plus: "0856-1234-5678", "+62 856 1234 5678". */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .-]{6,22}[0-9]");
    /** Invisible characters a reason may not keep: controls, format (bidi) characters, line separators. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{C}\\p{Zl}\\p{Zp}]");
    /** BPJS poli codes are three letters or digits ("001", "INT"); anything else is no poli of ours. */
    private static final Pattern POLI_CODE = Pattern.compile("[0-9A-Za-z]{1,10}");

    /** "08:00-12:00", as the status call gives it; spaces around the dash and seconds are tolerated. */
    private static final Pattern PRACTICE_HOURS =
            Pattern.compile("([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?\\s*-\\s*([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?");

    private ContractInput() {
    }

    /** {@code jampraktek}: null when not sent; "Format Jam Praktek Tidak Sesuai" when it is no time range. */
    static PracticeHours practiceHours(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = PRACTICE_HOURS.matcher(value);
        try {
            if (m.matches()) {
                return new PracticeHours(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                        LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            }
        } catch (DateTimeException e) {
            // "25:00": no time of day, refused below
        }
        throw ContractRefusal.of(ContractMessages.format(ContractMessages.LABEL_HOURS));
    }

    /** The request body as a JSON object, or the contract's refusal. */
    static JsonObject body(Buffer raw) {
        if (raw == null || raw.length() == 0) {
            throw ContractRefusal.of(ContractMessages.INVALID_BODY);
        }
        Object value;
        try {
            value = Json.decodeValue(raw);
        } catch (DecodeException | IllegalArgumentException e) {
            throw ContractRefusal.of(ContractMessages.INVALID_BODY);
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw ContractRefusal.of(ContractMessages.INVALID_BODY);
    }

    /**
     * A field as text, stripped; null when absent, null or blank. Numbers are accepted as their digits (some
     * callers send codes as numbers); objects, arrays and booleans are refused with {@code wrongType}.
     */
    static String text(JsonObject body, String key, String wrongType) {
        Object value = body.getValue(key);
        if (value == null) {
            return null;
        }
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof Number n) {
            text = number(n);
        } else if (value instanceof JsonObject || value instanceof JsonArray || value instanceof Boolean) {
            throw ContractRefusal.of(wrongType);
        } else {
            text = String.valueOf(value);
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    private static String number(Number n) {
        try {
            return new BigDecimal(n.toString()).toPlainString();
        } catch (NumberFormatException e) {
            return n.toString();
        }
    }

    /** Empty or not 13 long: "harus 13 digit"; 13 long but not all digits: "Format … Tidak Sesuai". */
    static CardNumber card(String value) {
        if (value == null || value.codePointCount(0, value.length()) != 13) {
            throw ContractRefusal.of(ContractMessages.CARD_LENGTH);
        }
        if (!DIGITS.matcher(value).matches()) {
            throw ContractRefusal.of(ContractMessages.CARD_FORMAT);
        }
        return new CardNumber(value);
    }

    /** As the card; 16 digits that cannot be a NIK (no such birth date, serial 0000, …) are a wrong format too. */
    static Nik nik(String value) {
        if (value == null || value.codePointCount(0, value.length()) != 16) {
            throw ContractRefusal.of(ContractMessages.NIK_LENGTH);
        }
        if (!DIGITS.matcher(value).matches() || !Nik.isValid(value)) {
            throw ContractRefusal.of(ContractMessages.NIK_FORMAT);
        }
        return new Nik(value);
    }

    /** The family card (nomor KK): 16 digits. */
    static String familyCard(String value) {
        if (value.codePointCount(0, value.length()) != 16) {
            throw ContractRefusal.of(ContractMessages.KK_LENGTH);
        }
        if (!DIGITS.matcher(value).matches()) {
            throw ContractRefusal.of(ContractMessages.format(Field.FAMILY_CARD.label()));
        }
        return value;
    }

    /** A poli code as Mobile JKN sends it, upper case; "Poli Tidak Ditemukan" for what cannot be one. */
    static String poliCode(String value) {
        if (value == null || !POLI_CODE.matcher(value.strip()).matches()) {
            throw ContractRefusal.of(ContractMessages.POLI_NOT_FOUND);
        }
        return value.strip().toUpperCase(Locale.ROOT);
    }

    /** Text kept for people to read (a complaint, a reason): without invisible characters, and not without end. */
    static String freeText(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String clean = INVISIBLE.matcher(value).replaceAll(" ").strip();
        clean = clean.length() <= maxLength ? clean : clean.substring(0, maxLength);
        return clean.isEmpty() ? null : clean;
    }

    /** A yyyy-mm-dd date that exists; otherwise {@code message}. */
    static LocalDate date(String value, String message) {
        if (value == null || !ISO_DATE.matcher(value).matches()) {
            throw ContractRefusal.of(message);
        }
        try {
            return LocalDate.parse(value, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw ContractRefusal.of(message);
        }
    }

    static String phone(String value) {
        if (!PHONE.matcher(value).matches()) {
            throw ContractRefusal.of(ContractMessages.format(Field.PHONE.label()));
        }
        return value;
    }

    /**
     * Free text of a person (name, address, region names and codes): bounded, and typed text as everywhere else
     * ({@link TypedName}: no control characters, which PostgreSQL refuses as NUL and which forge log lines, and no
     * bidi controls, which turn a name around on the receptionist's screen).
     */
    static String plain(String value, Field field, int maxLength) {
        if (value.length() > maxLength || !TypedName.isAcceptable(value)) {
            throw ContractRefusal.of(ContractMessages.format(field.label()));
        }
        return value;
    }

    /** An optional field of {@code /peserta}: its text, or null when absent, null or blank. */
    static String optional(JsonObject body, Field field) {
        return text(body, field.key(), ContractMessages.format(field.label()));
    }

    /** A required field of {@code /peserta}: its text, or "{Field} tidak boleh kosong". */
    static String required(JsonObject body, Field field) {
        String value = text(body, field.key(), ContractMessages.format(field.label()));
        if (value == null) {
            throw ContractRefusal.of(ContractMessages.required(field.label()));
        }
        return value;
    }
}
