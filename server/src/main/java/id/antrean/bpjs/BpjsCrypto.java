package id.antrean.bpjs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption BPJS puts on the {@code response} member of its replies: AES-256-CBC with a key derived
 * from the consumer id, the secret and the request's own timestamp, over LZ-string-compressed JSON.
 * Both directions exist so that a simulator can produce replies exactly as BPJS does.
 */
public final class BpjsCrypto {
    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";

    private BpjsCrypto() {
    }

    /** SHA-256(consId + secret + timestamp), UTF-8, plain concatenation: the AES-256 key; the IV is its first 16 bytes. */
    public static byte[] key(String consId, String secret, String timestamp) {
        Objects.requireNonNull(consId, "consId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timestamp, "timestamp");
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((consId + secret + timestamp).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** AES-256-CBC/PKCS5Padding decrypt of base64 text with that key and IV; returns the UTF-8 plaintext. */
    public static String decrypt(String base64, String consId, String secret, String timestamp) {
        if (base64 == null) {
            throw new BpjsProtocolException("encrypted response is missing");
        }
        byte[] cipherText;
        try {
            // Transports sometimes wrap long base64 lines; whitespace is never part of the payload.
            cipherText = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new BpjsProtocolException("encrypted response is not valid base64");
        }
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, consId, secret, timestamp).doFinal(cipherText);
        } catch (GeneralSecurityException e) {
            // Bad padding or block size: corrupted data or a key from another consId/secret/timestamp.
            // The cause is dropped on purpose: nothing of the key material may travel with the exception.
            throw new BpjsProtocolException("encrypted response cannot be decrypted (wrong credentials or timestamp, or corrupted data): "
                    + e.getClass().getSimpleName());
        }
        try {
            // Strict decoding: a wrong key that happens to yield valid padding still fails here most of the time.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BpjsProtocolException("decrypted response is not UTF-8 text (wrong credentials or timestamp?)");
        }
    }

    /** The reverse of decrypt (what a simulator does): AES-256-CBC encrypt, base64. */
    public static String encrypt(String plaintext, String consId, String secret, String timestamp) {
        Objects.requireNonNull(plaintext, "plaintext");
        try {
            byte[] cipherText = cipher(Cipher.ENCRYPT_MODE, consId, secret, timestamp)
                    .doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipherText);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CBC encryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** A reply's encrypted `response` member to its JSON text: decrypt, then LzString.decompressFromEncodedURIComponent. */
    public static String decodeResponse(String encrypted, String consId, String secret, String timestamp) {
        String text = decrypt(encrypted, consId, secret, timestamp);
        String json = LzString.decompressFromEncodedURIComponent(text);
        if (json == null) {
            throw new BpjsProtocolException("decrypted response is not LZ-string (encodedURIComponent) data");
        }
        return json;
    }

    /** JSON text to an encrypted `response` member, exactly as BPJS does: compressToEncodedURIComponent, then encrypt. */
    public static String encodeResponse(String json, String consId, String secret, String timestamp) {
        Objects.requireNonNull(json, "json");
        return encrypt(LzString.compressToEncodedURIComponent(json), consId, secret, timestamp);
    }

    private static Cipher cipher(int mode, String consId, String secret, String timestamp)
            throws GeneralSecurityException {
        byte[] key = key(consId, secret, timestamp);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
