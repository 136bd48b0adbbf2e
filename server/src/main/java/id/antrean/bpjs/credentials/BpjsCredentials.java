package id.antrean.bpjs.credentials;

import id.antrean.bpjs.BpjsConfig;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A facility's own BPJS credentials, in the clear (only in memory, only for signing). {@link #toString()} names
 * the fields that are set, never a value, so a stray log line leaks nothing.
 *
 * @param values by field name ({@link #FIELDS}); absent or null = not set
 */
public record BpjsCredentials(Map<String, String> values) {
    /** The API's field names with their columns, in the order they are shown. */
    public static final Map<String, String> FIELDS = fields();
    static final List<String> REQUIRED = List.of("consId", "secret", "userKey");
    static final String DEFAULT_APP_CODE = "095";

    public BpjsCredentials {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            if (value != null) {
                copy.put(field, value);
            }
        });
        values = java.util.Collections.unmodifiableMap(copy);
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("consId", "cons_id");
        fields.put("secret", "secret");
        fields.put("userKey", "user_key");
        fields.put("antreanUserKey", "antrean_user_key");
        fields.put("pcareUsername", "pcare_username");
        fields.put("pcarePassword", "pcare_password");
        fields.put("appCode", "app_code");
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** From a request body the contract validated (no unknown member, every value a string). */
    public static BpjsCredentials fromBody(JsonObject body) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.keySet().forEach(field -> values.put(field, body.getString(field)));
        return new BpjsCredentials(values);
    }

    public String get(String field) {
        return values.get(field);
    }

    /** {@code {"consId": true, "pcarePassword": false, ...}}: what an admin and the audit log may see. */
    public JsonObject fieldsSet() {
        JsonObject set = new JsonObject();
        FIELDS.keySet().forEach(field -> set.put(field, values.containsKey(field)));
        return set;
    }

    /** The fields whose value differs from {@code before}'s (added, removed or changed), by name only. */
    public List<String> changedFrom(BpjsCredentials before) {
        return FIELDS.keySet().stream()
                .filter(field -> before == null || !Objects.equals(before.get(field), get(field)))
                .toList();
    }

    /**
     * The server's way of reaching BPJS (its addresses and timeout) with these credentials instead of the
     * environment's. The FKTP queue service's user key defaults to the PCare one, the app code to {@code 095}.
     */
    public BpjsConfig applyTo(BpjsConfig server) {
        return new BpjsConfig(server.pcareBaseUrl(), get("consId"), get("secret"), get("userKey"),
                get("pcareUsername"), get("pcarePassword"),
                values.getOrDefault("appCode", DEFAULT_APP_CODE), server.timeout(), server.antreanBaseUrl(),
                values.getOrDefault("antreanUserKey", get("userKey")));
    }

    @Override
    public String toString() {
        return "BpjsCredentials" + values.keySet();
    }
}
