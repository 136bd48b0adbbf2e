package id.antrean.booking;

/** Why a booking request is refused. The Mobile JKN contract layer words each one as BPJS specifies. */
public enum Refusal {
    POLI_NOT_FOUND, DATE_IN_PAST, BEYOND_WINDOW, NO_SCHEDULE, CLOSED_FOR_TODAY, CLOSED_ON_DATE, QUOTA_FULL, PATIENT_UNKNOWN,
    NOT_ELIGIBLE, ALREADY_BOOKED, NOT_FOUND, ALREADY_CANCELLED, ALREADY_SERVED
}
