package id.antrean.bpjs.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's key for the secrets it keeps in the database (each facility's BPJS credentials): 32 random bytes,
 * from {@code SECRET_KEY} or {@code DATA_DIR/secret.key}. Its {@link #id()} is a short fingerprint stored with each
 * sealed row, so a row sealed under another key is recognised (restored database, lost key file) and a later
 * rotation knows which rows to re-seal. Never printed: {@link #toString()} shows the fingerprint only.
 */
public final class MasterKey {
    public static final int LENGTH = 32;

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = fingerprint(bytes);
    }

    public static MasterKey of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("the secret key must be " + LENGTH + " bytes, not "
                    + (bytes == null ? 0 : bytes.length));
        }
        return new MasterKey(bytes.clone());
    }

    /**
     * From base64 text ({@code SECRET_KEY}, the key file); refuses anything but 32 bytes with a message naming
     * {@code source} and never the value.
     */
    public static MasterKey parse(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not base64 text (it must be the base64 of "
                    + LENGTH + " random bytes, e.g. from `openssl rand -base64 32`)");
        }
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException(source + " must be the base64 of exactly " + LENGTH
                    + " random bytes, not " + bytes.length + " (e.g. from `openssl rand -base64 32`)");
        }
        return new MasterKey(bytes);
    }

    /** The fingerprint stored with what this key sealed: 16 hex digits of a SHA-256 over a label and the key. */
    public String id() {
        return id;
    }

    SecretKey key() {
        return key;
    }

    private static String fingerprint(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("antrean master key id v1".getBytes(StandardCharsets.UTF_8));
            byte[] digest = sha.digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
