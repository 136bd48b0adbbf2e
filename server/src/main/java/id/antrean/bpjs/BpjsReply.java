package id.antrean.bpjs;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * A BPJS reply envelope, read leniently: {@code metadata} (antrean, integer code) or {@code metaData}
 * (PCare, VClaim: code sometimes a string); an encrypted {@code response} string is decrypted with the
 * request's own timestamp and decompressed.
 */
public record BpjsReply(int code, String message, Object response) {

    public static BpjsReply parse(String body, BpjsConfig config, String timestamp) {
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new BpjsProtocolException("BPJS reply is not a JSON object");
        }
        JsonObject meta = json.getJsonObject("metadata", json.getJsonObject("metaData"));
        if (meta == null) {
            throw new BpjsProtocolException("BPJS reply has no metadata");
        }
        int code = codeOf(meta.getValue("code"));
        Object response = json.getValue("response");
        if (response instanceof String encrypted && !encrypted.isEmpty()) {
            String plain = BpjsCrypto.decodeResponse(encrypted, config.consId(), config.secret(), timestamp);
            if (plain == null) {
                throw new BpjsProtocolException("BPJS reply could not be decompressed");
            }
            response = plain.startsWith("{") ? new JsonObject(plain)
                    : plain.startsWith("[") ? new io.vertx.core.json.JsonArray(plain) : plain;
        }
        return new BpjsReply(code, meta.getString("message", ""), response);
    }

    public boolean ok() {
        return code == 200;
    }

    /** A JSON object response, or null. */
    public JsonObject object() {
        return response instanceof JsonObject o ? o : null;
    }

    private static int codeOf(Object code) {
        if (code instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(code).strip());
        } catch (NumberFormatException e) {
            throw new BpjsProtocolException("BPJS reply has a code that is not a number");
        }
    }
}
