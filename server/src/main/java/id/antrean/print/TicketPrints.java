package id.antrean.print;

import id.antrean.facility.Facility;
import id.antrean.facility.FacilityContext;
import id.antrean.facility.ZoneLabel;
import id.antrean.profile.Letterhead;
import id.antrean.profile.Letterheads;
import id.antrean.protocol.TrackLink;
import id.antrean.queue.QueueBoard;
import id.antrean.queue.Ticket;
import id.antrean.queue.WaitEstimator;
import id.antrean.web.ErrorCode;
import id.antrean.web.Messages;
import id.antrean.web.Problem;
import id.antrean.web.PublicUrl;
import id.antrean.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * A ticket as paper: {@code GET /api/v1/facilities/{facility}/tickets/{ticket}/ticket.pdf?width=58|80&lang=id|en},
 * for the kiosk's printer (in the language the patient used there) and for reprints at the console (Bahasa
 * Indonesia unless asked otherwise). Rendered on a worker thread.
 */
public final class TicketPrints implements Routes {
    private static final Set<String> LANGUAGES = Set.of("id", "en");

    private final Vertx vertx;
    private final QueueBoard board;
    private final WaitEstimator estimator;
    private final Letterheads letterheads;
    private final TicketRenderer renderer;
    private final PublicUrl links;

    /** @param links the base of the tracking link the ticket's QR carries */
    public TicketPrints(Vertx vertx, QueueBoard board, WaitEstimator estimator, Letterheads letterheads,
                        TicketRenderer renderer, PublicUrl links) {
        this.vertx = vertx;
        this.board = board;
        this.estimator = estimator;
        this.letterheads = letterheads;
        this.renderer = renderer;
        this.links = links;
    }

    public void handle(RoutingContext rc) {
        String id = rc.pathParam("ticket");
        String widthParam = rc.queryParams().get("width");
        String langParam = rc.queryParams().get("lang");
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "ticket", "ticket");
        }
        if (widthParam != null && !widthParam.equals("58") && !widthParam.equals("80")) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "width", "width");
        }
        if (langParam != null && !LANGUAGES.contains(langParam)) {
            throw Problem.ofField(ErrorCode.INVALID_FIELD, "lang", "lang");
        }
        TicketRenderer.Width width = TicketRenderer.Width.of(widthParam == null ? 80 : Integer.parseInt(widthParam));
        Locale language = langParam == null ? Messages.INDONESIAN : Locale.forLanguageTag(langParam);
        String base = links.base(rc);
        FacilityContext.of(rc).compose(facility -> pdf(facility, Long.parseLong(id), width, language, base)).onComplete(ar -> {
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

    /** @param base where the ticket's tracking link points (PUBLIC_URL, or the origin the kiosk asked) */
    public Future<Buffer> pdf(Facility facility, long ticketId, TicketRenderer.Width width, Locale language,
                              String base) {
        return board.ticket(facility, ticketId).compose(ticket -> Future.all(estimator.minutesFor(facility, ticket),
                        letterheads.of(facility))
                .compose(both -> vertx.executeBlocking(() -> Buffer.buffer(renderer.pdf(
                        document(facility, ticket, both.resultAt(0), both.resultAt(1), language,
                                TrackLink.of(base, ticket.trackingCode()).url()), width)), false)));
    }

    /**
     * The ticket in words of one language: the one the patient used at the kiosk. Its QR carries the ticket's
     * tracking link: a phone's camera opens the patient's page, and the kiosk reads it back as a ticket.
     */
    public static TicketDocument document(Facility facility, Ticket ticket, Integer waitMinutes, Letterhead letterhead,
                                          Locale language, String trackUrl) {
        String when = DateTimeFormatter.ofPattern(text(language, "ticket.dateFormat"), language)
                .format(ticket.issuedAt().atZone(facility.zone())) + " "
                + ZoneLabel.of(facility.zone()).orElse(facility.zone().getId());
        boolean waiting = ticket.position() != null;
        boolean booked = "ONLINE".equals(ticket.source());
        String booking = !booked ? null : ticket.estimatedAt() == null ? text(language, "ticket.bookingUntimed")
                : text(language, "ticket.booking", DateTimeFormatter.ofPattern(text(language, "ticket.timeFormat"))
                        .format(ticket.estimatedAt().atZone(facility.zone())));
        return new TicketDocument(
                letterhead.logo(),
                facility.name(),
                text(language, "ticket.title"),
                ticket.label(),
                ticket.priority() ? text(language, "ticket.priority") : null,
                ticket.serviceName(),
                text(language, "ticket.payer." + ticket.payer()),
                booking,
                when,
                waiting ? text(language, "ticket.ahead", ticket.position() - 1) : null,
                // The estimate's rules (WaitEstimator): null is no basis, and no line is better than a made-up
                // number; nobody ahead is no wait to announce, never "0 menit".
                waiting && waitMinutes != null && waitMinutes >= 1 ? text(language, "ticket.wait", waitMinutes) : null,
                trackUrl,
                text(language, "ticket.qr"),
                // Who booked from home needs no advice to do so.
                booked ? null : text(language, "ticket.bookFromHome"),
                letterhead.ticketFooter());
    }

    private static String text(Locale language, String key, Object... args) {
        return Messages.text(key, args).in(language);
    }

    /** PDF is not a media type the contract validator knows: this route is described in the contract's text. */
    @Override
    public void mount(Router router, Vertx vertx) {
        router.get("/api/v1/facilities/:facility/tickets/:ticket/ticket.pdf").handler(this::handle);
    }
}
