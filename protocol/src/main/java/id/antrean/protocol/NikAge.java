package id.antrean.protocol;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The birth date a NIK carries (digits 7–12, DDMMYY, women's day plus 40) and what it says about priority: someone
 * {@value #ELDERLY_AGE} or older (lansia) is called with priority without having to ask. The year has two digits;
 * of the two centuries the later one is taken unless it lies in the future on the given date, so a NIK never
 * makes anyone younger than 0 or older than 100 + the two digits. The server decides with it and the kiosk shows
 * it, so the two never disagree.
 */
public final class NikAge {
    public static final int ELDERLY_AGE = 60;

    private NikAge() {
    }

    /** The birth date, on the facility's local date {@code today}; empty for anything but a valid NIK. */
    public static Optional<LocalDate> birthDate(String nik, LocalDate today) {
        if (!NikRule.isValid(nik)) {
            return Optional.empty();
        }
        int written = Integer.parseInt(nik.substring(6, 8));
        int day = written > 40 ? written - 40 : written;
        int month = Integer.parseInt(nik.substring(8, 10));
        int year = Integer.parseInt(nik.substring(10, 12));
        Optional<LocalDate> recent = date(2000 + year, month, day).filter(d -> !d.isAfter(today));
        return recent.isPresent() ? recent : date(1900 + year, month, day);
    }

    /** Whole years on {@code today}; empty for anything but a valid NIK. */
    public static Optional<Integer> age(String nik, LocalDate today) {
        return birthDate(nik, today).map(born -> Period.between(born, today).getYears());
    }

    /** Whether the NIK's owner is {@value #ELDERLY_AGE} or older on {@code today} (false for an invalid NIK). */
    public static boolean isElderly(String nik, LocalDate today) {
        return age(nik, today).filter(years -> years >= ELDERLY_AGE).isPresent();
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
