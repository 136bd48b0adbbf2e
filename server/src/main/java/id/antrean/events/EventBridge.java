package id.antrean.events;

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

    public EventBridge(Vertx vertx, Pool pool, PgConnectOptions connectOptions) {
        this.vertx = vertx;
        this.pool = pool;
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
        if (!inline.isEmpty() && (last == null || eventId == last + 1)) {
            publish(facilityId, QueueEvent.withId(eventId, new JsonObject(inline)));
            return Future.succeededFuture();
        }
        return readBack(facilityId, last == null ? eventId - 1 : last);
    }

    private Future<Void> catchUp() {
        Future<Void> all = Future.succeededFuture();
        for (Map.Entry<Long, Long> e : Map.copyOf(lastPublished).entrySet()) {
            all = all.compose(v -> readBack(e.getKey(), e.getValue()));
        }
        return all;
    }

    private Future<Void> readBack(long facilityId, long afterId) {
        return EventLog.since(pool, facilityId, afterId, CATCH_UP_BATCH).compose(events -> {
            events.forEach(event -> publish(facilityId, event));
            return events.size() == CATCH_UP_BATCH
                    ? readBack(facilityId, lastId(events))
                    : Future.succeededFuture();
        });
    }

    private static long lastId(List<JsonObject> events) {
        return events.get(events.size() - 1).getLong("id");
    }

    private void publish(long facilityId, JsonObject event) {
        long id = event.getLong("id");
        Long last = lastPublished.get(facilityId);
        if (last != null && id <= last) {
            return;
        }
        lastPublished.put(facilityId, id);
        vertx.eventBus().publish(address(facilityId), new PublishedEvent(id, event.encode()));
    }
}
