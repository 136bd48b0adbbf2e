package id.antrean.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Who may log in to the embedded PostgreSQL: only with the password generated on first start and kept in
 * {@code DATA_DIR/db-password} (0600), over the private socket (or 127.0.0.1 when a TCP port is asked for).
 * A data directory from before passwords is given one at its next start: for that start only, the private
 * socket lets the server's own user in without one, to set it.
 */
final class ClusterAccess {
    static final String USER = "postgres";
    static final String PASSWORD_FILE = "db-password";
    private static final String PENDING_SUFFIX = ".new";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path passwordFile;
    private final Path pgData;
    private final boolean tcp;

    ClusterAccess(Path dataDir, Path pgData, boolean tcp) {
        this.passwordFile = dataDir.resolve(PASSWORD_FILE);
        this.pgData = pgData;
        this.tcp = tcp;
    }

    /** Whether the cluster's password is set and known; if not, {@link #setPassword} must run at this start. */
    boolean passwordInPlace() {
        return Files.exists(passwordFile);
    }

    String password() throws IOException {
        return PrivateFiles.readSecret(passwordFile);
    }

    /** Writes pg_hba.conf for this start: passwords only, or (to set the password) the server's user alone. */
    void writeHba() throws IOException {
        String rules = passwordInPlace()
                ? "local all all scram-sha-256\n" + (tcp ? "host all all 127.0.0.1/32 scram-sha-256\n" : "")
                : "local all " + USER + " trust\n";
        PrivateFiles.writeSecret(pgData.resolve("pg_hba.conf"),
                "# Written by Antrean at every start (db.ClusterAccess); changes here are overwritten.\n" + rules);
    }

    /** The password to set now: the one pending from an interrupted earlier try, or a new one. */
    String pendingPassword() throws IOException {
        Path pending = pending();
        if (!Files.exists(pending)) {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            PrivateFiles.writeSecret(pending, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return PrivateFiles.readSecret(pending);
    }

    /** After the role has the pending password: keep it, and allow password logins only from now on. */
    void confirmPassword() throws IOException {
        Files.move(pending(), passwordFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        writeHba();
    }

    private Path pending() {
        return passwordFile.resolveSibling(PASSWORD_FILE + PENDING_SUFFIX);
    }
}
