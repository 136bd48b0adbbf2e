package id.antrean.mobilejkn;

/**
 * A request the contract refuses: its {@code metadata.code} (201, or 202 for "patient not known here") and the
 * message, already worded as the contract words it. Thrown anywhere below the routes, answered in one place.
 */
public final class ContractRefusal extends RuntimeException {
    private final int code;

    public ContractRefusal(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The ordinary refusal: code 201. */
    public static ContractRefusal of(String message) {
        return new ContractRefusal(Envelope.REFUSED, message);
    }

    public int code() {
        return code;
    }
}
