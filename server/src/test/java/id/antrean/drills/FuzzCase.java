package id.antrean.drills;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request of the fuzz drill: a good request to {@link #endpoint} broken in one way.
 *
 * @param index       its place in the run (the same seed makes the same case at the same place)
 * @param kind        how it was broken, e.g. {@code WRONG_TYPE}
 * @param description what exactly was sent, for a person reading a failure
 * @param goodAuth    whether the endpoint's own caller's credentials are added when it is sent (false: the
 *                    case's {@link #headers} carry bad ones, or none)
 * @param headers     headers as sent; {@code {RECEPTIONIST}} and {@code {GOOD}} in a value stand for tokens
 *                    only known when the case is sent
 * @param body        the body, or null for none
 * @param expect      whether the request must be refused, or may be taken
 */
record FuzzCase(int index, Endpoint endpoint, String kind, String description, String method, String uri,
                boolean goodAuth, Map<String, String> headers, byte[] body, Expect expect) {

    enum Expect {
        /** Broken in a way the contract (or the route's own rules) must refuse: an acceptance is a finding. */
        REJECT,
        /** Odd, but possibly a request the endpoint may take (e.g. an emoji in a device name). */
        ANY
    }

    /** One line that says what was sent: method, path, the mutation and the start of the body. */
    String summary() {
        String bodyText = body == null ? "" : " body(" + body.length + " B)=" + preview(body);
        return "#" + index + " " + endpoint.name() + " [" + kind + "] " + method + " " + shorten(uri, 160)
                + " — " + description + bodyText;
    }

    static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || cp >= 0x80 && cp < 0xA0 || Character.getType(cp) == Character.SURROGATE
                    || cp == 0xFFFD || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out + (bytes.length > 160 ? "…" : "");
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
