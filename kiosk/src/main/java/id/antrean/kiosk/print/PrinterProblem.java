package id.antrean.kiosk.print;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a ticket was not printed.
 *
 * @param kind   what went wrong, in the terms the kiosk reacts to
 * @param detail what exactly happened, in English, for logs and staff; never shown to patients
 */
public record PrinterProblem(Kind kind, String detail) {

    public enum Kind {
        /** No printer by that name, or the device file is not there (unplugged, switched off). */
        PRINTER_NOT_FOUND,
        /** The printer does not answer: connection refused, timed out, unknown host, not accepting jobs. */
        UNREACHABLE,
        /** The printer says its paper roll is empty. */
        OUT_OF_PAPER,
        /** Anything else: an unreadable ticket, a spooler error, the printer stopped taking data. */
        FAILED
    }

    public PrinterProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** A plain sentence for the patient, in Bahasa Indonesia ({@code id}) or English; other languages get Indonesian. */
    public String patientMessage(Locale locale) {
        return PrintMessages.problem(kind, locale);
    }
}
