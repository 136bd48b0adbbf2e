package id.antrean.kiosk.tickets;

import id.antrean.kiosk.server.ServerClient;
import id.antrean.kiosk.print.PrintResult;
import id.antrean.kiosk.print.PrinterProblem;
import id.antrean.kiosk.print.TicketPrinter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a patient their number: the server issues it (retried with the same Idempotency-Key), then the
 * ticket the server rendered is printed here. Nothing is printed that the server did not confirm. Printer
 * trouble is shown to the patient and announced to the room's consoles.
 */
public final class TicketDesk {
    private static final Logger LOG = LoggerFactory.getLogger(TicketDesk.class);

    /** The server's refusal (e.g. a closed service): passed to the page as it came. */
    public static final class Refused extends RuntimeException {
        private final transient HttpResponse<Buffer> response;

        Refused(HttpResponse<Buffer> response) {
            super("refused with " + response.statusCode(), null, false, false);
            this.response = response;
        }

        public HttpResponse<Buffer> response() {
            return response;
        }
    }

    /** A ticket that no longer stands (done, cancelled …): printing it again would send someone to wait for nothing. */
    public static final class NotReprintable extends RuntimeException {
        NotReprintable() {
            super("ticket no longer open", null, false, false);
        }
    }

    /** The statuses of a number that still stands, as the server's one-open-number rule counts them. */
    private static final Set<String> OPEN = Set.of("WAITING", "CALLED", "SERVING", "PARKED");

    private final Vertx vertx;
    private final ServerClient server;
    private final TicketPrinter printer;
    private final int widthMm;
    private final AtomicReference<PrintResult> lastPrint = new AtomicReference<>();

    public TicketDesk(Vertx vertx, ServerClient server, TicketPrinter printer, int widthMm) {
        this.vertx = vertx;
        this.server = server;
        this.printer = printer;
        this.widthMm = widthMm;
    }

    /** {@code {ticket, printed, problem?}}; the ticket is printed in {@code lang}, the patient's language. */
    public Future<JsonObject> issue(JsonObject request, String idempotencyKey, String lang) {
        return server.issue(request, idempotencyKey).compose(response -> {
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                return Future.failedFuture(new Refused(response));
            }
            JsonObject ticket = response.bodyAsJsonObject();
            return print(ticket, "", lang).map(printed -> printed.put("ticket", ticket));
        });
    }

    /** Checks in an online booking, then prints its ticket (the number booked from home). */
    public Future<JsonObject> checkIn(long ticketId, String lang) {
        return server.checkIn(ticketId).compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture(new Refused(response));
            }
            JsonObject ticket = response.bodyAsJsonObject();
            return print(ticket, "", lang).map(printed -> printed.put("ticket", ticket));
        });
    }

    /**
     * Prints again a number the patient already holds (the server answered ALREADY_HAS_TICKET with it), read
     * fresh from the server; a booking not yet checked in is checked in instead, by the page.
     */
    public Future<JsonObject> reprint(long ticketId, String lang) {
        return server.ticket(ticketId).compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture(new Refused(response));
            }
            JsonObject ticket = response.bodyAsJsonObject();
            if (!OPEN.contains(ticket.getString("status"))) {
                return Future.failedFuture(new NotReprintable());
            }
            // Its own file name in a PDF folder: the copy printed at issue stays as it was.
            return print(ticket, "-reprint", lang).map(printed -> printed.put("ticket", ticket));
        });
    }

    /** The last print's outcome, for the status screen; null before the first ticket. */
    public PrintResult lastPrint() {
        return lastPrint.get();
    }

    public TicketPrinter printer() {
        return printer;
    }

    private Future<JsonObject> print(JsonObject ticket, String hintSuffix, String lang) {
        long id = ticket.getLong("id");
        String hint = id + "-" + ticket.getString("label") + hintSuffix;
        return server.ticketPdf(id, widthMm, lang)
                .compose(pdf -> pdf.statusCode() == 200
                        ? vertx.executeBlocking(() -> printer.print(pdf.body().getBytes(), hint), false)
                        : Future.succeededFuture(PrintResult.failed(new PrinterProblem(PrinterProblem.Kind.FAILED,
                                "the server did not give the ticket's PDF (HTTP " + pdf.statusCode() + ")"))))
                .recover(e -> Future.succeededFuture(PrintResult.failed(
                        new PrinterProblem(PrinterProblem.Kind.FAILED, "no ticket PDF: " + e.getMessage()))))
                .map(result -> {
                    PrintResult before = lastPrint.getAndSet(result);
                    announce(before, result);
                    return PrintOutcomes.forIssuedTicket(result);
                });
    }

    /** Tells the consoles when the printer goes wrong, and when it works again. */
    private void announce(PrintResult before, PrintResult now) {
        boolean wasOk = before == null || before.isPrinted();
        if (now.isPrinted() && !wasOk) {
            server.alert(new JsonObject().put("kind", "PRINTER_OK"));
        } else if (!now.isPrinted()) {
            LOG.warn("Ticket not printed: {}", now);
            server.alert(new JsonObject().put("kind", "PRINTER_PROBLEM").put("problem", PrintOutcomes.kind(now)));
        }
    }
}
