package id.antrean.kiosk.scan;

/**
 * The posted body is not a frame we decode: not JPEG or PNG, truncated or corrupt, or too large.
 * Checked on purpose: the HTTP handler has to turn it into a 4xx answer, not a 500.
 */
public class NotAnImageException extends Exception {
    public NotAnImageException(String message) {
        super(message);
    }

    public NotAnImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
