package id.antrean.eligibility;

import id.antrean.web.LocalizedText;
import id.antrean.web.Messages;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The decision for one person at one facility on one day, and how it is explained to them.
 *
 * @param participant    who BPJS or the roster says they are; null when nobody knows
 * @param source         {@code BPJS} or {@code ROSTER}: who answered (or, for UNVERIFIED, who was asked last)
 * @param hereName       this facility's name, for the messages
 */
public record Eligibility(
        EligibilityReason reason,
        InactiveReason inactiveReason,
        Participant participant,
        Source source,
        Instant checkedAt,
        String hereName) {

    public enum Source { BPJS, ROSTER }

    public boolean eligible() {
        return reason.eligible();
    }

    /** The full card number when known (e.g. found by NIK); stays in the server. */
    public String cardNumber() {
        return participant == null ? null : participant.cardNumber();
    }

    public LocalizedText message() {
        return switch (reason) {
            case ACTIVE_HERE -> Messages.text(source == Source.ROSTER
                    ? "eligibility.ACTIVE_HERE.ROSTER" : "eligibility.ACTIVE_HERE", hereName);
            case REGISTERED_ELSEWHERE -> Messages.text(participant.segment() == Segment.PBI_APBD
                            ? "eligibility.REGISTERED_ELSEWHERE.PBI_APBD" : "eligibility.REGISTERED_ELSEWHERE",
                    hereName, participant.providerName());
            case INACTIVE -> Messages.text("eligibility.INACTIVE." + inactiveReason.name(),
                    nullToDash(participant.statusText()),
                    participant.validFrom() == null ? "-" : participant.validFrom().toString(),
                    participant.validUntil() == null ? "-" : participant.validUntil().toString());
            case NOT_FOUND -> Messages.text("eligibility.NOT_FOUND");
            case UNVERIFIED -> Messages.text("eligibility.UNVERIFIED");
        };
    }

    /** What leaves the server: no full name, no NIK, no full card number. */
    public JsonObject toJson(ZoneId zone) {
        JsonObject json = new JsonObject()
                .put("eligible", eligible())
                .put("reason", reason.name())
                .put("message", message().toJson())
                .put("source", source.name())
                .put("checkedAt", checkedAt.atZone(zone).toOffsetDateTime().toString());
        if (inactiveReason != null) {
            json.put("inactiveReason", inactiveReason.name());
            json.put("bpjsStatus", participant.statusText());
        }
        if (participant != null) {
            json.put("participant", new JsonObject()
                    .put("cardNumberMasked", participant.cardNumber() == null ? null : CardNumber.mask(participant.cardNumber()))
                    .put("initial", participant.initial())
                    .put("class", participant.className())
                    .put("segment", participant.segment().label())
                    .put("segmentName", participant.segmentName())
                    // plain dates, so a client can say them in its own language ("21 Desember 2026")
                    .put("validFrom", participant.validFrom() == null ? null : participant.validFrom().toString())
                    .put("validUntil", participant.validUntil() == null ? null : participant.validUntil().toString())
                    .put("registeredFacility", participant.providerCode() == null && participant.providerName() == null
                            ? null
                            : new JsonObject().put("code", participant.providerCode()).put("name", participant.providerName())));
        }
        return json;
    }

    /**
     * What a dental poli would answer instead of this primary answer, when that differs (a dental FKTP other than
     * the primary one): {@code {reason, eligible, providerName}}, so a kiosk that checks before the poli is chosen
     * can say it; null when the dental answer is the same.
     */
    public JsonObject dentalViewJson(Eligibility dental) {
        if (dental.reason() == reason || dental.participant() == null) {
            return null;
        }
        return new JsonObject()
                .put("reason", dental.reason().name())
                .put("eligible", dental.eligible())
                .put("providerName", dental.participant().providerName());
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }
}
