package id.antrean.queue;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a patient will wait: the people ahead times the service's time per patient, shared among the
 * counters working that line. One estimate for the kiosk, the ticket, the display, the console and Mobile JKN.
 *
 * <p>The time per patient is learned from the <em>spacing of calls</em>, not from call→finish clicks: staff
 * click "finish" (and even "call") in batches, so durations between those clicks say little, while the time a
 * room takes for {@value #SPAN} successive calls does not care how the clicks inside were bunched. Only spans in
 * which the room never waited for a patient count (each patient called was already in line at the call
 * before), so quiet hours do not read as slow service. Over the last {@value #HISTORY_DAYS} days (per local day
 * of the facility) the spans are trimmed of their lowest and highest {@value #TRIM_PERCENT} % and averaged.
 *
 * <p>With fewer than {@value #MIN_SAMPLES} spans the service's typical time (set by its admin) is used; the
 * estimate never promises less than that typical time per person ahead, nor less than a minute. With neither
 * history nor typical time there is no basis: the estimate is null and every screen shows "—".
 */
public final class WaitEstimator {
    static final int HISTORY_DAYS = 28;
    /** How many successive calls of one room each measured span covers. */
    static final int SPAN = 4;
    static final int MIN_SAMPLES = 12;
    static final int TRIM_PERCENT = 10;
    static final double MIN_SECONDS_PER_PATIENT = 60;
    /** Paces change slowly: each node keeps them for a short while instead of asking at every ticket. */
    static final Duration CACHE_FOR = Duration.ofSeconds(30);

    /**
     * Per service: the trimmed mean seconds per patient of its rooms' busy spans, how many spans, and its
     * typical time. A call's ticket was "in line" from its latest issue, check-in, transfer or requeue.
     */
    static final String PACES = """
            WITH calls AS (
                SELECT e.service_id, e.counter_id, e.created_at AS called_at,
                       (e.created_at AT TIME ZONE $3)::date AS day,
                       (SELECT max(j.created_at) FROM queue_event j
                        WHERE j.facility_id = e.facility_id AND j.ticket_id = e.ticket_id
                          AND j.type IN ('TICKET_ISSUED', 'TICKET_CHECKED_IN', 'TICKET_TRANSFERRED', 'TICKET_REQUEUED')
                          AND j.created_at <= e.created_at) AS in_line_at
                FROM queue_event e
                WHERE e.facility_id = $1 AND e.type = 'TICKET_CALLED' AND e.counter_id IS NOT NULL
                  AND e.created_at > $2
            ), busy AS (
                SELECT service_id, counter_id, day, called_at,
                       coalesce(lead(in_line_at) OVER room <= called_at, false) AS next_was_waiting
                FROM calls
                WINDOW room AS (PARTITION BY counter_id, day ORDER BY called_at)
            ), spans AS (
                SELECT service_id,
                       extract(epoch FROM lead(called_at, %1$d) OVER room - called_at) / %1$d AS seconds,
                       bool_and(next_was_waiting) OVER (room ROWS BETWEEN CURRENT ROW AND %2$d FOLLOWING) AS busy
                FROM busy
                WINDOW room AS (PARTITION BY counter_id, day ORDER BY called_at)
            ), kept AS (
                SELECT service_id, seconds FROM spans WHERE busy AND seconds IS NOT NULL
            ), bounds AS (
                SELECT service_id, count(*) AS samples,
                       percentile_cont(%3$s) WITHIN GROUP (ORDER BY seconds) AS low,
                       percentile_cont(%4$s) WITHIN GROUP (ORDER BY seconds) AS high
                FROM kept GROUP BY service_id
            ), measured AS (
                SELECT k.service_id, b.samples, avg(k.seconds) AS seconds
                FROM kept k JOIN bounds b ON b.service_id = k.service_id
                WHERE k.seconds BETWEEN b.low AND b.high
                GROUP BY k.service_id, b.samples
            )
            SELECT s.service_id, s.code, s.typical_service_minutes, m.samples, m.seconds,
                   (SELECT count(DISTINCT c.counter_id) FROM queue_event c
                    WHERE c.facility_id = s.facility_id AND c.service_id = s.service_id
                      AND c.type = 'TICKET_CALLED' AND c.created_at > $4) AS active,
                   (SELECT count(*) FROM counter_service cs
                    JOIN counter c ON c.facility_id = cs.facility_id AND c.counter_id = cs.counter_id
                    WHERE cs.facility_id = s.facility_id AND cs.service_id = s.service_id
                      AND c.retired_at IS NULL) AS serving
            FROM service s LEFT JOIN measured m ON m.service_id = s.service_id
            WHERE s.facility_id = $1""".formatted(SPAN, SPAN - 1, String.valueOf(TRIM_PERCENT / 100.0),
            String.valueOf(1 - TRIM_PERCENT / 100.0));

    /**
     * A service's pace: seconds per patient (null when there is no basis for an estimate), and how many
     * counters share the line.
     */
    public record Pace(Double secondsPerPatient, long counters) {
        static final Pace UNKNOWN = new Pace(null, 1);

        /** Minutes until someone with {@code ahead} people before them is called, rounded up; null when unknown. */
        public Integer minutesFor(int ahead) {
            if (secondsPerPatient == null) {
                return null;
            }
            double seconds = ahead * secondsPerPatient / Math.max(1, counters);
            return (int) Math.ceil(seconds / 60.0);
        }

        public boolean known() {
            return secondsPerPatient != null;
        }

        /** As screens receive it, to work out each estimate from their own count of who waits. */
        public JsonObject toJson() {
            return new JsonObject().put("secondsPerPatient", secondsPerPatient).put("counters", counters);
        }
    }

    /**
     * The time per patient from what is known of a service: the measured pace when it has enough samples,
     * never below the typical time or a minute; the typical time without it; null without either.
     */
    static Double secondsPerPatient(Integer typicalMinutes, Long samples, Double measured) {
        Double typical = typicalMinutes == null ? null : typicalMinutes * 60.0;
        if (measured != null && samples != null && samples >= MIN_SAMPLES) {
            return Math.max(Math.max(measured, MIN_SECONDS_PER_PATIENT), typical == null ? 0 : typical);
        }
        return typical;
    }

    /** The paces by service id, and the services' codes (screens know services by code). */
    private record Measured(Map<Long, Pace> paces, Map<Long, String> codes) {
    }

    /**
     * In the last third of their life, paces are measured again in the background while these are served: on a
     * busy node no request waits for the measure (tens of milliseconds over four weeks of calls).
     */
    private record Cached(Instant refreshFrom, Instant until, Measured measured) {
    }

    private final Pool pool;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    /** Facilities whose paces are being measured ahead of expiry: one measure at a time each. */
    private final Set<Long> refreshing = ConcurrentHashMap.newKeySet();

    public WaitEstimator(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Future<Map<Long, Pace>> paces(Facility facility) {
        return measured(facility, false).map(Measured::paces);
    }

    /**
     * Every service's pace as screens receive it, by service code: {@code {"UMUM": {"secondsPerPatient": 312.5,
     * "counters": 2}, ...}}. {@code fresh}: measured now (and cached for the others), not taken from the cache —
     * for the event stream, which asks only when something may have changed, or every few minutes.
     */
    public Future<JsonObject> screenPaces(Facility facility, boolean fresh) {
        return measured(facility, fresh).map(measured -> {
            JsonObject services = new JsonObject();
            measured.codes().forEach((id, code) -> services.put(code, pace(measured.paces(), id).toJson()));
            return services;
        });
    }

    private Future<Measured> measured(Facility facility, boolean fresh) {
        Cached cached = cache.get(facility.id());
        Instant now = clock.instant();
        if (!fresh && cached != null && cached.until().isAfter(now)) {
            if (!cached.refreshFrom().isAfter(now) && refreshing.add(facility.id())) {
                remember(facility).onComplete(done -> refreshing.remove(facility.id()));
            }
            return Future.succeededFuture(cached.measured());
        }
        return remember(facility);
    }

    private Future<Measured> remember(Facility facility) {
        return measure(facility).onSuccess(measured -> {
            Instant at = clock.instant();
            cache.put(facility.id(), new Cached(at.plus(CACHE_FOR.multipliedBy(2).dividedBy(3)), at.plus(CACHE_FOR),
                    measured));
        });
    }

    /** Minutes until this ticket is called; null unless it is waiting, or when there is no basis. */
    public Future<Integer> minutesFor(Facility facility, Ticket ticket) {
        if (ticket.position() == null) {
            return Future.succeededFuture(null);
        }
        return paces(facility).map(paces -> pace(paces, ticket.serviceId()).minutesFor(ticket.position() - 1));
    }

    public static Pace pace(Map<Long, Pace> paces, long serviceId) {
        return paces.getOrDefault(serviceId, Pace.UNKNOWN);
    }

    private Future<Measured> measure(Facility facility) {
        Instant now = clock.instant();
        return pool.preparedQuery(PACES)
                .execute(Tuple.of(facility.id(), now.minus(Duration.ofDays(HISTORY_DAYS)).atOffset(ZoneOffset.UTC),
                        facility.zone().getId(), now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<Long, Pace> paces = new HashMap<>();
                    Map<Long, String> codes = new HashMap<>();
                    rows.forEach(r -> {
                        codes.put(r.getLong("service_id"), r.getString("code"));
                        long counters = r.getLong("active") > 0 ? r.getLong("active") : Math.max(1, r.getLong("serving"));
                        Double seconds = secondsPerPatient(r.getInteger("typical_service_minutes"), r.getLong("samples"),
                                r.getNumeric("seconds") == null ? null : r.getNumeric("seconds").doubleValue());
                        paces.put(r.getLong("service_id"), new Pace(seconds, counters));
                    });
                    return new Measured(paces, codes);
                });
    }
}
