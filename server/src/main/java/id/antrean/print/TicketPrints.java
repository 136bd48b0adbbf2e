package id.antrean.print;

import id.antrean.facility.Facility;
import id.antrean.facility.FacilityContext;
import id.antrean.facility.ZoneLabel;
import id.antrean.protocol.TicketCode;
import id.antrean.queue.QueueBoard;
import id.antrean.queue.Ticket;
import id.antrean.queue.WaitEstimator;
import id.antrean.web.ErrorCode;
import id.antrean.web.LocalizedText;
import id.antrean.web.Messages;
import id.antrean.web.Problem;
import id.antrean.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.format.DateTimeFormatter;

/**
 * A ticket as paper: {@code GET /api/v1/facilities/{facility}/tickets/{ticket}/ticket.pdf?width=58|80}, for
 * the kiosk's printer and for reprints at the console. Rendered on a worker thread.
 */
public final class TicketPrints implements Routes {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy · HH.mm", Messages.INDONESIAN);

    private final Vertx vertx;
    private final QueueBoard board;
    private final WaitEstimator estimator;
    private final TicketRenderer renderer;

    public TicketPrints(Vertx vertx, QueueBoard board, WaitEstimator estimator,
                        TicketRenderer renderer) {
        this.vertx = vertx;
        this.board = board;
        this.estimator = estimator;
        this.renderer = renderer;
    }

    public void handle(RoutingContext rc) {
        String id = rc.pathParam("ticket");
        String widthParam = rc.queryParams().get("width");
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "ticket", "ticket");
        }
        if (widthParam != null && !widthParam.equals("58") && !widthParam.equals("80")) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "width", "width");
        }
        TicketRenderer.Width width = TicketRenderer.Width.of(widthParam == null ? 80 : Integer.parseInt(widthParam));
        FacilityContext.of(rc).compose(facility -> pdf(facility, Long.parseLong(id), width)).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
                return;
            }
            rc.response().putHeader("Content-Type", "application/pdf")
                    .putHeader("Content-Disposition", "inline; filename=\"ticket-" + id + ".pdf\"")
                    .putHeader("Cache-Control", "no-store")
                    .end(ar.result());
        });
    }

    public Future<Buffer> pdf(Facility facility, long ticketId, TicketRenderer.Width width) {
        return board.ticket(facility, ticketId)
                .compose(ticket -> estimator.minutesFor(facility, ticket).compose(minutes -> vertx.executeBlocking(
                        () -> Buffer.buffer(renderer.pdf(document(facility, ticket, minutes), width)), false)));
    }

    /** The ticket in words, Bahasa Indonesia first, English second. */
    public static TicketDocument document(Facility facility, Ticket ticket, Integer waitMinutes) {
        String when = DATE.format(ticket.issuedAt().atZone(facility.zone())) + " "
                + ZoneLabel.of(facility.zone()).orElse(facility.zone().getId());
        String ahead = ticket.position() == null ? null : both(Messages.text("ticket.ahead", ticket.position() - 1));
        return new TicketDocument(
                facility.name(),
                both(Messages.text("ticket.title")),
                ticket.label(),
                ticket.serviceName(),
                when,
                ahead,
                // A waiting patient with no basis for an estimate reads "—", never a made-up number.
                ticket.position() == null ? null : waitMinutes == null ? both(Messages.text("ticket.waitUnknown"))
                        : both(Messages.text("ticket.wait", waitMinutes)),
                Messages.text("ticket.footer").id() + "\n" + Messages.text("ticket.footer").en(),
                new TicketCode(facility.code(), ticket.id(), ticket.label()).text(),
                ticket.priority() ? both(Messages.text("ticket.priority")) : null);
    }

    private static String both(LocalizedText text) {
        return text.id() + " / " + text.en();
    }

    /** PDF is not a media type the contract validator knows: this route is described in the contract's text. */
    @Override
    public void mount(Router router, Vertx vertx) {
        router.get("/api/v1/facilities/:facility/tickets/:ticket/ticket.pdf").handler(this::handle);
    }
}
