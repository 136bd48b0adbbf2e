package id.antrean.eligibility;

/** The answer to "is this person covered here today?". */
public enum EligibilityReason {
    /** Active and registered at this facility. */
    ACTIVE_HERE(true),
    /** Active, but registered at another FKTP. */
    REGISTERED_ELSEWHERE(false),
    /** Not active: arrears, not yet active, expired, deactivated. */
    INACTIVE(false),
    /** BPJS does not know this card number or NIK. */
    NOT_FOUND(false),
    /** BPJS could not be asked (slow, down, not configured) and the roster does not know the person:
     *  the patient still gets a ticket, flagged for the receptionist to verify. */
    UNVERIFIED(true);

    private final boolean eligible;

    EligibilityReason(boolean eligible) {
        this.eligible = eligible;
    }

    /** Whether a JKN ticket may be issued now (provisionally, for UNVERIFIED). */
    public boolean eligible() {
        return eligible;
    }
}
