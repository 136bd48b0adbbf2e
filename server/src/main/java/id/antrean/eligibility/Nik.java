package id.antrean.eligibility;

import id.antrean.protocol.NikRule;
import id.antrean.protocol.TypedDigits;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;

/**
 * A NIK (Nomor Induk Kependudukan), validated by the rule the kiosk shares ({@link NikRule}); a bad one is
 * the API's INVALID_NIK problem.
 */
public record Nik(String value) {
    public Nik {
        if (value == null || !isValid(value)) {
            throw Problem.ofField(ErrorCode.INVALID_NIK, "nik");
        }
    }

    public static Nik parse(String raw) {
        String digits = TypedDigits.digitsOnly(raw == null ? null : raw.strip());
        if (digits == null) {
            throw Problem.ofField(ErrorCode.INVALID_NIK, "nik");
        }
        return new Nik(digits);
    }

    public static boolean isValid(String digits) {
        return NikRule.isValid(digits);
    }

    public boolean female() {
        return NikRule.isFemale(value);
    }

    @Override
    public String toString() {
        return "****************";
    }
}
