package id.antrean.profile;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Base64;

/**
 * A facility's logo for letterhead and ticket: a PNG or a JPEG of at most {@value #MAX_BYTES} bytes (a thermal
 * ticket prints it a few centimetres wide). Its type is checked against its first bytes, not only believed; the
 * database checks the same again.
 */
record Logo(String contentType, byte[] bytes) {
    static final int MAX_BYTES = 32 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    /** From {@code {"contentType": "image/png", "data": "<base64>"}}; LOGO_INVALID or LOGO_TOO_LARGE otherwise. */
    static Logo fromJson(JsonObject json) {
        String type = json.getString("contentType");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(json.getString("data", ""));
        } catch (IllegalArgumentException e) {
            throw Problem.ofField(ErrorCode.LOGO_INVALID, "logo.data");
        }
        if (bytes.length > MAX_BYTES) {
            throw Problem.ofField(ErrorCode.LOGO_TOO_LARGE, "logo.data", MAX_BYTES / 1024);
        }
        boolean matches = "image/png".equals(type) ? startsWith(bytes, PNG)
                : "image/jpeg".equals(type) && startsWith(bytes, JPEG);
        if (!matches || bytes.length < PNG.length) {
            throw Problem.ofField(ErrorCode.LOGO_INVALID, "logo.data");
        }
        return new Logo(type, bytes);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
