package id.antrean.notify;

import io.vertx.core.json.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One message as the gateway gets it: the facility's URL and body template with {@code {phone}} and {@code {text}}
 * filled in, each value escaped for where it goes: URL-encoded in the URL and in a form body, JSON-escaped in a JSON
 * body (a quote or a line break in a poli's name cannot break the gateway's JSON), as is in any other body.
 * {@link #toString()} leaves out the headers and the phone number.
 */
record WebhookRequest(String method, String url, String contentType, Map<String, String> headers, String body) {

    static WebhookRequest of(NotifySettings settings, String url, String phone, String text) {
        String filledUrl = fill(url, phone, text, WebhookRequest::urlComponent);
        if ("GET".equals(settings.method())) {
            return new WebhookRequest("GET", filledUrl, null, settings.headers(), null);
        }
        String type = settings.contentType().toLowerCase(Locale.ROOT);
        UnaryOperator<String> escape = type.contains("json") ? WebhookRequest::jsonString
                : type.contains("x-www-form-urlencoded") ? WebhookRequest::formValue
                : UnaryOperator.identity();
        return new WebhookRequest(settings.method(), filledUrl, settings.contentType(), settings.headers(),
                fill(settings.bodyTemplate(), phone, text, escape));
    }

    private static String fill(String template, String phone, String text, UnaryOperator<String> escape) {
        // One pass over the placeholders, so a {phone} inside the text is never filled in again.
        StringBuilder out = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{phone}", i)) {
                out.append(escape.apply(phone));
                i += "{phone}".length();
            } else if (template.startsWith("{text}", i)) {
                out.append(escape.apply(text));
                i += "{text}".length();
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The value inside a JSON string literal: the template supplies the quotes. */
    static String jsonString(String value) {
        String quoted = Json.encode(value);
        return quoted.substring(1, quoted.length() - 1);
    }

    static String formValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Safe in a path as in a query: spaces as %20, not +. */
    static String urlComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + contentType + ", headers=" + headers.keySet() + "]";
    }
}
