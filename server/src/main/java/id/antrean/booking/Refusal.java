package id.antrean.booking;

/** Why a booking request is refused. The Mobile JKN contract layer words each one as BPJS specifies. */
public enum Refusal {
    POLI_NOT_FOUND, DATE_IN_PAST, BEYOND_WINDOW, NO_SCHEDULE, DOCTOR_NOT_FOUND, CLOSED_FOR_TODAY, CLOSED_ON_DATE,
    QUOTA_FULL, PATIENT_UNKNOWN, NIK_OF_ANOTHER_CARD, NOT_ELIGIBLE, ALREADY_BOOKED, NOT_FOUND, ALREADY_CANCELLED,
    ALREADY_SERVED
}
