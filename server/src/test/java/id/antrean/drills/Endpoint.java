package id.antrean.drills;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One public endpoint as the drill calls it: where it lives, who may call it (so the fuzz gets past the token
 * check and into validation and the handler), and a request it would accept, which the fuzz then breaks.
 *
 * @param name       the contract's operationId, or a name for a route outside the contract
 * @param path       the path with {@code {param}} placeholders
 * @param pathValues a good value for every placeholder
 * @param validBody  a body it would take (JSON, CSV text), or null
 * @param fields     the body's fields and their types (for wrong types, missing and odd values)
 * @param query      good query parameters
 * @param queryKinds what kind of value each query parameter takes, for bad values of that kind
 * @param idempotent whether requests carry a fresh {@code Idempotency-Key}
 * @param stream     whether a good answer is an endless stream (SSE)
 */
record Endpoint(Target target, String method, String path, String name, Caller caller, Body body,
                Map<String, String> pathValues, String validBody, List<Contract.Field> fields,
                Map<String, String> query, Map<String, ValueKind> queryKinds, boolean idempotent, boolean stream) {

    enum Target { API, MOBILE_JKN, KIOSK }

    enum Body { NONE, JSON, OPTIONAL_JSON, CSV, IMAGE }

    /** Whose credentials a request carries. */
    enum Caller {
        NONE, RECEPTIONIST, ADMIN, DEVICE,
        /** A staff token of its own, for logout (a good logout revokes it). */
        LOGOUT,
        /** {@code x-username} + {@code x-token} from Mobile JKN's /auth. */
        MOBILE_JKN,
        /** {@code x-username} + {@code x-password}, for Mobile JKN's /auth itself. */
        MOBILE_JKN_LOGIN,
        /** The kiosk's settings session ({@code X-Kiosk-Settings}) after the right PIN. */
        KIOSK_SETTINGS,
        /** The demo's operator (system-wide: creates facilities). */
        OPERATOR
    }

    enum ValueKind { DATE, MONTH, TEXT, NUMBER, CARD, NIK, ENUM }

    String key() {
        return target + " " + method + " " + path;
    }

    /** The path with good values. */
    String concretePath() {
        return withValues(pathValues);
    }

    String withValues(Map<String, String> values) {
        String p = path;
        for (Map.Entry<String, String> e : values.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        return p;
    }

    static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    static Builder builder(Target target, String method, String path, String name, Caller caller) {
        return new Builder(target, method, path, name, caller);
    }

    static final class Builder {
        private final Target target;
        private final String method;
        private final String path;
        private final String name;
        private final Caller caller;
        private Body body = Body.NONE;
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private String validBody;
        private List<Contract.Field> fields = List.of();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, ValueKind> queryKinds = new LinkedHashMap<>();
        private boolean idempotent;
        private boolean stream;

        private Builder(Target target, String method, String path, String name, Caller caller) {
            this.target = target;
            this.method = method;
            this.path = path;
            this.name = name;
            this.caller = caller;
        }

        Builder body(Body kind, String valid, List<Contract.Field> fields) {
            this.body = kind;
            this.validBody = valid;
            this.fields = List.copyOf(fields);
            return this;
        }

        Builder param(String name, String value) {
            pathValues.put(name, value);
            return this;
        }

        Builder query(String name, String value, ValueKind kind) {
            if (value != null) {
                query.put(name, value);
            }
            queryKinds.put(name, kind);
            return this;
        }

        Builder idempotent() {
            this.idempotent = true;
            return this;
        }

        Builder stream() {
            this.stream = true;
            return this;
        }

        Endpoint build() {
            // Ordered maps: the same seed must make the same requests (Map.copyOf's order changes from run to run).
            return new Endpoint(target, method, path, name, caller, body, ordered(pathValues), validBody, fields,
                    ordered(query), ordered(queryKinds), idempotent, stream);
        }

        private static <V> Map<String, V> ordered(Map<String, V> map) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }
}
