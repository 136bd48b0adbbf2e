package id.antrean.eligibility;

import java.time.LocalDate;

/**
 * A JKN participant as BPJS (or the facility's roster) describes them. Holds personal data: it stays in
 * the server; only {@link Eligibility}'s public view leaves it.
 *
 * @param active       BPJS's {@code aktif}
 * @param statusText   BPJS's {@code ketAktif}, shown as BPJS wrote it
 * @param validFrom    {@code tglMulaiAktif}, may be null
 * @param validUntil   {@code tglAkhirBerlaku}, may be null
 * @param inArrears    {@code tunggakan > 0} (its unit is undocumented: no amount is shown)
 * @param dentalProviderCode {@code kdProviderGigi.kdProvider}: the FKTP of their dental care; null when BPJS
 *                           names none (then the primary FKTP is theirs for dental care too)
 */
public record Participant(
        String cardNumber,
        String name,
        boolean active,
        String statusText,
        LocalDate validFrom,
        LocalDate validUntil,
        String providerCode,
        String providerName,
        String classCode,
        String className,
        String segmentName,
        boolean inArrears,
        String dentalProviderCode,
        String dentalProviderName) {

    /** Without a dental provider: the roster, and answers cached before dental providers were read. */
    public Participant(String cardNumber, String name, boolean active, String statusText, LocalDate validFrom,
                       LocalDate validUntil, String providerCode, String providerName, String classCode,
                       String className, String segmentName, boolean inArrears) {
        this(cardNumber, name, active, statusText, validFrom, validUntil, providerCode, providerName, classCode,
                className, segmentName, inArrears, null, null);
    }

    /** Whether BPJS names a dental FKTP of their own. */
    public boolean hasDentalProvider() {
        return dentalProviderCode != null && !dentalProviderCode.isBlank();
    }

    /** The same participant seen from a dental poli: their dental FKTP stands in for the primary one. */
    Participant atDentalProvider() {
        return new Participant(cardNumber, name, active, statusText, validFrom, validUntil, dentalProviderCode,
                dentalProviderName, classCode, className, segmentName, inArrears, dentalProviderCode, dentalProviderName);
    }

    public Segment segment() {
        return Segment.fromName(segmentName);
    }

    /** "B." for "BUDI SANTOSO": all a screen may say about the name. */
    public String initial() {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + ".";
    }
}
