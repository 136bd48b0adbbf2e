package id.antrean.events;

import id.antrean.facility.FacilityContext;
import id.antrean.facility.Facility;
import id.antrean.metrics.Metrics;
import id.antrean.web.Routes;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code GET /api/v1/facilities/{facility}/events}: the facility's queue as Server-Sent Events.
 *
 * <p>A new client first gets a {@code SNAPSHOT} of the whole queue; a client that resumes with
 * {@code Last-Event-ID} (or {@code ?lastEventId=}) gets the events it missed instead. Then every change,
 * in order, each with its id. A client that falls too far behind is disconnected and resumes.
 *
 * <p>Besides the queue's events, a stream carries {@code event: paces} messages without an id: each service's
 * time per patient and counters in use ({@link ScreenPaces}), from which a screen works out the wait estimates
 * from its own count of who waits. One comes after the snapshot (or the resumed events), then one whenever the
 * paces change.
 */
public final class EventStream implements Handler<RoutingContext>, Routes {
    static final int MAX_REPLAY = 1000;
    /** A comment line at least this often keeps proxies and the server's own idle timeout from closing a quiet stream. */
    static final long KEEPALIVE_MS = 15_000;
    /** Shared by every stream: a Buffer written to a response is read through a slice of its own. */
    private static final Buffer KEEPALIVE = Buffer.buffer(": keepalive\n\n");

    private final Pool pool;
    private final Function<Facility, Future<JsonObject>> snapshots;
    private final PaceSource paceSource;
    private final long keepaliveMillis;
    private final Metrics metrics;
    /** Streams open on this node (all facilities): a gauge. */
    private final AtomicInteger open = new AtomicInteger();
    /** Created with the first stream: the node's Vertx comes with the request. */
    private volatile ScreenFanOut fanOut;
    private volatile ScreenPaces screenPaces;

    /**
     * @param snapshots          the queue board of a facility, read consistently with its {@code lastEventId}
     * @param paceSource         each service's pace, for the screens' wait estimates
     * @param idleTimeoutSeconds the HTTP server's idle timeout: the heartbeat comes well within it
     */
    public EventStream(Pool pool, Function<Facility, Future<JsonObject>> snapshots, PaceSource paceSource,
                       int idleTimeoutSeconds, Metrics metrics) {
        this.pool = pool;
        this.snapshots = snapshots;
        this.paceSource = paceSource;
        this.keepaliveMillis = keepaliveMillis(idleTimeoutSeconds);
        this.metrics = metrics;
        metrics.sseClients(open::get);
    }

    /** Every 15 s, or three times within the idle timeout when that is shorter (so one late beat is no harm). */
    static long keepaliveMillis(int idleTimeoutSeconds) {
        return Math.max(100, Math.min(KEEPALIVE_MS, idleTimeoutSeconds * 1000L / 3));
    }

    @Override
    public void handle(RoutingContext rc) {
        if (fanOut == null) {
            synchronized (this) {
                if (fanOut == null) {
                    ScreenFanOut screens = new ScreenFanOut(rc.vertx(), facility -> screenPaces.mayHaveMoved(facility));
                    screenPaces = new ScreenPaces(rc.vertx(), paceSource, screens::screens, screens::paces,
                            ScreenPaces.MIN_GAP, ScreenPaces.REFRESH, ScreenPaces.TICK);
                    fanOut = screens;
                }
            }
        }
        Long resumeAfter = lastEventId(rc);
        FacilityContext.of(rc)
                .onSuccess(facility -> new Connection(rc, facility).open(resumeAfter))
                .onFailure(rc::fail);
    }

