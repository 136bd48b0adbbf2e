package id.antrean.protocol;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * What makes 16 digits a NIK (Nomor Induk Kependudukan): province (2, from 11) + regency (2, not 00) + district
 * (2, not 00) + date of birth DDMMYY with 40 added to the day for women + serial (4, not 0000). Unknown province
 * codes are accepted (new provinces appear); impossible ones are not. The server checks typed NIKs with it and the
 * kiosk finds NIKs in scanned text with it, so the two never disagree.
 */
public final class NikRule {
    public static final int DIGITS = 16;

    private NikRule() {
    }

    public static boolean isValid(String digits) {
        if (digits == null || digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int province = Integer.parseInt(digits.substring(0, 2));
        int regency = Integer.parseInt(digits.substring(2, 4));
        int district = Integer.parseInt(digits.substring(4, 6));
        int day = birthDay(digits);
        int month = Integer.parseInt(digits.substring(8, 10));
        int year = Integer.parseInt(digits.substring(10, 12));
        int serial = Integer.parseInt(digits.substring(12, 16));
        if (province < 11 || regency == 0 || district == 0 || serial == 0) {
            return false;
        }
        // The century is not written: the date must exist in one of the two candidates.
        return existsOn(1900 + year, month, day) || existsOn(2000 + year, month, day);
    }

    /** Women's NIKs carry the day of birth plus 40. Only meaningful for a valid NIK. */
    public static boolean isFemale(String digits) {
        return Integer.parseInt(digits.substring(6, 8)) > 40;
    }

    private static int birthDay(String digits) {
        int written = Integer.parseInt(digits.substring(6, 8));
        return written > 40 ? written - 40 : written;
    }

    private static boolean existsOn(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
