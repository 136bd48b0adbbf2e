package id.antrean.queue;

import id.antrean.facility.Counter;
import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which waiting ticket call-next takes, by the facility's {@code priority_order}: priority tickets first, but with
 * {@code interleave:N} the others first once the last N calls of the counter's services today were all priority
 * tickets (so at most N priority calls in a row while others wait). Exact under concurrent call-next: the counter's
 * services are locked first, so each call counts the calls committed before it.
 */
final class PriorityTurn {
    /** In service order, so two counters sharing services never wait on each other in a cycle. */
    static final String LOCK_SERVICES = """
            SELECT service_id FROM service WHERE facility_id = $1 AND service_id = ANY($2)
            ORDER BY service_id
            FOR NO KEY UPDATE""";

    /**
     * The next ticket of the services $3 on day $2 whose time in line has come ($4), locked. The facility's rule and
     * its streak (whether the last N calls of these services, in commit order, were all priority tickets of the
     * day: each service's latest calls read backwards from its newest, never the whole history) are worked out in
     * the same statement: read by the server first, they cost call-next two more round trips to PostgreSQL.
     */
    static final String LOCK_NEXT = """
            WITH rule AS (
                SELECT CASE WHEN priority_order LIKE 'interleave:%'
                            THEN substr(priority_order, 12)::int END AS in_a_row
                FROM facility WHERE facility_id = $1),
            latest AS (
                SELECT calls.ticket_id
                FROM unnest($3::bigint[]) AS s(service_id)
                CROSS JOIN LATERAL (
                    SELECT e.event_id, e.ticket_id FROM queue_event e
                    WHERE e.facility_id = $1 AND e.service_id = s.service_id AND e.type = 'TICKET_CALLED'
                    ORDER BY e.event_id DESC
                    LIMIT (SELECT coalesce(in_a_row, 0) FROM rule)) calls
                ORDER BY calls.event_id DESC
                LIMIT (SELECT coalesce(in_a_row, 0) FROM rule)),
            others_first AS (
                SELECT coalesce(count(*) = (SELECT in_a_row FROM rule)
                                AND bool_and(t.priority AND t.service_date = $2), false) AS yes
                FROM latest JOIN ticket t ON t.facility_id = $1 AND t.ticket_id = latest.ticket_id)
            SELECT ticket_id FROM ticket
            WHERE facility_id = $1 AND service_date = $2 AND status = 'WAITING' AND service_id = ANY($3)
              AND line_at <= $4
            ORDER BY (priority <> (SELECT yes FROM others_first)) DESC, line_at, queue_order
            LIMIT 1
            FOR UPDATE SKIP LOCKED""";

    private PriorityTurn() {
    }

    /** Locks the counter's services: send it before {@link #lockNext}, which counts the calls behind that lock. */
    static Future<?> lockServices(SqlConnection tx, Facility facility, Counter counter) {
        return tx.preparedQuery(LOCK_SERVICES)
                .execute(Tuple.tuple().addLong(facility.id()).addArrayOfLong(counter.serviceIds().toArray(Long[]::new)));
    }

    /** The next ticket's id, locked; null when nobody's turn has come. */
    static Future<Long> lockNext(SqlConnection tx, Facility facility, Counter counter, LocalDate today, Instant now) {
        return tx.preparedQuery(LOCK_NEXT)
                .execute(Tuple.tuple().addLong(facility.id()).addLocalDate(today)
                        .addArrayOfLong(counter.serviceIds().toArray(Long[]::new)).addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("ticket_id"));
    }
}
