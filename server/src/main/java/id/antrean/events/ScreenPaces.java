package id.antrean.events;

import id.antrean.facility.Facility;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's screens told each service's pace, so that they work out the wait estimates from their own
 * count of who waits, at every event, and never read the board for them. A {@code paces} message
 * ({@code event: paces}, no id: it is not an event of the queue and does not move {@code Last-Event-ID}) goes to
 * a screen when it starts, and to all the facility's screens when the paces changed.
 *
 * <p>What it costs the database, per facility with screens on this node: one read of the paces after a call or
 * a settings change, at most once per {@code minGap} (calls in between are taken together, later), and one every
 * {@code refresh} to 1¼ {@code refresh} after the last (the counters in use change with time alone: those that
 * called within the hour; the first within a period of the first screen, the facilities spread over it). A
 * facility without screens here costs nothing. One timer for the node, not one per facility or screen.
 */
final class ScreenPaces {
    /** Reads after calls: the estimator caches paces this long anyway. */
    static final Duration MIN_GAP = Duration.ofSeconds(30);
    /** Reads without activity: "counters in use" is the last hour's, so a few minutes late is no harm. */
    static final Duration REFRESH = Duration.ofMinutes(5);
    static final Duration TICK = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(ScreenPaces.class);

    private final Vertx vertx;
    private final PaceSource source;
    private final LongToIntFunction screens;
    private final Deliver deliver;
    private final long minGapNanos;
    private final long refreshNanos;
    private final ConcurrentMap<Long, FacilityPaces> facilities = new ConcurrentHashMap<>();

    /** Writes a paces frame to every screen of a facility on this node. */
    interface Deliver {
        void paces(long facilityId, Buffer frame);
    }

    /**
     * @param screens how many screens of a facility this node holds
     * @param tick    how often the node's one timer looks for facilities due for a refresh
     */
    ScreenPaces(Vertx vertx, PaceSource source, LongToIntFunction screens, Deliver deliver,
                Duration minGap, Duration refresh, Duration tick) {
        this.vertx = vertx;
        this.source = source;
        this.screens = screens;
        this.deliver = deliver;
        this.minGapNanos = minGap.toNanos();
        this.refreshNanos = refresh.toNanos();
        vertx.setPeriodic(tick.toMillis(), id -> refreshDue());
    }

    /** The message a screen of the facility starts with; null when the paces cannot be read now. */
    Future<Buffer> current(Facility facility) {
        FacilityPaces mine = facilities.computeIfAbsent(facility.id(), id -> new FacilityPaces(facility));
        mine.facility = facility;
        Buffer known = mine.frame();
        if (known != null) {
            return Future.succeededFuture(known);
        }
        // The snapshot the screen got a moment ago read them through the same cache: no query, usually.
        return source.paces(facility, false).map(services -> {
            mine.take(services);
            return mine.frame();
        }).otherwise(e -> {
            LOG.warn("Paces of facility {} not read: {}", facility.code(), e.toString());
            return null;
        });
    }

    /** A call or a settings change of the facility reached this node: its paces may have moved. */
    void mayHaveMoved(long facilityId) {
        FacilityPaces mine = facilities.get(facilityId);
        if (mine != null && screens.applyAsInt(facilityId) > 0) {
            mine.readSoon();
        }
    }

    private void refreshDue() {
        long now = System.nanoTime();
        for (FacilityPaces mine : facilities.values()) {
            if (screens.applyAsInt(mine.facility.id()) == 0) {
                // A screen that comes later starts from a new reading, not from an old one.
                mine.forget();
            } else {
                mine.refreshIfDue(now);
            }
        }
    }

    private static Buffer frame(JsonObject services) {
        return Buffer.buffer("event: paces\ndata: " + new JsonObject().put("services", services).encode() + "\n\n");
    }

    /** One facility's paces as this node last told its screens; changed under its own lock. */
    private final class FacilityPaces {
        /** The latest a screen came with (its zone could have changed). */
        volatile Facility facility;
        private JsonObject services;
        private Buffer frame;
        /** When the last fresh read started; 0 before the first. */
        private long lastRead;
        private long nextRefresh;
        private boolean reading;
        private boolean again;
        private long timer = -1;

        FacilityPaces(Facility facility) {
            this.facility = facility;
            // Anywhere within the first period: a node's screens all come back at once after a restart, and
            // their facilities are then read one after another, not all together five minutes later.
            this.nextRefresh = System.nanoTime() + ThreadLocalRandom.current().nextLong(refreshNanos + 1);
        }

        synchronized Buffer frame() {
            return frame;
        }

        /** Paces as read; true when they differ from those told before. */
        synchronized boolean take(JsonObject read) {
            if (read.equals(services)) {
                return false;
            }
            services = read;
            frame = ScreenPaces.frame(read);
            return true;
        }

        synchronized void forget() {
            services = null;
            frame = null;
        }

        synchronized void readSoon() {
            if (reading) {
                again = true;
                return;
            }
            if (timer >= 0) {
                return;
            }
            long wait = lastRead == 0 ? 0 : lastRead + minGapNanos - System.nanoTime();
            if (wait <= 0) {
                read();
            } else {
                // Rounded up to the timer's milliseconds: rounded down, the read came up to 1 ms inside the gap.
                timer = vertx.setTimer(Math.max(1, (wait + 999_999) / 1_000_000), id -> {
                    synchronized (this) {
                        timer = -1;
                        read();
                    }
                });
            }
        }

        synchronized void refreshIfDue(long now) {
            if (now - nextRefresh >= 0 && !reading && timer < 0) {
                read();
            }
        }

        /** Under this object's lock. */
        private void read() {
            reading = true;
            lastRead = System.nanoTime();
            nextRefresh = lastRead + spread(refreshNanos);
            source.paces(facility, true).onComplete(result -> {
                boolean changed = result.succeeded() && take(result.result());
                if (result.failed()) {
                    LOG.warn("Paces of facility {} not read: {}", facility.code(), result.cause().toString());
                }
                if (changed) {
                    deliver.paces(facility.id(), frame());
                }
                synchronized (this) {
                    reading = false;
                    if (again) {
                        again = false;
                        readSoon();
                    }
                }
            });
        }
    }

    /** The period plus up to a quarter more, so that facilities that got screens together are not read together. */
    private static long spread(long periodNanos) {
        return periodNanos + ThreadLocalRandom.current().nextLong(periodNanos / 4 + 1);
    }
}
