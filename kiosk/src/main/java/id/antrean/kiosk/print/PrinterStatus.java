package id.antrean.kiosk.print;

import java.util.Locale;
import java.util.Objects;

/**
 * What a printer looks like right now, as far as it can tell.
 *
 * @param state  the condition the kiosk's status screen shows
 * @param detail what was observed, in English, for logs and staff
 */
public record PrinterStatus(State state, String detail) {

    public enum State {
        /** The printer answered and reported paper. */
        READY,
        /** The printer answered: the paper roll is nearly finished, tickets still print. */
        PAPER_LOW,
        OUT_OF_PAPER,
        PRINTER_NOT_FOUND,
        UNREACHABLE,
        /** Reachable or present, but it does not report its condition (many cheap printers), or something failed. */
        UNKNOWN
    }

    public PrinterStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
    }

    static PrinterStatus of(State state, String detail) {
        return new PrinterStatus(state, detail);
    }

    /** The status a print problem implies, so the status screen can show the last outcome. */
    static PrinterStatus after(PrinterProblem problem) {
        State state = switch (problem.kind()) {
            case PRINTER_NOT_FOUND -> State.PRINTER_NOT_FOUND;
            case UNREACHABLE -> State.UNREACHABLE;
            case OUT_OF_PAPER -> State.OUT_OF_PAPER;
            case FAILED -> State.UNKNOWN;
        };
        return new PrinterStatus(state, problem.detail());
    }

    /** A short label for the kiosk's status screen, in Bahasa Indonesia or English. */
    public String label(Locale locale) {
        return PrintMessages.status(state, locale);
    }
}
