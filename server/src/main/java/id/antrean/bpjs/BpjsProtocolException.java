package id.antrean.bpjs;

/**
 * A reply from BPJS that cannot be read: bad base64, bad padding, a wrong key or a payload that is not
 * LZ-string. Unchecked because callers can only report it; its message never carries the secret or the key.
 */
public final class BpjsProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BpjsProtocolException(String message) {
        super(message);
    }

    public BpjsProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
