package id.antrean.notify;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Indonesian mobile number as patients write it ({@code 0812-3456-7890}, {@code +62 812 3456 7890},
 * {@code 6281234567890}), normalised to the international digits WhatsApp and SMS gateways expect ({@code 628…}).
 * Mobile numbers start with 8 after the country code and have 9 to 12 digits from there.
 */
public final class PhoneNumber {
    /** Spaces, dashes, dots and brackets people type between groups of digits. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern MOBILE = Pattern.compile("^(?:\\+62|62|0)(8[1-9][0-9]{7,10})$");

    private PhoneNumber() {
    }

    /** The number as {@code 628…}; a 400 {@code NOTIFY_PHONE_INVALID} for anything else. */
    public static String normalize(Object input) {
        if (!(input instanceof String text) || text.length() > 32) {
            throw invalid();
        }
        Matcher m = MOBILE.matcher(SEPARATORS.matcher(text.strip()).replaceAll(""));
        if (!m.matches()) {
            throw invalid();
        }
        return "62" + m.group(1);
    }

    private static Problem invalid() {
        return Problem.ofField(ErrorCode.NOTIFY_PHONE_INVALID, "phone");
    }
}
