package id.antrean.eligibility;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A NIK (Nomor Induk Kependudukan): 16 digits = province (2) + regency (2) + district (2)
 * + date of birth DDMMYY with 40 added to the day for women + serial (4, from 0001).
 * Unknown province codes are accepted (new provinces appear); impossible ones (below 11, or a
 * regency or district of 00) are not.
 */
public record Nik(String value) {
    public Nik {
        if (value == null || !isValid(value)) {
            throw Problem.ofField(ErrorCode.INVALID_NIK, "nik");
        }
    }

    public static Nik parse(String raw) {
        String digits = IdentityText.digitsOnly(raw == null ? null : raw.strip());
        if (digits == null) {
            throw Problem.ofField(ErrorCode.INVALID_NIK, "nik");
        }
        return new Nik(digits);
    }

    public static boolean isValid(String digits) {
        if (digits.length() != 16 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int province = Integer.parseInt(digits.substring(0, 2));
        int regency = Integer.parseInt(digits.substring(2, 4));
        int district = Integer.parseInt(digits.substring(4, 6));
        int day = Integer.parseInt(digits.substring(6, 8));
        int month = Integer.parseInt(digits.substring(8, 10));
        int year = Integer.parseInt(digits.substring(10, 12));
        int serial = Integer.parseInt(digits.substring(12, 16));
        if (province < 11 || regency == 0 || district == 0 || serial == 0) {
            return false;
        }
        if (day > 40) {
            day -= 40;
        }
        // The century is not written: the date must exist in one of the two candidates.
        return existsOn(1900 + year, month, day) || existsOn(2000 + year, month, day);
    }

    private static boolean existsOn(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    public boolean female() {
        return Integer.parseInt(value.substring(6, 8)) > 40;
    }

    @Override
    public String toString() {
        return "****************";
    }
}
