package id.antrean.events;

import id.antrean.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's ear on PostgreSQL: LISTENs to the event channel and republishes each event on the local
 * event bus, at {@link #address(long)}, for the SSE streams of this node. After a lost connection (a database
 * restart, a Patroni failover behind HAProxy) it listens again, with back-off, and reads back from the event
 * table every event committed meanwhile, of every facility, so that no screen misses one.
 */
public final class EventBridge {
    private static final Logger LOG = LoggerFactory.getLogger(EventBridge.class);
    private static final long RECONNECT_FIRST_DELAY_MS = 100;
    private static final long RECONNECT_MAX_DELAY_MS = 5000;
    private static final int CATCH_UP_ATTEMPTS = 20;
    private static final String COUNTERS = "SELECT facility_id, last_event_id FROM facility_event_counter";
    private static final int CATCH_UP_BATCH = 1000;

    private final Vertx vertx;
    private final Pool pool;
    private final PgSubscriber subscriber;
    /** Last event id republished per facility; touched only on the subscriber's context. */
    private final Map<Long, Long> lastPublished = new HashMap<>();
    private Future<Void> chain = Future.succeededFuture();
    private final Metrics metrics;
    /** Facility codes by id, for the meters' tags; read once per facility, on the subscriber's context. */
    private final Map<Long, String> codes = new HashMap<>();
    private final LongFunction<Future<String>> codeOf;

    /**
     * @param codeOf a facility's code by its id (meters are tagged with codes, events carry ids)
     */
    public EventBridge(Vertx vertx, Pool pool, PgConnectOptions connectOptions, Metrics metrics,
                       LongFunction<Future<String>> codeOf) {
        this.vertx = vertx;
        this.pool = pool;
        this.metrics = metrics;
        this.codeOf = codeOf;
        this.subscriber = PgSubscriber.subscriber(vertx, connectOptions)
                .reconnectPolicy(EventBridge::reconnectDelay);
        vertx.eventBus().registerDefaultCodec(PublishedEvent.class, new PublishedEvent.LocalCodec());
    }

    public static String address(long facilityId) {
        return "antrean.events." + facilityId;
    }

    public Future<Void> start() {
        Promise<Void> subscribed = Promise.promise();
        subscriber.channel(EventLog.CHANNEL)
                .handler(payload -> enqueue(() -> onNotification(payload)))
                .subscribeHandler(v -> {
                    // Whatever was committed while this node was not listening (before its first LISTEN, or
                    // while the connection was lost: a failover, a restart) was notified to nobody here.
                    if (!subscribed.tryComplete()) {
                        LOG.info("Event channel listening again; catching up");
                    }
                    enqueue(() -> catchUp(0));
                });
        // Where each facility stands before listening: what comes after is this node's to publish.
        return counters().compose(known -> {
            known.forEach(lastPublished::putIfAbsent);
            return subscriber.connect();
        }).compose(v -> subscribed.future());
    }

    /** Each facility's last event id, as committed. */
    private Future<Map<Long, Long>> counters() {
        return pool.query(COUNTERS).execute().map(rows -> {
            Map<Long, Long> counters = new HashMap<>();
            rows.forEach(row -> counters.put(row.getLong("facility_id"), row.getLong("last_event_id")));
            return counters;
        });
    }

    /** Milliseconds before the next attempt to listen again: quick at first, then every few seconds. */
    static long reconnectDelay(int attempt) {
        return Math.min(RECONNECT_MAX_DELAY_MS, RECONNECT_FIRST_DELAY_MS << Math.min(attempt, 6));
    }

    private void enqueue(java.util.function.Supplier<Future<Void>> step) {
        chain = chain.transform(ignored -> step.get()).recover(e -> {
            LOG.warn("Event bridge step failed: {}", e.toString());
            return Future.succeededFuture();
        });
    }

    private Future<Void> onNotification(String notification) {
        String[] parts = notification.split(" ", 3);
        long facilityId = Long.parseLong(parts[0]);
        long eventId = Long.parseLong(parts[1]);
        String inline = parts.length > 2 ? parts[2] : "";
        Long last = lastPublished.get(facilityId);
        if (last != null && eventId <= last) {
            return Future.succeededFuture();
        }
        long heardAt = System.nanoTime();
        return facilityCode(facilityId).compose(code -> {
            if (!inline.isEmpty() && (last == null || eventId == last + 1)) {
                publish(facilityId, code, heardAt, QueueEvent.withId(eventId, new JsonObject(inline)));
                return Future.succeededFuture();
            }
            return readBack(facilityId, last == null ? eventId - 1 : last);
        });
    }

    /** Null without metrics: no query then. */
    private Future<String> facilityCode(long facilityId) {
        if (!metrics.enabled()) {
            return Future.succeededFuture(null);
        }
        String known = codes.get(facilityId);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return codeOf.apply(facilityId).map(code -> {
            if (code != null) {
                codes.put(facilityId, code);
            }
            return code;
        }).otherwise((String) null);
    }

    /**
     * Publishes every event committed after the last one this node published, for every facility (one that
     * appeared since this node started from its first event). Retried while the database is not answering yet.
     */
    private Future<Void> catchUp(int attempt) {
        return counters().compose(committed -> {
            Future<Void> all = Future.succeededFuture();
            for (Map.Entry<Long, Long> e : committed.entrySet()) {
                long published = lastPublished.getOrDefault(e.getKey(), 0L);
                if (e.getValue() > published) {
                    all = all.compose(v -> readBack(e.getKey(), published));
                }
            }
            return all;
        }).recover(e -> {
            if (attempt >= CATCH_UP_ATTEMPTS || String.valueOf(e.getMessage()).contains("Pool closed")) {
                // Given up, or the node is stopping: nothing to catch up for.
                return Future.failedFuture(e);
            }
            LOG.warn("Catching up on events failed ({}); trying again", e.toString());
            return vertx.timer(reconnectDelay(attempt)).compose(t -> catchUp(attempt + 1));
        });
    }

    private Future<Void> readBack(long facilityId, long afterId) {
        return Future.all(EventLog.since(pool, facilityId, afterId, CATCH_UP_BATCH), facilityCode(facilityId))
                .compose(both -> {
            List<JsonObject> events = both.resultAt(0);
            String code = both.resultAt(1);
            events.forEach(event -> publish(facilityId, code, 0, event));
            return events.size() == CATCH_UP_BATCH
                    ? readBack(facilityId, lastId(events))
                    : Future.succeededFuture();
        });
    }

    private static long lastId(List<JsonObject> events) {
        return events.get(events.size() - 1).getLong("id");
    }

    private void publish(long facilityId, String code, long heardAt, JsonObject event) {
        long id = event.getLong("id");
        Long last = lastPublished.get(facilityId);
        if (last != null && id <= last) {
            return;
        }
        lastPublished.put(facilityId, id);
        String type = event.getString("type");
        boolean call = EventType.TICKET_CALLED.name().equals(type);
        if (code != null) {
            // Every node hears every event: each counts them all (the README says to aggregate with max, not sum).
            if (EventType.TICKET_ISSUED.name().equals(type) || EventType.TICKET_BOOKED.name().equals(type)) {
                metrics.ticketIssued(code);
            } else if (call) {
                metrics.ticketCalled(code);
            }
        }
        boolean movesPaces = call || EventType.SETTINGS_CHANGED.name().equals(type);
        vertx.eventBus().publish(address(facilityId),
                PublishedEvent.of(id, event.encode(), code, call, heardAt, movesPaces));
    }
}
