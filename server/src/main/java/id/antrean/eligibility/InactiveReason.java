package id.antrean.eligibility;

/** Why BPJS says a participant is not active, as far as its answer tells. */
public enum InactiveReason {
    ARREARS,
    NOT_YET_ACTIVE,
    EXPIRED,
    DEACTIVATED,
    OTHER
}
