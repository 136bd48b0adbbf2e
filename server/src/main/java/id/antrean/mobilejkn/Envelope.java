package id.antrean.mobilejkn;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The contract's envelope: {@code {"response": …, "metadata": {"message": "Ok", "code": 200}}} on success,
 * {@code {"metadata": {"message": "<reason>", "code": 201|202}}} on failure. The HTTP status is the same number
 * as {@code metadata.code} (so a refusal is HTTP 201), as the implementations BPJS talks to do.
 */
public final class Envelope {
    public static final int OK = 200;
    public static final int REFUSED = 201;
    /** "Patient not known at this facility": the caller registers them with {@code /peserta}, then retries. */
    public static final int PATIENT_UNKNOWN = 202;

    private Envelope() {
    }

    public static JsonObject ok(Object response) {
        return new JsonObject().put("response", response).put("metadata", metadata(ContractMessages.OK, OK));
    }

    /** Success without a {@code response} member (cancelling a number). */
    public static JsonObject ok() {
        return new JsonObject().put("metadata", metadata(ContractMessages.OK, OK));
    }

    public static JsonObject failure(int code, String message) {
        return new JsonObject().put("metadata", metadata(message, code));
    }

    /** Writes an envelope; its HTTP status is its {@code metadata.code}. */
    public static void send(RoutingContext rc, JsonObject envelope) {
        var response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(envelope.getJsonObject("metadata").getInteger("code"))
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(envelope.encode());
    }

    private static JsonObject metadata(String message, int code) {
        return new JsonObject().put("message", message).put("code", code);
    }
}
