package id.antrean.bpjs.outbox;

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
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to BPJS, on every node, without ever holding up the queue: each tick claims a few due
 * messages (a short lease, so a node that dies mid-way leaves them to another), sends them, and records
 * BPJS's answer. Messages of one ticket go in order: one waits while an earlier one is pending. Network
 * trouble (and an HTTP 5xx) is retried with growing back-off, without limit. A refusal (a BPJS code other than
 * success, or an HTTP 4xx) is retried {@link #MAX_REFUSALS} times in all, further and further apart, since BPJS
 * sometimes refuses for a while (a schedule not yet synchronised); then the message is DEAD, with BPJS's reason,
 * until someone sends it again from the console ({@link OutboxResend}). A resent add or batal that BPJS says it
 * has already is delivered.
 */
public final class OutboxWorker {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    static final long TICK_MS = 1_000;
    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** Refusals before a message is dead: the first answer and four retries, over about a quarter of an hour. */
    static final int MAX_REFUSALS = 5;
    static final Duration FIRST_REFUSAL_BACKOFF = Duration.ofMinutes(1);

    static final String CLAIM = OutboxClaim.of("bpjs_outbox", BATCH,
            "o.facility_id, o.outbox_id, o.kind, o.payload, o.attempts, o.refusals");
    static final String SENT = """
            UPDATE bpjs_outbox SET status = 'SENT', sent_at = $3, attempts = attempts + 1, bpjs_code = $4,
                                   bpjs_message = $5, last_error = NULL
            WHERE facility_id = $1 AND outbox_id = $2""";
    /** Refused again: retried later ($5), or dead after the last allowed refusal. */
    static final String REFUSED = """
            UPDATE bpjs_outbox SET attempts = attempts + 1, refusals = refusals + 1, bpjs_code = $3, bpjs_message = $4,
                                   last_error = NULL, next_attempt_at = $5,
                                   status = CASE WHEN refusals + 1 >= $6::integer THEN 'DEAD' ELSE status END,
                                   dead_at = CASE WHEN refusals + 1 >= $6::integer THEN $7::timestamptz END
            WHERE facility_id = $1 AND outbox_id = $2""";
    static final String RETRY = """
            UPDATE bpjs_outbox SET attempts = attempts + 1, next_attempt_at = $3, last_error = $4
            WHERE facility_id = $1 AND outbox_id = $2""";

    private record Message(long facilityId, long outboxId, String kind, JsonObject payload, int attempts, int refusals) {
    }

    private final Vertx vertx;
    private final Pool pool;
    private final AntreanFktpClient bpjs;
    private final Clock clock;
    private boolean busy;

    public OutboxWorker(Vertx vertx, Pool pool, AntreanFktpClient bpjs, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.bpjs = bpjs;
        this.clock = clock;
    }

    public void start() {
        vertx.setPeriodic(TICK_MS, id -> {
            if (!busy) {
                busy = true;
                drain().onComplete(ar -> busy = false);
            }
        });
    }

    /** What became of a message sent. */
    private enum Outcome { SENT, REFUSED, UNREACHABLE }

    /** What one round claimed, and how many of those BPJS accepted or could not be reached for. */
    record Round(int claimed, int sent, int unreachable) {
    }

    /**
     * Rounds until one claims less than a full batch: a backlog goes out at BPJS's pace, not a batch a second (at
     * most 20 messages a second before, less than a district server's facilities send on a busy morning). A round
     * that reached BPJS for none of its messages stops it too: BPJS is down, and its messages wait for their
     * back-off. Returns how many were sent.
     */
    public Future<Integer> drain() {
        return deliverDue().compose(round -> round.claimed() < BATCH || round.unreachable() == round.claimed()
                ? Future.succeededFuture(round.sent())
                : drain().map(more -> round.sent() + more));
    }

    /**
     * One round: claim, send, record. Each facility's messages go one after another, in the order they were
     * written; facilities go side by side, as each has its own BPJS credentials and its own answers.
     */
    Future<Round> deliverDue() {
        Instant now = clock.instant();
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), now.plus(LEASE).atOffset(ZoneOffset.UTC)))
                .compose(rows -> {
                    List<Message> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(new Message(row.getLong("facility_id"), row.getLong("outbox_id"),
                                row.getString("kind"), (JsonObject) row.getJson("payload"), row.getInteger("attempts"),
                                row.getInteger("refusals")));
                    }
                    claimed.sort(Comparator.comparingLong(Message::outboxId));
                    // Each message waits for the facility's one before it.
                    Map<Long, Future<Outcome>> lastOfFacility = new HashMap<>();
                    List<Future<Outcome>> outcomes = new ArrayList<>();
                    for (Message m : claimed) {
                        Future<Outcome> sent = lastOfFacility.getOrDefault(m.facilityId(), Future.succeededFuture())
                                .compose(before -> deliver(m));
                        lastOfFacility.put(m.facilityId(), sent);
                        outcomes.add(sent);
                    }
                    return Future.join(outcomes).map(all -> new Round(rows.size(),
                            count(outcomes, Outcome.SENT), count(outcomes, Outcome.UNREACHABLE)));
                })
                .onFailure(e -> LOG.warn("Outbox round failed: {}", e.toString()));
    }

    private static int count(List<Future<Outcome>> outcomes, Outcome which) {
        return (int) outcomes.stream().filter(f -> f.result() == which).count();
    }

    private Future<Outcome> deliver(Message m) {
        return bpjs.send(m.facilityId(), m.kind(), m.payload()).transform(ar -> {
            Instant now = clock.instant();
            if (ar.succeeded() && ar.result().accepted()) {
                return pool.preparedQuery(SENT).execute(Tuple.of(m.facilityId(), m.outboxId(),
                        now.atOffset(ZoneOffset.UTC), ar.result().code(), ar.result().message())).map(Outcome.SENT);
            }
            if (ar.succeeded()) {
                LOG.warn("BPJS refused outbox {} ({}), refusal {} of {}: {} {}", m.outboxId(), m.kind(),
                        m.refusals() + 1, MAX_REFUSALS, ar.result().code(), ar.result().message());
                Instant next = now.plus(refusalBackoff(m.refusals() + 1));
                return pool.preparedQuery(REFUSED).execute(Tuple.of(m.facilityId(), m.outboxId(),
                        ar.result().code(), ar.result().message(), next.atOffset(ZoneOffset.UTC), MAX_REFUSALS,
                        now.atOffset(ZoneOffset.UTC))).map(Outcome.REFUSED);
            }
            Instant next = now.plus(backoff(m.attempts() + 1));
            return pool.preparedQuery(RETRY).execute(Tuple.of(m.facilityId(), m.outboxId(),
                    next.atOffset(ZoneOffset.UTC), String.valueOf(ar.cause().getMessage()))).map(Outcome.UNREACHABLE);
        });
    }

    /** After the n-th refusal: 1, 2, 4, 8 minutes (then dead). */
    static Duration refusalBackoff(int refusals) {
        return FIRST_REFUSAL_BACKOFF.multipliedBy(1L << Math.min(Math.max(refusals - 1, 0), 10));
    }

    /** 1 s, 2 s, 4 s, ... up to five minutes. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }
}