    private static Long lastEventId(RoutingContext rc) {
        String value = rc.request().getHeader("Last-Event-ID");
        if (value == null) {
            value = rc.request().getParam("lastEventId");
        }
        if (value == null || !value.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(value.strip());
    }

    /** One client's stream. Everything runs on the request's context, in order. */
    private final class Connection implements ScreenFanOut.Screen {
        private final RoutingContext rc;
        private final Context context;
        private final HttpServerResponse response;
        private final Facility facility;
        private final List<PublishedEvent> early = new ArrayList<>();
        private ScreenFanOut.Membership membership;
        private Future<Void> chain = Future.succeededFuture();
        private long sentUpTo;
        private boolean live;
        private boolean closed;
        private long keepalive = -1;
        private boolean started;
        /** The latest paces message heard before the stream was live; sent once it is. */
        private Buffer earlyPaces;
        private boolean pacesSent;

        Connection(RoutingContext rc, Facility facility) {
            this.rc = rc;
            this.context = rc.vertx().getOrCreateContext();
            this.response = rc.response();
            this.facility = facility;
        }

        void open(Long resumeAfter) {
            response.closeHandler(v -> close());
            // Listen first, so nothing committed while the first answer is read can slip through.
            fanOut.join(facility.id(), this).compose(joined -> {
                        membership = joined;
                        if (closed) {
                            joined.leave();
                        }
                        return resumeAfter == null ? snapshot() : resume(resumeAfter);
                    })
                    .onSuccess(v -> {
                        live = true;
                        early.forEach(this::enqueue);
                        early.clear();
                        sendFirstPaces();
                        keepalive = rc.vertx().setPeriodic(keepaliveMillis, id -> write(KEEPALIVE));
                    })
                    .onFailure(e -> {
                        close();
                        rc.fail(e);
                    });
        }

        @Override
        public void event(PublishedEvent event) {
            if (live) {
                enqueue(event);
            } else {
                early.add(event);
            }
        }

        @Override
        public void paces(Buffer frame) {
            if (live) {
                write(frame);
                pacesSent = true;
            } else {
                earlyPaces = frame;
            }
        }

        /** After the snapshot or the resumed events: the paces the screen works its estimates out from. */
        private void sendFirstPaces() {
            if (earlyPaces != null) {
                paces(earlyPaces);
                earlyPaces = null;
                return;
            }
            screenPaces.current(facility).onComplete(result -> context.runOnContext(v -> {
                // A change told meanwhile is newer than this.
                if (result.succeeded() && result.result() != null && !pacesSent) {
                    paces(result.result());
                }
            }));
        }

        private Future<Void> snapshot() {
            return snapshots.apply(facility).map(board -> {
                long id = board.getLong("lastEventId");
                start();
                // In pieces: a long line's board is hundreds of KB.
                PublishedEvent.framePieces(id, new JsonObject().put("id", id).put("type", "SNAPSHOT").put("board", board))
                        .forEach(this::write);
                sentUpTo = id;
                return null;
            });
        }

        private Future<Void> resume(long after) {
            List<PublishedEvent> recent = fanOut.since(facility.id(), after);
            if (recent != null) {
                // Heard by this node already: no query for this screen.
                start();
                sentUpTo = after;
                recent.forEach(e -> {
                    write(e.frame());
                    sentUpTo = e.id();
                });
                return Future.succeededFuture();
            }
            return pool.preparedQuery(EventLog.LAST_ID).execute(Tuple.of(facility.id())).compose(rows -> {
                long current = rows.iterator().next().getLong("last_event_id");
                if (after > current || current - after > MAX_REPLAY) {
                    return snapshot();
                }
                return EventLog.since(pool, facility.id(), after, MAX_REPLAY).map(events -> {
                    start();
                    sentUpTo = after;
                    events.forEach(e -> send(e.getLong("id"), e.encode()));
                    return null;
                });
            });
        }

        private void start() {
            started = true;
            open.incrementAndGet();
            response.setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("X-Accel-Buffering", "no");
            write("retry: 3000\n\n");
        }

        private void enqueue(PublishedEvent event) {
            // Mostly nothing is pending: deliver now, without a continuation per screen and event.
            chain = chain.isComplete() ? deliver(event) : chain.compose(v -> deliver(event));
        }

        private Future<Void> deliver(PublishedEvent event) {
            if (closed || event.id() <= sentUpTo) {
                return Future.succeededFuture();
            }
            if (event.id() == sentUpTo + 1) {
                write(event.frame());
                sentUpTo = event.id();
                measure(event);
                return Future.succeededFuture();
            }
            // A gap: this node missed a notification (e.g. while reconnecting). Read it back.
            return EventLog.since(pool, facility.id(), sentUpTo, MAX_REPLAY)
                    .map(events -> {
                        events.stream().filter(e -> e.getLong("id") < event.id())
                                .forEach(e -> send(e.getLong("id"), e.encode()));
                        if (event.id() > sentUpTo) {
                            write(event.frame());
                            sentUpTo = event.id();
                        }
                        measure(event);
                        return (Void) null;
                    })
                    .recover(e -> {
                        close();
                        response.end();
                        return Future.succeededFuture();
                    });
        }

        /** A call heard from PostgreSQL and now written to this screen: how long that took. */
        private void measure(PublishedEvent event) {
            if (event.call() && event.heardAtNanos() != 0 && event.facility() != null && !closed) {
                metrics.callToEvent(event.facility(), System.nanoTime() - event.heardAtNanos());
            }
        }

        private void send(long id, String json) {
            if (id <= sentUpTo) {
                return;
            }
            write(frame(id, json));
            sentUpTo = id;
        }

        private static Buffer frame(long id, String json) {
            return PublishedEvent.frame(id, json);
        }

        private void write(String text) {
            write(Buffer.buffer(text));
        }

        private void write(Buffer bytes) {
            if (closed || response.closed() || response.ended()) {
                return;
            }
            response.write(bytes);
            if (response.writeQueueFull()) {
                // Too slow to keep up: let it reconnect and resume from its last id.
                close();
                response.end();
            }
        }

        private void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (started) {
                open.decrementAndGet();
            }
            if (membership != null) {
                membership.leave();
            }
            if (keepalive >= 0) {
                rc.vertx().cancelTimer(keepalive);
            }
        }
    }

    @Override
    public void mount(Router router, Vertx vertx) {
        router.get("/api/v1/facilities/:facility/events").handler(this);
    }
}
