package id.antrean.web;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/**
 * Ids in JSON bodies ({@code {"ticket": 12}}). The contract bounds them to 1 … 2^63-1 before a handler runs; this
 * is the handler's side of it. {@link JsonObject#getLong} would narrow a bigger number silently (2^64 + 1 becomes
 * 1, another patient's ticket), so an id is read here, exactly, or refused.
 */
public final class BodyIds {
    private BodyIds() {
    }

    /** The id under {@code name}, or null when the body has none; 400 {@code INVALID_FIELD} naming it otherwise. */
    public static Long optional(JsonObject body, String name) {
        Object value = body.getValue(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, name, name);
        }
        try {
            // Through its decimal text, so that 1.0 is 1 and 1.5, 1e300 or 2^63 are refused, never rounded.
            long id = new BigDecimal(number.toString()).longValueExact();
            if (id < 1) {
                throw Problem.ofField(ErrorCode.INVALID_FIELD, name, name);
            }
            return id;
        } catch (NumberFormatException | ArithmeticException e) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, name, name);
        }
    }
}
