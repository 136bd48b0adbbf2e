package id.antrean.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * {@code DATA_DIR/secret.key}: the server's master key when {@code SECRET_KEY} is not set, 32 random bytes in
 * base64, made on first start, readable by the server's user only. It must be backed up with the database:
 * without it, the secrets sealed in the database (each facility's BPJS credentials) must be entered again.
 */
public final class SecretKeyFile {
    public static final String NAME = "secret.key";
    static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeyFile() {
    }

    /** The key file's base64 text, made first when there is none. */
    public static String readOrCreate(Path dataDir) throws IOException {
        PrivateFiles.directory(dataDir);
        Path file = dataDir.resolve(NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] key = new byte[LENGTH];
            RANDOM.nextBytes(key);
            PrivateFiles.writeSecret(file, Base64.getEncoder().encodeToString(key) + "\n");
        }
        return PrivateFiles.readSecret(file);
    }
}
