package id.antrean.web;

import java.util.regex.Pattern;

/**
 * A name a person typed (a device's, a patient's, an address) that others will read on a console, a screen or an
 * audit line. It must say something (a letter or a digit: {@code " "} is no name) and must not carry invisible
 * characters that change what is shown around it: control characters (a line break forges a log line), Unicode
 * bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C turn text around, so an audit line can read
 * other than it was written), other format characters (zero-width spaces make two names look alike), and line or
 * paragraph separators. Letters of any script, right-to-left ones included, are welcome.
 */
public final class TypedName {
    /**
     * The rule as a regular expression, written into the contract ({@code openapi/antrean.yaml}) as the pattern of
     * such names; valid in Java and ECMA-262 alike and, as JSON Schema asks, searched rather than matched. It only
     * looks ahead, because {@code $} would let a final line break through in Java.
     */
    public static final String PATTERN = "^(?!.*[\\p{C}\\p{Zl}\\p{Zp}])(?=.*[\\p{L}\\p{N}])";
    private static final Pattern RULE = Pattern.compile(PATTERN);

    private TypedName() {
    }

    public static boolean isAcceptable(String value) {
        return value != null && RULE.matcher(value).find();
    }

    /** The name without surrounding spaces; 400 {@code INVALID_FIELD} naming {@code field} when it breaks the rule. */
    public static String require(String value, String field) {
        if (!isAcceptable(value)) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, field, field);
        }
        return value.strip();
    }
}
