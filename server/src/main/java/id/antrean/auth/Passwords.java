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

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, cost);
    }

    public boolean matches(String hash, String password) {
        if (hash == null || password == null) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
