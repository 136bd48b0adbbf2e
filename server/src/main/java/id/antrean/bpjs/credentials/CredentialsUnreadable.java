package id.antrean.bpjs.credentials;

/**
 * The facility's stored credentials cannot be opened with this server's key (a restored database, a lost or
 * replaced key file). Carries no secret and no stack trace: it is an operator's mistake, not a bug.
 */
public final class CredentialsUnreadable extends RuntimeException {
    public CredentialsUnreadable() {
        super("credentials cannot be decrypted: set SECRET_KEY to the key they were stored with, or enter them again",
                null, false, false);
    }
}
