package id.antrean.queue;

import id.antrean.facility.FacilityDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every minute, on every node: online bookings whose service has closed without them become no-shows. */
public final class NoShowJob {
    private static final Logger LOG = LoggerFactory.getLogger(NoShowJob.class);
    static final long EVERY_MS = 60_000;

    private final Vertx vertx;
    private final FacilityDirectory directory;
    private final Bookings bookings;

    public NoShowJob(Vertx vertx, FacilityDirectory directory, Bookings bookings) {
        this.vertx = vertx;
        this.directory = directory;
        this.bookings = bookings;
    }

    public void start() {
        vertx.setPeriodic(EVERY_MS, id -> runOnce());
    }

    /** One sweep over all facilities; failures are logged and tried again at the next sweep. */
    public Future<Integer> runOnce() {
        return directory.facilities().compose(facilities -> {
            Future<Integer> total = Future.succeededFuture(0);
            for (var facility : facilities) {
                total = total.compose(sum -> bookings.markNoShows(facility).map(n -> sum + n));
            }
            return total;
        }).onFailure(e -> LOG.warn("No-show sweep failed: {}", e.toString()));
    }
}
