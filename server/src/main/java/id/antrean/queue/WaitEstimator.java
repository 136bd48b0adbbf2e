package id.antrean.queue;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a patient will wait: the people ahead times the service's time per patient, shared among the
 * counters working that line.
 *
 * <p>The time per patient is a rolling model of each service: an exponentially weighted mean (weight
 * {@value #ALPHA} on each newer patient) of the time from call to finish of the service's finished tickets
 * over the last {@value #HISTORY_DAYS} days, oldest first — kept per local hour of the day, because a poli
 * is quicker at 07:30 than at 10:00. The estimate for now uses the current hour's mean when that hour has at
 * least {@value #MIN_SAMPLES} patients behind it, otherwise the mean over all hours, otherwise
 * {@link #DEFAULT_PER_PATIENT}. The counters sharing the line are those that called one of its tickets in
 * the last hour, or, when none did, all counters serving it.
 */
public final class WaitEstimator {
    static final double ALPHA = 0.2;
    static final int HISTORY_DAYS = 28;
    static final int MIN_SAMPLES = 3;
    static final Duration DEFAULT_PER_PATIENT = Duration.ofMinutes(5);
    /** Paces change slowly: each node keeps them for a short while instead of asking at every ticket. */
    static final Duration CACHE_FOR = Duration.ofSeconds(30);

    static final String HISTORY = """
            SELECT t.service_id, extract(hour FROM t.called_at AT TIME ZONE $3)::int AS hour,
                   extract(epoch FROM t.finished_at - t.called_at) AS seconds
            FROM ticket t
            WHERE t.facility_id = $1 AND t.status = 'DONE' AND t.called_at IS NOT NULL
              AND t.finished_at > t.called_at AND t.finished_at > $2
            ORDER BY t.finished_at""";

    static final String COUNTERS = """
            SELECT s.service_id,
                   (SELECT count(DISTINCT t.counter_id) FROM ticket t
                    WHERE t.facility_id = s.facility_id AND t.service_id = s.service_id AND t.called_at > $2) AS active,
                   (SELECT count(*) FROM counter_service cs
                    JOIN counter c ON c.facility_id = cs.facility_id AND c.counter_id = cs.counter_id
                    WHERE cs.facility_id = s.facility_id AND cs.service_id = s.service_id
                      AND c.retired_at IS NULL) AS serving
            FROM service s WHERE s.facility_id = $1""";

    /** A service's pace: seconds per patient, and how many counters share the line. */
    public record Pace(double secondsPerPatient, long counters) {
        /** Minutes until someone with {@code ahead} people before them is called, rounded up. */
        public int minutesFor(int ahead) {
            double seconds = ahead * secondsPerPatient / Math.max(1, counters);
            return (int) Math.ceil(seconds / 60.0);
        }
    }

    /** The rolling means of one service: overall, and per local hour. */
    record Model(Ewma overall, Map<Integer, Ewma> perHour) {
        double secondsPerPatient(int hour) {
            Ewma atHour = perHour.get(hour);
            if (atHour != null && atHour.samples() >= MIN_SAMPLES) {
                return atHour.mean();
            }
            return overall.samples() > 0 ? overall.mean() : DEFAULT_PER_PATIENT.toSeconds();
        }
    }

    /** An exponentially weighted mean, fed oldest first. */
    static final class Ewma {
        private double mean;
        private int samples;

        void add(double value) {
            mean = samples == 0 ? value : ALPHA * value + (1 - ALPHA) * mean;
            samples++;
        }

        double mean() {
            return mean;
        }

        int samples() {
            return samples;
        }
    }

    private record Cached(Instant until, Map<Long, Pace> paces) {
    }

    private final Pool pool;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

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

    public static Pace pace(Map<Long, Pace> paces, long serviceId) {
        return paces.getOrDefault(serviceId, new Pace(DEFAULT_PER_PATIENT.toSeconds(), 1));
    }

    private Future<Map<Long, Pace>> measure(Facility facility) {
        Instant now = clock.instant();
        Future<Map<Long, Model>> models = pool.preparedQuery(HISTORY)
                .execute(Tuple.of(facility.id(), now.minus(Duration.ofDays(HISTORY_DAYS)).atOffset(ZoneOffset.UTC),
                        facility.zone().getId()))
                .map(rows -> {
                    List<Row> history = new ArrayList<>();
                    rows.forEach(history::add);
                    return models(history);
                });
        Future<Map<Long, Long>> counters = pool.preparedQuery(COUNTERS)
                .execute(Tuple.of(facility.id(), now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Map<Long, Long> byService = new HashMap<>();
                    rows.forEach(r -> byService.put(r.getLong("service_id"),
                            r.getLong("active") > 0 ? r.getLong("active") : Math.max(1, r.getLong("serving"))));
                    return byService;
                });
        int hour = LocalTime.ofInstant(now, facility.zone()).getHour();
        return Future.all(models, counters).map(v -> {
            Map<Long, Pace> paces = new HashMap<>();
            counters.result().forEach((serviceId, n) -> {
                Model model = models.result().get(serviceId);
                double seconds = model == null ? DEFAULT_PER_PATIENT.toSeconds() : model.secondsPerPatient(hour);
                paces.put(serviceId, new Pace(seconds, n));
            });
            return paces;
        });
    }

    static Map<Long, Model> models(List<Row> history) {
        Map<Long, Model> models = new HashMap<>();
        for (Row row : history) {
            Model model = models.computeIfAbsent(row.getLong("service_id"), id -> new Model(new Ewma(), new HashMap<>()));
            double seconds = row.getDouble("seconds");
            model.overall().add(seconds);
            model.perHour().computeIfAbsent(row.getInteger("hour"), h -> new Ewma()).add(seconds);
        }
        return models;
    }
}
