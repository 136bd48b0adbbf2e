package id.antrean.eligibility;

import id.antrean.protocol.CardNumberRule;
import id.antrean.protocol.TypedDigits;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;

/**
 * A JKN card number (nomor kartu / noKartu), validated by the rule the kiosk shares ({@link CardNumberRule}); a
 * bad one is the API's INVALID_CARD_NUMBER problem.
 */
public record CardNumber(String value) {
    public CardNumber {
        if (!CardNumberRule.isValid(value)) {
            throw Problem.ofField(ErrorCode.INVALID_CARD_NUMBER, "cardNumber");
        }
    }

    /** Normalises typed input (spaces, dashes, dots) and validates it. */
    public static CardNumber parse(String raw) {
        String digits = TypedDigits.digitsOnly(raw == null ? null : raw.strip());
        if (!CardNumberRule.isValid(digits)) {
            throw Problem.ofField(ErrorCode.INVALID_CARD_NUMBER, "cardNumber");
        }
        return new CardNumber(digits);
    }

    /** What a screen or a receipt may show: the last four digits only. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String lastDigits) {
        return CardNumberRule.mask(lastDigits);
    }

    @Override
    public String toString() {
        return masked();
    }
}
