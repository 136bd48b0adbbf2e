package id.antrean.queue;

import id.antrean.facility.Counter;
import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;

/**
 * Whether call-next must pass over priority tickets this time, by the facility's {@code priority_order}:
 * {@code first} never; {@code interleave:N} when the last N calls of the counter's services today were all
 * priority tickets (so at most N priority calls in a row while others wait). Exact under concurrent call-next:
 * the counter's services are locked first, so each call counts the calls committed before it.
 */
final class PriorityTurn {
    /** In service order, so two counters sharing services never wait on each other in a cycle. */
    static final String LOCK_SERVICES = """
            SELECT service_id FROM service WHERE facility_id = $1 AND service_id = ANY($2)
            ORDER BY service_id
            FOR NO KEY UPDATE""";

    static final String ORDER = "SELECT priority_order FROM facility WHERE facility_id = $1";

    /**
     * Whether the last $4 calls (in commit order: event ids) of these services were all priority tickets of the
     * day $3. Each service's latest calls are read backwards from its newest, never the whole history.
     */
    static final String PRIORITY_STREAK = """
            SELECT count(*) = $4 AND coalesce(bool_and(t.priority AND t.service_date = $3), false) AS full_streak
            FROM (SELECT calls.ticket_id
                  FROM unnest($2::bigint[]) AS s(service_id)
                  CROSS JOIN LATERAL (
                      SELECT e.event_id, e.ticket_id FROM queue_event e
                      WHERE e.facility_id = $1 AND e.service_id = s.service_id AND e.type = 'TICKET_CALLED'
                      ORDER BY e.event_id DESC
                      LIMIT $4) calls
                  ORDER BY calls.event_id DESC
                  LIMIT $4) latest
            JOIN ticket t ON t.facility_id = $1 AND t.ticket_id = latest.ticket_id""";

    Future<Boolean> othersFirst(SqlConnection tx, Facility facility, Counter counter, LocalDate today) {
        Long[] services = counter.serviceIds().toArray(Long[]::new);
        // Sent together: the facility's order is read behind the services' lock, without waiting for it.
        Future<?> locked = tx.preparedQuery(LOCK_SERVICES)
                .execute(Tuple.tuple().addLong(facility.id()).addArrayOfLong(services));
        Future<String> order = tx.preparedQuery(ORDER).execute(Tuple.of(facility.id()))
                .map(rows -> rows.iterator().next().getString("priority_order"));
        return Future.all(locked, order).compose(v -> {
            if (!order.result().startsWith("interleave:")) {
                return Future.succeededFuture(false);
            }
            int inARow = Integer.parseInt(order.result().substring("interleave:".length()));
            return tx.preparedQuery(PRIORITY_STREAK)
                    .execute(Tuple.tuple().addLong(facility.id()).addArrayOfLong(services).addLocalDate(today)
                            .addLong((long) inARow))
                    .map(streak -> streak.iterator().next().getBoolean("full_streak"));
        });
    }
}
