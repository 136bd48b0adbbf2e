package id.antrean.notify;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A facility's messaging gateway: whether patients may leave a number, how many people before them trigger the
 * "near" message, and the webhook that sends it (URL, method, content type, headers, body template with
 * {@code {phone}} and {@code {text}}). Header values are secrets: in memory only in the clear, shown masked.
 * {@link #toString()} names the headers, never their values.
 *
 * @param webhookUrl null: the server-wide {@code NOTIFY_WEBHOOK_URL}
 * @param headers    by name, in the clear; a value equal to {@link #MASK} in an edit means "keep the stored one"
 * @param version    0 before the facility first saved them
 */
public record NotifySettings(boolean enabled, int threshold, String webhookUrl, String method, String contentType,
                             String bodyTemplate, Map<String, String> headers, long version) {
    public static final int DEFAULT_THRESHOLD = 3;
    public static final String MASK = "********";
    static final String DEFAULT_TEMPLATE = "{\"phone\":\"{phone}\",\"text\":\"{text}\"}";
    static final String DEFAULT_CONTENT_TYPE = "application/json";
    static final Set<String> METHODS = Set.of("POST", "PUT", "GET");
    static final int MAX_HEADERS = 10;
    private static final Pattern HEADER_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$");
    /** Headers the sender sets itself. */
    private static final Set<String> RESERVED = Set.of("host", "content-length", "content-type", "transfer-encoding",
            "connection");

    public NotifySettings {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A facility that never saved its settings: off. */
    static NotifySettings defaults() {
        return new NotifySettings(false, DEFAULT_THRESHOLD, null, "POST", DEFAULT_CONTENT_TYPE, DEFAULT_TEMPLATE,
                Map.of(), 0);
    }

    /** An edit as sent (the contract checked its shape): absent members take their defaults. */
    static NotifySettings edit(JsonObject body) {
        if (body == null || !(body.getValue("enabled") instanceof Boolean enabled)) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "enabled", "enabled");
        }
        int threshold = body.getInteger("threshold", DEFAULT_THRESHOLD);
        if (threshold < 1 || threshold > 20) {
            throw invalid("threshold");
        }
        String url = blankToNull(body.getString("webhookUrl"));
        if (url != null && !isHttpUrl(url)) {
            throw invalid("webhookUrl");
        }
        String method = body.getString("method", "POST").toUpperCase(java.util.Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw invalid("method");
        }
        String contentType = blankToNull(body.getString("contentType"));
        if (contentType != null && (contentType.length() > 100 || contentType.matches(".*[\\r\\n].*"))) {
            throw invalid("contentType");
        }
        String template = body.getString("bodyTemplate");
        if (template != null && template.length() > 2000) {
            throw invalid("bodyTemplate");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonObject given = body.getJsonObject("headers", new JsonObject());
        if (given.size() > MAX_HEADERS) {
            throw invalid("headers");
        }
        given.forEach(entry -> {
            String name = entry.getKey();
            if (!HEADER_NAME.matcher(name).matches() || RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))
                    || !(entry.getValue() instanceof String value) || value.length() > 1000
                    || value.matches("(?s).*[\\r\\n].*")) {
                throw invalid("headers." + name);
            }
            headers.put(name, value);
        });
        return new NotifySettings(enabled, threshold, url, method,
                contentType == null ? DEFAULT_CONTENT_TYPE : contentType,
                template == null || template.isBlank() ? DEFAULT_TEMPLATE : template, headers, 0);
    }

    /** This edit with every masked header value replaced by the value stored before. */
    NotifySettings keepingMasked(NotifySettings before) {
        Map<String, String> merged = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (MASK.equals(value)) {
                String kept = before.headers().get(name);
                if (kept == null) {
                    // A masked value with nothing behind it (a new header, or a row sealed under another key).
                    throw invalid("headers." + name);
                }
                merged.put(name, kept);
            } else {
                merged.put(name, value);
            }
        });
        return new NotifySettings(enabled, threshold, webhookUrl, method, contentType, bodyTemplate, merged, version);
    }

    NotifySettings withVersion(long newVersion) {
        return new NotifySettings(enabled, threshold, webhookUrl, method, contentType, bodyTemplate, headers, newVersion);
    }

    /** What an admin sees: header values masked. {@code serverDefault}: whether NOTIFY_WEBHOOK_URL is set. */
    JsonObject toJson(boolean serverDefault) {
        JsonObject masked = new JsonObject();
        headers.keySet().forEach(name -> masked.put(name, MASK));
        return audited().put("headers", masked).put("serverDefault", serverDefault).put("version", version);
    }

    /** What the audit log keeps before and after: every setting, the header names only. */
    JsonObject audited() {
        return new JsonObject().put("enabled", enabled).put("threshold", threshold).put("webhookUrl", webhookUrl)
                .put("method", method).put("contentType", contentType).put("bodyTemplate", bodyTemplate)
                .put("headerNames", new JsonArray(java.util.List.copyOf(headers.keySet())));
    }

    static boolean isHttpUrl(String url) {
        if (url.length() > 500 || !url.matches("^https?://.+")) {
            return false;
        }
        try {
            URI uri = new URI(url.replace("{phone}", "0").replace("{text}", "0"));
            return uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Problem invalid(String field) {
        return Problem.ofField(ErrorCode.NOTIFY_WEBHOOK_INVALID, field, field);
    }

    @Override
    public String toString() {
        return "NotifySettings[enabled=" + enabled + ", threshold=" + threshold + ", webhookUrl=" + webhookUrl
                + ", method=" + method + ", headers=" + headers.keySet() + ", version=" + version + "]";
    }
}
