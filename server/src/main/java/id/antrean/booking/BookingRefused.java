package id.antrean.booking;

import java.util.Map;

/** A refused booking request; {@code details} holds what the answer needs (poli name, closing time, ...). */
public final class BookingRefused extends RuntimeException {
    private final Refusal reason;
    private final transient Map<String, Object> details;

    BookingRefused(Refusal reason, Map<String, Object> details) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.details = details;
    }

    BookingRefused(Refusal reason) {
        this(reason, Map.of());
    }

    public Refusal reason() {
        return reason;
    }

    public Map<String, Object> details() {
        return details;
    }
}
