package id.antrean.booking;

import id.antrean.bpjs.outbox.BpjsOutbox;
import id.antrean.events.EventType;
import id.antrean.facility.Facility;
import id.antrean.facility.FacilityDirectory;
import id.antrean.queue.Ticket;
import id.antrean.queue.TicketView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute, on every node: online bookings not checked in by their service's closing time (or left from
 * earlier days) become no-shows, and BPJS hears the patient did not come. Safe on every node at once: each booking
 * changes once.
 *
 * <p>One server may host hundreds of facilities, most with nothing due most minutes: one statement asks which
 * facilities have bookings due now, each in its own local day and time, and only those get a transaction.
 */
public final class NoShowSweep {
    private static final Logger LOG = LoggerFactory.getLogger(NoShowSweep.class);
    static final long EVERY_MS = 60_000;

    /** The facilities with bookings due to become no-shows now ($1): the union of the two statements below. */
    static final String FACILITIES_WITH_DUE = """
            SELECT f.facility_id, f.code, f.name, f.time_zone, f.bpjs_provider_code, f.booking_window_days
            FROM facility f
            WHERE EXISTS (
                SELECT 1 FROM ticket t
                WHERE t.facility_id = f.facility_id AND t.status = 'BOOKED'
                  AND (t.service_date < ($1::timestamptz AT TIME ZONE f.time_zone)::date
                       OR (t.service_date = ($1::timestamptz AT TIME ZONE f.time_zone)::date
                           AND EXISTS (SELECT 1 FROM service_schedule sch
                                       WHERE sch.facility_id = t.facility_id AND sch.service_id = t.home_service_id
                                         AND sch.weekday = extract(isodow FROM t.service_date)
                                         AND sch.closes_at <= ($1::timestamptz AT TIME ZONE f.time_zone)::time))))
            ORDER BY f.code""";
    static final String DUE_NO_SHOWS = """
            WITH missed AS (
                UPDATE ticket t SET status = 'NO_SHOW', updated_at = $3
                FROM service_schedule sch
                WHERE t.facility_id = $1 AND t.status = 'BOOKED'
                  AND sch.facility_id = t.facility_id AND sch.service_id = t.home_service_id
                  AND sch.weekday = extract(isodow FROM t.service_date)
                  AND (t.service_date < $2::date OR (t.service_date = $2::date AND sch.closes_at <= $4::time))
                RETURNING t.*)
            """ + TicketView.selectFrom("missed");
    static final String STALE_BOOKINGS = """
            WITH missed AS (
                UPDATE ticket t SET status = 'NO_SHOW', updated_at = $3
                WHERE t.facility_id = $1 AND t.status = 'BOOKED' AND t.service_date < $2::date
                RETURNING t.*)
            """ + TicketView.selectFrom("missed");

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;

    public NoShowSweep(Vertx vertx, Pool pool, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
    }

    public void start() {
        vertx.setPeriodic(EVERY_MS, id -> runOnce());
    }

    /** One sweep over all facilities; failures are logged and tried again at the next sweep. */
    public Future<Integer> runOnce() {
        return facilitiesWithDue(clock.instant()).compose(facilities -> {
            Future<Integer> total = Future.succeededFuture(0);
            for (var facility : facilities) {
                total = total.compose(sum -> markNoShows(facility).map(n -> sum + n));
            }
            return total;
        }).onFailure(e -> LOG.warn("No-show sweep failed: {}", e.toString()));
    }

    private Future<List<Facility>> facilitiesWithDue(Instant now) {
        return pool.preparedQuery(FACILITIES_WITH_DUE).execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<Facility> due = new ArrayList<>();
                    rows.forEach(row -> due.add(FacilityDirectory.facility(row)));
                    return due;
                });
    }

    /** The facility's bookings due to become no-shows, now. */
    Future<Integer> markNoShows(Facility facility) {
        Instant now = clock.instant();
        LocalDate today = facility.today(clock);
        LocalTime localTime = LocalTime.ofInstant(now, facility.zone());
        return pool.withTransaction(tx -> tx.preparedQuery(DUE_NO_SHOWS)
                .execute(Tuple.of(facility.id(), today, now.atOffset(ZoneOffset.UTC), localTime))
                .compose(due -> tx.preparedQuery(STALE_BOOKINGS)
                        .execute(Tuple.of(facility.id(), today, now.atOffset(ZoneOffset.UTC)))
                        .map(stale -> List.of(due, stale)))
                .compose(sets -> {
                    Future<Void> all = Future.succeededFuture();
                    int count = 0;
                    for (RowSet<Row> set : sets) {
                        for (Row row : set) {
                            Ticket ticket = TicketView.map(row);
                            count++;
                            all = all.compose(v -> BookingEvents.append(tx, facility, EventType.TICKET_NO_SHOW, ticket, now))
                                    .compose(v -> BpjsOutbox.called(tx, facility.id(), ticket.id(), BpjsOutbox.ABSENT, now));
                        }
                    }
                    int marked = count;
                    return all.map(marked);
                }));
    }
}
