package id.antrean.auth;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password hashing with bcrypt (BouncyCastle's implementation). Deliberately slow: callers run it off the
 * event loop.
 */
public final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final int cost;

    /** @param cost bcrypt's work factor (4..31); 12 takes a few hundred milliseconds */
    public Passwords(int cost) {
        this.cost = cost;
    }

    /**
     * Whether a password can be hashed at all: bcrypt hashes its UTF-8 bytes, and half of a surrogate pair (which
     * JSON's {@code \\uD800} can carry) has none.
     */
    public static boolean isHashable(String password) {
        if (password == null) {
            return false;
        }
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < password.length()
                    && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public String hash(String password) {
        if (!isHashable(password)) {
            throw new IllegalArgumentException("not a password that can be hashed");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, cost);
    }

    public boolean matches(String hash, String password) {
        if (hash == null || !isHashable(password)) {
            return false;              // never the password of a hash: every hash was made from a hashable one
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
