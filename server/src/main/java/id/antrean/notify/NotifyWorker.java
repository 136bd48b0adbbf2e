package id.antrean.notify;

import id.antrean.db.OutboxClaim;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code notify_outbox} to the facilities' gateways, on every node, as the BPJS outbox worker does: each tick
 * claims a few due messages under a short lease (a node that dies mid-way leaves them to another), sends them at once
 * (a hanging gateway holds up nothing but its own messages), and records the outcome. The messages of one ticket go
 * in order ("near" before "called"). A failure (network, timeout, anything but 2xx, an open circuit) is retried after
 * 5 s, 10 s, 20 s … up to five minutes; after {@link #MAX_ATTEMPTS} tries the message is DEAD, as it is at once when
 * its number is gone (the day is over) or the facility turned notifications off. Every few ticks it also looks at
 * every facility's lines for patients who came near by a change that did not go through a counter, and once a minute
 * it forgets the numbers of days that are over.
 */
public final class NotifyWorker {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyWorker.class);
    static final long TICK_MS = 1_000;
    static final int SWEEP_EVERY_TICKS = 60;
    /** The safety net over every line: counters queue their messages at once, so this may be slower. */
    static final int LINES_EVERY_TICKS = 5;
    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofSeconds(60);
    static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    static final String CLAIM = OutboxClaim.of("notify_outbox", BATCH,
            "o.facility_id, o.outbox_id, o.ticket_id, o.kind, o.payload, o.attempts");
    static final String PHONE = "SELECT phone FROM notify_phone WHERE facility_id = $1 AND ticket_id = $2";
    static final String SENT = """
            UPDATE notify_outbox SET status = 'SENT', sent_at = $3, attempts = attempts + 1, last_error = NULL
            WHERE facility_id = $1 AND outbox_id = $2""";
    static final String FAILED = """
            UPDATE notify_outbox SET attempts = attempts + 1, last_error = $3, next_attempt_at = $4,
                                     status = CASE WHEN attempts + 1 >= $5::integer THEN 'DEAD' ELSE status END,
                                     dead_at = CASE WHEN attempts + 1 >= $5::integer THEN $6::timestamptz END
            WHERE facility_id = $1 AND outbox_id = $2""";
    static final String DROPPED = """
            UPDATE notify_outbox SET status = 'DEAD', dead_at = $3, last_error = $4
            WHERE facility_id = $1 AND outbox_id = $2""";

    private record Message(long facilityId, long outboxId, long ticketId, String kind, JsonObject payload,
                           int attempts) {
    }

    private final Vertx vertx;
    private final Pool pool;
    private final NotifySettingsStore settings;
    private final PhoneRegistry phones;
    private final WebhookSender sender;
    private final Clock clock;
    private boolean busy;
    private int ticks;

    public NotifyWorker(Vertx vertx, Pool pool, NotifySettingsStore settings, PhoneRegistry phones, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.settings = settings;
        this.phones = phones;
        this.sender = new WebhookSender(vertx);
        this.clock = clock;
    }

    public void start() {
        vertx.setPeriodic(TICK_MS, id -> {
            if (!busy) {
                busy = true;
                int tick = ticks++;
                (tick % SWEEP_EVERY_TICKS == 0 ? sweep().mapEmpty() : Future.succeededFuture())
                        .compose(v -> tick % LINES_EVERY_TICKS == 0
                                ? NotifyOutbox.anyLineMoved(pool, clock.instant()).mapEmpty() : Future.succeededFuture())
                        .compose(v -> deliverDue())
                        .onFailure(e -> LOG.warn("Notification round failed: {}", e.toString()))
                        .onComplete(ar -> busy = false);
            }
        });
    }

    /** Forgets the numbers of every day that is over in its facility; how many. */
    public Future<Integer> sweep() {
        return phones.forgetEndedDays();
    }

    /** One round: claim, send, record. Returns how many were delivered. */
    public Future<Integer> deliverDue() {
        Instant now = clock.instant();
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), now.plus(LEASE).atOffset(ZoneOffset.UTC)))
                .compose(rows -> {
                    List<Future<Boolean>> sent = new ArrayList<>();
                    for (Row row : rows) {
                        sent.add(deliver(new Message(row.getLong("facility_id"), row.getLong("outbox_id"),
                                row.getLong("ticket_id"), row.getString("kind"), (JsonObject) row.getJson("payload"),
                                row.getInteger("attempts"))));
                    }
                    return Future.join(sent).map(all -> (int) sent.stream()
                            .filter(f -> f.succeeded() && f.result()).count());
                });
    }

    private Future<Boolean> deliver(Message m) {
        return pool.preparedQuery(PHONE).execute(Tuple.of(m.facilityId(), m.ticketId()))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return dropped(m, "the patient's number is gone (its day is over)");
                    }
                    String phone = rows.iterator().next().getString("phone");
                    return settings.read(m.facilityId()).compose(s -> {
                        if (!s.enabled()) {
                            return dropped(m, "the facility turned notifications off");
                        }
                        String url = settings.urlOf(s);
                        Future<Void> sending = url == null
                                ? Future.failedFuture("no webhook URL: neither the facility's nor NOTIFY_WEBHOOK_URL")
                                : sender.send(m.facilityId(),
                                        WebhookRequest.of(s, url, phone, NotifyTexts.of(m.kind(), m.payload())));
                        return sending.transform(ar -> record(m, ar.succeeded() ? null : ar.cause()));
                    });
                })
                .onFailure(e -> LOG.warn("Notification {} not recorded: {}", m.outboxId(), e.toString()));
    }

    private Future<Boolean> record(Message m, Throwable failure) {
        Instant now = clock.instant();
        if (failure == null) {
            return pool.preparedQuery(SENT).execute(Tuple.of(m.facilityId(), m.outboxId(), now.atOffset(ZoneOffset.UTC)))
                    .map(true);
        }
        LOG.warn("Gateway of facility {} failed notification {} ({}), try {} of {}: {}", m.facilityId(), m.outboxId(),
                m.kind(), m.attempts() + 1, MAX_ATTEMPTS, failure.getMessage());
        Instant next = now.plus(backoff(m.attempts() + 1));
        return pool.preparedQuery(FAILED).execute(Tuple.of(m.facilityId(), m.outboxId(),
                        String.valueOf(failure.getMessage()), next.atOffset(ZoneOffset.UTC), MAX_ATTEMPTS,
                        now.atOffset(ZoneOffset.UTC)))
                .map(false);
    }

    private Future<Boolean> dropped(Message m, String why) {
        return pool.preparedQuery(DROPPED).execute(Tuple.of(m.facilityId(), m.outboxId(),
                clock.instant().atOffset(ZoneOffset.UTC), why)).map(false);
    }

    /** After the n-th failed try: 5 s, 10 s, 20 s, … at most five minutes. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
