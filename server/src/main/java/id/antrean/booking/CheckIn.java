package id.antrean.booking;

import id.antrean.auth.AccessGuard;
import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.closure.Closures;
import id.antrean.events.EventType;
import id.antrean.facility.FacilityContext;
import id.antrean.facility.Facility;
import id.antrean.queue.QueueBoard;
import id.antrean.queue.Ticket;
import id.antrean.queue.TicketStatus;
import id.antrean.queue.TicketView;
import id.antrean.web.ErrorCode;
import id.antrean.web.PathIds;
import id.antrean.web.Problem;
import id.antrean.web.Responses;
import id.antrean.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A booked patient has arrived (a kiosk scan or the receptionist): their booking joins the line, fairly. They stand
 * in line from now, but not before the time estimated for them at booking: arriving early, they wait for that time;
 * arriving late, they join at once, behind whoever is already in line.
 *
 * <p>Idempotent: a kiosk that lost the answer retries, and the same check-in again answers with the ticket as it
 * stands, writing nothing (no event, no audit entry); the row lock makes two at once one check-in.
 */
public final class CheckIn implements Routes {
    static final String CHECK_IN = """
            WITH arrived AS (
                UPDATE ticket SET status = 'WAITING', checked_in_at = $3, queued_at = $3,
                                  line_at = greatest($3, coalesce(estimated_at, $3)),
                                  queue_order = nextval('ticket_queue_order'), updated_at = $3
                WHERE facility_id = $1 AND ticket_id = $2
                RETURNING *)
            """ + TicketView.selectFrom("arrived");
    static final String LOCK = """
            SELECT status, service_date, home_service_id, checked_in_at FROM ticket
            WHERE facility_id = $1 AND ticket_id = $2 FOR UPDATE""";
    static final String CHECKED_IN = TicketView.selectFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.ticket_id = $2""";
    static final String BOOKED_TODAY = TicketView.selectFrom("ticket") + """
            WHERE t.facility_id = $1 AND t.service_date = $2 AND t.card_number = $3 AND t.status = 'BOOKED'
            ORDER BY t.ticket_id""";

    private final Pool pool;
    private final QueueBoard board;
    private final Clock clock;

    public CheckIn(Pool pool, QueueBoard board, Clock clock) {
        this.pool = pool;
        this.board = board;
        this.clock = clock;
    }

    @Override
    public void mount(RouterBuilder contract) {
        contract.getRoute("checkIn").addHandler(this::handle);
    }

    private void handle(RoutingContext rc) {
        long id = PathIds.id(rc, "ticket");
        Actor actor = AccessGuard.principal(rc).actor();
        Responses.json(rc, FacilityContext.of(rc).compose(f ->
                checkIn(f, id, actor).compose(ticket -> board.describe(f, ticket))));
    }

    /** The patient has arrived: their booking joins the line. */
    public Future<Ticket> checkIn(Facility facility, long ticketId, Actor actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(LOCK).execute(Tuple.of(facility.id(), ticketId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        throw Problem.of(ErrorCode.TICKET_NOT_FOUND);
                    }
                    Row row = rows.iterator().next();
                    TicketStatus status = TicketStatus.valueOf(row.getString("status"));
                    LocalDate day = row.getLocalDate("service_date");
                    if (!day.equals(facility.today(clock))) {
                        throw Problem.of(ErrorCode.TICKET_NOT_TODAY, "#" + ticketId, day.toString());
                    }
                    if (alreadyCheckedIn(row, status)) {
                        return tx.preparedQuery(CHECKED_IN).execute(Tuple.of(facility.id(), ticketId))
                                .map(again -> TicketView.map(again.iterator().next()));
                    }
                    if (status != TicketStatus.BOOKED) {
                        throw Problem.of(ErrorCode.NOT_BOOKED);
                    }
                    // Closed since the booking was made: the patient is told at once, the line stays shut.
                    return Closures.refuseIfClosed(tx, facility, row.getLong("home_service_id"), day)
                            .compose(open -> tx.preparedQuery(CHECK_IN)
                                    .execute(Tuple.of(facility.id(), ticketId, now.atOffset(ZoneOffset.UTC))))
                            .compose(arrived -> {
                                Ticket ticket = TicketView.map(arrived.iterator().next());
                                return BookingEvents.append(tx, facility, EventType.TICKET_CHECKED_IN, ticket, now)
                                        .compose(v -> AuditLog.append(tx, facility.id(), actor, "CHECK_IN",
                                                ticket.id(), new JsonObject(), now))
                                        .map(ticket);
                            });
                }));
    }

    /**
     * Checked in before and still in the day's queue (waiting, at a counter, parked or skipped): a retry, not a
     * mistake. A booking never checked in, or one finished, cancelled or missed since, is still refused.
     */
    private static boolean alreadyCheckedIn(Row row, TicketStatus status) {
        return row.getValue("checked_in_at") != null && switch (status) {
            case WAITING, CALLED, SERVING, PARKED, SKIPPED -> true;
            default -> false;
        };
    }

    /** Today's bookings of a card not yet checked in (the kiosk offers to check them in). */
    public Future<List<Ticket>> bookedToday(Facility facility, String cardNumber) {
        return pool.preparedQuery(BOOKED_TODAY).execute(Tuple.of(facility.id(), facility.today(clock), cardNumber))
                .map(rows -> {
                    List<Ticket> tickets = new ArrayList<>();
                    rows.forEach(row -> tickets.add(TicketView.map(row)));
                    return tickets;
                });
    }
}
