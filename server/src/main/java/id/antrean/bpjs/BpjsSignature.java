package id.antrean.bpjs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-signature} header every BPJS service (PCare, VClaim, antrean) checks, so a request proves it
 * knows the consumer secret without sending it.
 */
public final class BpjsSignature {
    private static final String HMAC = "HmacSHA256";

    private BpjsSignature() {
    }

    /** base64( HMAC-SHA256( key = secret, message = consId + "&" + timestamp ) ), UTF-8. */
    public static String sign(String consId, String secret, String timestamp) {
        Objects.requireNonNull(consId, "consId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timestamp, "timestamp");
        if (secret.isEmpty()) {
            // SecretKeySpec refuses an empty key; say so without echoing anything.
            throw new IllegalArgumentException("the consumer secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            byte[] digest = mac.doFinal((consId + "&" + timestamp).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK; reaching this means a broken runtime.
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Constant-time comparison (MessageDigest.isEqual) of the expected signature with the given one, so a
     * simulator checking our requests leaks nothing through timing; false for null.
     */
    public static boolean verify(String consId, String secret, String timestamp, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(consId, secret, timestamp).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}
