package id.antrean.bpjs;

/**
 * A BPJS call that gave no usable answer, by what an admin can do about it: the credentials were refused, BPJS
 * could not be reached (in time), BPJS answered with an error, or its answer could not be read. The message is
 * BPJS's own text or ours, never a credential.
 */
public final class BpjsCallFailed extends RuntimeException {
    public enum Kind { UNAUTHORIZED, UNREACHABLE, REFUSED, INVALID_REPLY }

    private final Kind kind;

    public BpjsCallFailed(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Any failure of a call, sorted: ours as they are, a protocol fault as an unreadable reply, the rest unreachable. */
    public static BpjsCallFailed of(Throwable failure) {
        if (failure instanceof BpjsCallFailed known) {
            return known;
        }
        if (failure instanceof BpjsProtocolException) {
            return new BpjsCallFailed(Kind.INVALID_REPLY, failure.getMessage());
        }
        return new BpjsCallFailed(Kind.UNREACHABLE, failure.getClass().getSimpleName());
    }
}
