package id.antrean.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Our rule (BPJS publishes none): eligible as JKN here when the participant is active, the card is valid
 * on the service date, and the registered FKTP is this facility. Otherwise say why.
 */
public final class EligibilityRules {
    private EligibilityRules() {
    }

    public static Eligibility decide(Participant p, String hereProviderCode, String hereName, LocalDate day,
                                     Instant checkedAt) {
        InactiveReason inactive = inactiveReason(p, day);
        if (inactive != null) {
            return new Eligibility(EligibilityReason.INACTIVE, inactive, p, Eligibility.Source.BPJS, checkedAt, hereName);
        }
        if (hereProviderCode == null) {
            // This facility's BPJS code is not configured: "registered here" cannot be told.
            return new Eligibility(EligibilityReason.UNVERIFIED, null, p, Eligibility.Source.BPJS, checkedAt, hereName);
        }
        EligibilityReason reason = hereProviderCode.equalsIgnoreCase(strip(p.providerCode()))
                ? EligibilityReason.ACTIVE_HERE
                : EligibilityReason.REGISTERED_ELSEWHERE;
        return new Eligibility(reason, null, p, Eligibility.Source.BPJS, checkedAt, hereName);
    }

    /**
     * The same answer for a dental poli: a participant's dental care has its own FKTP ({@code kdProviderGigi}),
     * which may differ from the primary one. Only BPJS's "registered here / elsewhere" is re-decided; an inactive
     * card stays inactive, and the roster knows no dental provider. When BPJS names no dental FKTP, the primary
     * one answers.
     */
    public static Eligibility forDental(Eligibility primary, String hereProviderCode) {
        Participant p = primary.participant();
        boolean placed = primary.reason() == EligibilityReason.ACTIVE_HERE
                || primary.reason() == EligibilityReason.REGISTERED_ELSEWHERE;
        if (!placed || primary.source() != Eligibility.Source.BPJS || p == null || !p.hasDentalProvider()
                || hereProviderCode == null) {
            return primary;
        }
        EligibilityReason reason = hereProviderCode.equalsIgnoreCase(strip(p.dentalProviderCode()))
                ? EligibilityReason.ACTIVE_HERE
                : EligibilityReason.REGISTERED_ELSEWHERE;
        return new Eligibility(reason, null, p.atDentalProvider(), primary.source(), primary.checkedAt(),
                primary.hereName());
    }

    static InactiveReason inactiveReason(Participant p, LocalDate day) {
        boolean notYet = p.validFrom() != null && p.validFrom().isAfter(day);
        boolean expired = p.validUntil() != null && p.validUntil().isBefore(day);
        if (p.active() && !notYet && !expired) {
            return null;
        }
        if (p.inArrears()) {
            return InactiveReason.ARREARS;
        }
        if (notYet) {
            return InactiveReason.NOT_YET_ACTIVE;
        }
        if (expired) {
            return InactiveReason.EXPIRED;
        }
        String status = p.statusText() == null ? "" : p.statusText().toUpperCase(Locale.ROOT);
        if (status.contains("NONAKTIF") || status.contains("NON AKTIF") || status.contains("DINONAKTIFKAN")
                || status.contains("DIHENTIKAN")) {
            return InactiveReason.DEACTIVATED;
        }
        if (status.contains("TUNGGAK") || status.contains("NUNGGAK")) {
            return InactiveReason.ARREARS;
        }
        return InactiveReason.OTHER;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
