package id.antrean.kiosk.print;

import java.io.IOException;

/** The ticket PDF could be read but makes no sense on a roll: no pages, nothing visible, absurdly long. */
public final class UnprintableTicketException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnprintableTicketException(String message) {
        super(message);
    }
}
