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
 * event bus, at {@link #address(long)}, for the SSE streams of this node. After a lost connection it
 * reconnects by itself and reads back from the event table what it may have missed.
 */
public final class EventBridge {
    private static final Logger LOG = LoggerFactory.getLogger(EventBridge.class);
    private static final long RECONNECT_DELAY_MS = 1000;
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
                .reconnectPolicy(attempt -> RECONNECT_DELAY_MS);
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
                    if (!subscribed.tryComplete()) {
                        LOG.info("Event channel listening again; catching up");
                        enqueue(this::catchUp);
                    }
                });
        return subscriber.connect().compose(v -> subscribed.future());
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

    private Future<Void> catchUp() {
        Future<Void> all = Future.succeededFuture();
        for (Map.Entry<Long, Long> e : Map.copyOf(lastPublished).entrySet()) {
            all = all.compose(v -> readBack(e.getKey(), e.getValue()));
        }
        return all;
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
        vertx.eventBus().publish(address(facilityId), PublishedEvent.of(id, event.encode(), code, call, heardAt));
    }
}
