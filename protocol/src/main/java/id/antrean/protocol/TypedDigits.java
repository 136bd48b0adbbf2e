package id.antrean.protocol;

/** Typed or scanned numbers: people write them with spaces, dashes and dots. */
public final class TypedDigits {
    private TypedDigits() {
    }

    /** The digits of {@code raw} when it holds only digits and separators; otherwise null. */
    public static String digitsOnly(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '\u00a0' && c != '\t') {
                return null;
            }
        }
        return digits.toString();
    }
}
