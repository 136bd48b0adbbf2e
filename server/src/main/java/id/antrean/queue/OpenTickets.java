package id.antrean.queue;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;

/**
 * The rule "one open number per person per service per day". A person is a card number or a NIK; the two are
 * linked by the eligibility answer (a NIK is checked into its card, which the ticket keeps), so a number taken by
 * card is found when the same person comes back with their NIK, and the other way round. Open means the number
 * still stands: booked, waiting, called, serving or parked.
 *
 * <p>Read it only while holding the lock of the queue's number ({@link TicketNumbers#take}), in a statement after
 * that one: every issuer of the same queue waits for that row lock, and under READ COMMITTED the next statement
 * sees what the one before us committed, so two kiosks at once for the same person give exactly one ticket.
 */
final class OpenTickets {
    static final String OPEN_OF_PERSON = TicketView.selectFrom("ticket", "t.idempotency_key")
            + """
            WHERE t.facility_id = $1 AND t.service_date = $2
              AND (t.home_service_id = $3 OR t.service_id = $3)
              AND t.status IN ('BOOKED', 'WAITING', 'CALLED', 'SERVING', 'PARKED')
              AND (t.card_number = $4 OR t.nik = $5)
            ORDER BY t.issued_at, t.ticket_id
            LIMIT 1""";

    /** A ticket the person holds, and the idempotency key that took it (a retry of that request is no duplicate). */
    record Held(Ticket ticket, String idempotencyKey) {
    }

    private OpenTickets() {
    }

    /** The person's open ticket of the service that day, or null; null too when the request names nobody. */
    static Future<Held> heldBy(SqlClient tx, long facilityId, long serviceId, LocalDate day, String card, String nik) {
        if (card == null && nik == null) {
            return Future.succeededFuture(null);
        }
        return tx.preparedQuery(OPEN_OF_PERSON).execute(Tuple.of(facilityId, day, serviceId, card, nik))
                .map(rows -> rows.size() == 0 ? null : new Held(TicketView.map(rows.iterator().next()),
                        rows.iterator().next().getString("idempotency_key")));
    }
}
