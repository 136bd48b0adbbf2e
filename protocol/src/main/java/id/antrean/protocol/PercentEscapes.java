package id.antrean.protocol;

/**
 * Whether a request target's {@code %}-escapes can be decoded: the server and the kiosk agent answer 400 to one that
 * cannot, before the router's decoder fails on it with a stack trace.
 */
public final class PercentEscapes {
    private PercentEscapes() {
    }

    /** Whether every {@code %} starts a two-digit hexadecimal escape (null: nothing to decode). */
    public static boolean valid(String target) {
        if (target == null) {
            return true;
        }
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
