package id.antrean.booking;

import id.antrean.eligibility.CardNumber;
import id.antrean.eligibility.Nik;
import java.time.LocalDate;

/**
 * Take-a-number at a poli, as Mobile JKN asks it.
 *
 * @param doctor the doctor's BPJS code as sent ({@code kodedokter}), or null (the older four-field body)
 * @param hours  the practice hours as sent ({@code jampraktek}), or null
 */
public record BookingRequest(CardNumber card, Nik nik, String phone, LocalDate date, String complaint, String doctor,
                             PracticeHours hours) {
    /** The older body: no doctor, no hours. */
    public BookingRequest(CardNumber card, Nik nik, String phone, LocalDate date, String complaint) {
        this(card, nik, phone, date, complaint, null, null);
    }
}
