package id.antrean.queue;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;

/**
 * A queue's numbers, for walk-ins and online bookings alike: per facility, service and local day, from 1, with no
 * gap and no duplicate. Taking one bumps the {@code (facility, service, day)} row of {@code queue_day_sequence}:
 * its row lock orders concurrent issuers, and a rollback gives the number back.
 */
public final class TicketNumbers {
    /** The next number of queue ($1 facility, $2 service, $3 day), as a CTE {@code seq(last_number)}. */
    public static final String NEXT_NUMBER = """
            seq AS (
                INSERT INTO queue_day_sequence AS q (facility_id, service_id, service_date, last_number)
                VALUES ($1, $2, $3, 1)
                ON CONFLICT (facility_id, service_id, service_date) DO UPDATE SET last_number = q.last_number + 1
                RETURNING last_number)""";
    private static final String TAKE = "WITH " + NEXT_NUMBER + " SELECT last_number FROM seq";

    private TicketNumbers() {
    }

    /**
     * The SQL for a number's label: the service's prefix, a dash, the number in at least three digits (A-007,
     * A-1234), from the SQL expressions of the prefix and the number.
     */
    public static String label(String prefix, String number) {
        return prefix + " || '-' || CASE WHEN " + number + " < 1000 THEN lpad(" + number + "::text, 3, '0') ELSE "
                + number + "::text END";
    }

    /** Takes the queue's next number in the caller's transaction, when the ticket is inserted by a later statement. */
    public static Future<Integer> take(SqlClient tx, long facilityId, long serviceId, LocalDate day) {
        return tx.preparedQuery(TAKE).execute(Tuple.of(facilityId, serviceId, day))
                .map(rows -> rows.iterator().next().getInteger("last_number"));
    }
}
