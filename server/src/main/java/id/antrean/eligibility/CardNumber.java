package id.antrean.eligibility;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;

/**
 * A JKN card number (nomor kartu / noKartu): exactly 13 digits, leading zeros significant.
 * BPJS publishes no check digit, so none is invented.
 */
public record CardNumber(String value) {
    public CardNumber {
        if (value == null || !value.matches("[0-9]{13}")) {
            throw Problem.ofField(ErrorCode.INVALID_CARD_NUMBER, "cardNumber");
        }
    }

    /** Normalises typed input (spaces, dashes, dots) and validates it. */
    public static CardNumber parse(String raw) {
        String digits = IdentityText.digitsOnly(raw == null ? null : raw.strip());
        if (digits == null || digits.length() != 13) {
            throw Problem.ofField(ErrorCode.INVALID_CARD_NUMBER, "cardNumber");
        }
        return new CardNumber(digits);
    }

    /** What a screen or a receipt may show: the last four digits only. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String lastDigits) {
        String tail = lastDigits.length() > 4 ? lastDigits.substring(lastDigits.length() - 4) : lastDigits;
        return "*********" + tail;
    }

    @Override
    public String toString() {
        return masked();
    }
}
