package id.antrean.protocol;

/**
 * What makes digits a JKN card number (nomor kartu / noKartu): exactly 13 of them, leading zeros significant.
 * BPJS publishes no check digit, so none is invented.
 */
public final class CardNumberRule {
    public static final int DIGITS = 13;

    private CardNumberRule() {
    }

    public static boolean isValid(String digits) {
        return digits != null && digits.length() == DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** What a screen or a receipt may show: the last four digits only. */
    public static String mask(String lastDigits) {
        String tail = lastDigits.length() > 4 ? lastDigits.substring(lastDigits.length() - 4) : lastDigits;
        return "*********" + tail;
    }
}
