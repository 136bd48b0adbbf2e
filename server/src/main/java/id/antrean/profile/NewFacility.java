package id.antrean.profile;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.TypedName;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A facility an operator creates: {@code {"code", "name", "timeZone", "bpjsProviderCode"?, "address"?, "phone"?}}.
 * The contract checks the shapes; this checks what it cannot say clearly.
 */
record NewFacility(String code, String name, String timeZone, String bpjsProviderCode, String address, String phone) {
    /** Indonesia's three: WIB, WITA, WIT. A facility's day is its local day, so nothing else makes sense here. */
    static final List<String> ZONES = List.of("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura");

    /** The table's checks, matched whole here: the contract's patterns would let a final line break through. */
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern PROVIDER_CODE = Pattern.compile("[0-9A-Z]{8}");

    static NewFacility fromJson(JsonObject body) {
        String code = body.getString("code");
        if (code == null || !CODE.matcher(code).matches()) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "code", "code");
        }
        String provider = body.getString("bpjsProviderCode");
        if (provider != null && !PROVIDER_CODE.matcher(provider).matches()) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "bpjsProviderCode", "bpjsProviderCode");
        }
        String zone = body.getString("timeZone");
        if (!ZONES.contains(zone)) {
            throw Problem.ofField(ErrorCode.TIME_ZONE_NOT_SUPPORTED, "timeZone");
        }
        return new NewFacility(code, TypedName.require(body.getString("name"), "name"), zone, provider, optionalText(body, "address"), optionalText(body, "phone"));
    }

    /** An optional typed text: absent or blank is none; otherwise held to {@link TypedName}'s rule. */
    static String optionalText(JsonObject body, String field) {
        String value = body.getString(field);
        return value == null || value.isBlank() ? null : TypedName.require(value, field);
    }

    JsonObject toJson() {
        return new JsonObject().put("code", code).put("name", name).put("timeZone", timeZone)
                .put("bpjsProviderCode", bpjsProviderCode).put("address", address).put("phone", phone);
    }
}
