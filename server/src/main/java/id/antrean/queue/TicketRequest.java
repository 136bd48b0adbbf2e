package id.antrean.queue;

import id.antrean.eligibility.CardNumber;
import id.antrean.eligibility.Nik;
import id.antrean.facility.FacilityDirectory;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request for a ticket, validated and normalised. Its {@link #fingerprint()} tells a retry of the same
 * request (same {@code Idempotency-Key}, same meaning) from a different request reusing a key.
 *
 * @param duplicateReason why the desk gives a person who already holds an open number of this service a second
 *                        one; null for every ordinary request (staff only, audited)
 */
public record TicketRequest(String service, String payer, CardNumber cardNumber, Nik nik, boolean priority,
                            String duplicateReason) {

    /** Reads a body whose shape the OpenAPI contract already checked; formats are checked here. */
    public static TicketRequest from(JsonObject body) {
        String service = FacilityDirectory.normalizeCode(body.getString("service"));
        String payer = body.getString("payer");
        CardNumber card = body.getString("cardNumber") == null ? null : CardNumber.parse(body.getString("cardNumber"));
        Nik nik = body.getString("nik") == null ? null : Nik.parse(body.getString("nik"));
        if ("JKN".equals(payer) && card == null && nik == null) {
            throw Problem.ofField(ErrorCode.IDENTITY_REQUIRED, "cardNumber");
        }
        String reason = body.getString("duplicateReason") == null ? null : body.getString("duplicateReason").strip();
        return new TicketRequest(service, payer, card, nik, Boolean.TRUE.equals(body.getBoolean("priority")),
                reason == null || reason.isEmpty() ? null : reason);
    }

    public String fingerprint() {
        String canonical = String.join("|", service, payer,
                cardNumber == null ? "" : cardNumber.value(), nik == null ? "" : nik.value(),
                Boolean.toString(priority));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
