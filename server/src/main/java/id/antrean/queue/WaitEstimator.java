package id.antrean.queue;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * How long a patient will wait: the number of people ahead times the service's time per patient, shared
 * among the counters that serve it. The time per patient is the mean time from call to finish of the
 * service's most recent finished tickets (the last {@value #RECENT} within {@value #WINDOW_HOURS} hours),
 * or {@link #DEFAULT_PER_PATIENT} until there are any.
 */
public final class WaitEstimator {
    static final int RECENT = 20;
    static final int WINDOW_HOURS = 8;
    static final Duration DEFAULT_PER_PATIENT = Duration.ofMinutes(5);

    static final String PACE = """
            SELECT s.service_id,
                   (SELECT avg(extract(epoch FROM r.finished_at - r.called_at))
                    FROM (SELECT t.finished_at, t.called_at FROM ticket t
                          WHERE t.facility_id = s.facility_id AND t.service_id = s.service_id AND t.status = 'DONE'
                            AND t.called_at IS NOT NULL AND t.finished_at > $2
                          ORDER BY t.finished_at DESC LIMIT 20) r) AS seconds_per_patient,
                   (SELECT count(*) FROM counter_service cs
                    WHERE cs.facility_id = s.facility_id AND cs.service_id = s.service_id) AS counters
            FROM service s WHERE s.facility_id = $1""";

    /** A service's pace: seconds per patient, and how many counters share the line. */
    public record Pace(double secondsPerPatient, long counters) {
        /** Minutes until someone with {@code ahead} people before them is called, rounded up. */
        public int minutesFor(int ahead) {
            double seconds = ahead * secondsPerPatient / Math.max(1, counters);
            return (int) Math.ceil(seconds / 60.0);
        }
    }

    /** Paces change slowly: each node keeps them for a short while instead of asking at every ticket. */
    static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private record Cached(java.time.Instant until, Map<Long, Pace> paces) {
    }

    private final Pool pool;
    private final Clock clock;
    private final Map<Long, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public WaitEstimator(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Future<Map<Long, Pace>> paces(Facility facility) {
        Cached cached = cache.get(facility.id());
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return Future.succeededFuture(cached.paces());
        }
        return measure(facility).onSuccess(paces ->
                cache.put(facility.id(), new Cached(clock.instant().plus(CACHE_FOR), paces)));
    }

    /** Minutes until this ticket is called; null unless it is waiting. */
    public Future<Integer> minutesFor(Facility facility, Ticket ticket) {
        if (ticket.position() == null) {
            return Future.succeededFuture(null);
        }
        return paces(facility).map(paces -> pace(paces, ticket.serviceId()).minutesFor(ticket.position() - 1));
    }

    static Pace pace(Map<Long, Pace> paces, long serviceId) {
        return paces.getOrDefault(serviceId, new Pace(DEFAULT_PER_PATIENT.toSeconds(), 1));
    }

    private Future<Map<Long, Pace>> measure(Facility facility) {
        return pool.preparedQuery(PACE)
                .execute(Tuple.of(facility.id(), clock.instant().minus(Duration.ofHours(WINDOW_HOURS)).atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<Long, Pace> paces = new HashMap<>();
                    for (Row row : rows) {
                        Double seconds = row.getDouble("seconds_per_patient");
                        paces.put(row.getLong("service_id"), new Pace(
                                seconds == null ? DEFAULT_PER_PATIENT.toSeconds() : seconds, row.getLong("counters")));
                    }
                    return paces;
                });
    }
}
