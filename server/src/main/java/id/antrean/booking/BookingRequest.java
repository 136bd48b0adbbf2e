package id.antrean.booking;

import id.antrean.eligibility.CardNumber;
import id.antrean.eligibility.Nik;
import java.time.LocalDate;

/** Take-a-number at a poli, as Mobile JKN asks it. */
public record BookingRequest(CardNumber card, Nik nik, String phone, LocalDate date, String complaint) {
}
