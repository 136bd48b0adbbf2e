package id.antrean.track;

import id.antrean.facility.FacilityDirectory;
import id.antrean.protocol.TrackLink;
import id.antrean.queue.Ticket;
import id.antrean.queue.TicketView;
import id.antrean.queue.WaitEstimator;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Finds the ticket of a tracking code, while its day lasts. An unknown code and a ticket whose facility's day is over
 * get the same answer ({@code TRACKING_NOT_FOUND}), so a guess learns nothing; a code that cannot be one is refused
 * without a query.
 */
final class TrackedTickets {
    static final String BY_CODE = TicketView.selectFrom("ticket") + " WHERE t.tracking_code = $1";

    private final Pool pool;
    private final FacilityDirectory directory;
    private final WaitEstimator estimator;
    private final Clock clock;

    TrackedTickets(Pool pool, FacilityDirectory directory, WaitEstimator estimator, Clock clock) {
        this.pool = pool;
        this.directory = directory;
        this.estimator = estimator;
        this.clock = clock;
    }

    Future<TrackedTicket> find(String code) {
        if (!TrackLink.isCode(code)) {
            return Future.failedFuture(Problem.of(ErrorCode.TRACKING_NOT_FOUND));
        }
        return pool.preparedQuery(BY_CODE).execute(Tuple.of(code)).compose(rows -> {
            Ticket ticket = rows.size() == 0 ? null : TicketView.map(rows.iterator().next());
            if (ticket == null || expired(ticket)) {
                return Future.failedFuture(Problem.of(ErrorCode.TRACKING_NOT_FOUND));
            }
            return directory.facility(ticket.facility()).compose(facility -> estimator.minutesFor(facility, ticket)
                    .map(minutes -> new TrackedTicket(facility, ticket, minutes)));
        });
    }

    /** The link lasts until the end of the ticket's day, in its facility's time zone (a booking: its own day). */
    boolean expired(Ticket ticket) {
        return LocalDate.ofInstant(clock.instant(), ticket.zone()).isAfter(ticket.serviceDate());
    }
}
