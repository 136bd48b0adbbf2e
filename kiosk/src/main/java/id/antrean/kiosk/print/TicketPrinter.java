package id.antrean.kiosk.print;

/**
 * Prints queue tickets (PDFs rendered by the server for a 58 mm or 80 mm roll) on whatever printer the kiosk
 * is configured with. Every method blocks on I/O: call them from a worker thread, never from an event loop.
 * Implementations are thread-safe.
 */
public interface TicketPrinter {

    /**
     * Prints one ticket PDF; blocking (the caller runs it on a worker thread). Never throws for printer trouble:
     * returns the problem, with a message the kiosk can show to the patient.
     *
     * @param pdf          the ticket as sent by the server ({@code GET …/tickets/{id}/ticket.pdf?width=58|80})
     * @param fileNameHint something that names the ticket, e.g. {@code "123-A-012"}: used for job and file names
     */
    PrintResult print(byte[] pdf, String fileNameHint);

    /** What the printer looks like right now, if it can tell (for the kiosk's status screen); may be UNKNOWN. */
    PrinterStatus status();

    /** For logs and the status screen, e.g. {@code "ESC/POS tcp://10.0.0.5:9100 (58 mm)"}. */
    String describe();
}
