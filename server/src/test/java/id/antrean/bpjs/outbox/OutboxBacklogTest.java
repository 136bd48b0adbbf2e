package id.antrean.bpjs.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.MutableClock;
import id.antrean.testing.Plans;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backlog of BPJS messages (BPJS back after an outage; a district server's busy morning) goes out at BPJS's pace,
 * and each round costs the batch it takes, not the backlog (issue #18). Before, one round a second took twenty
 * messages and read every due message to pick them: the bench's line left 1,324 pending, at 200 ms of PostgreSQL
 * per round.
 */
class OutboxBacklogTest {
    private static final int BACKLOG = 4 * OutboxWorker.BATCH + 5;
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** 09:00 in Makassar; the backlog is due at 10:00. */
    private final MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
    private static final String DUE_AT = "'2026-12-07T02:00:00Z'::timestamptz";
    private TestServer server;

    @BeforeEach
    void backlog() {
        server = TestServer.start(clock);
        for (int i = 0; i < BACKLOG; i++) {
            server.walkIn("UMUM");
        }
        // Each walk-in's antrean/add was sent as it came; the backlog is those messages waiting again, due later.
        Eventually.poll(WAIT, () -> server.count("SELECT count(*) FROM bpjs_outbox WHERE status = 'SENT'"),
                sent -> sent == BACKLOG);
        server.sql("UPDATE bpjs_outbox SET status = 'PENDING', sent_at = NULL, next_attempt_at = " + DUE_AT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRoundReadsTheBatchItTakesNotTheWholeBacklog() {
        String now = "'2026-12-07T03:00:00Z'::timestamptz";
        for (JsonObject plan : new JsonObject[] {
                server.executedPlan(OutboxWorker.CLAIM, now, now), server.executedGenericPlan(OutboxWorker.CLAIM, now, now)}) {
            // The batch claimed and leased: its rows read once to pick them and once to update them.
            assertThat(Plans.rowsReadFrom(plan, "bpjs_outbox")).as(plan.encodePrettily())
                    .isLessThanOrEqualTo(3L * OutboxWorker.BATCH);
        }
    }

    @Test
    void oneDrainSendsTheWholeDueBacklogNotABatch() {
        long heardBefore = addsHeard();
        clock.advance(Duration.ofHours(1));

        int sent = server.bpjsOutbox().drain().await();

        // The node's own timer may drain part of it alongside; between the two, nothing is left due.
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE status = 'PENDING' AND next_attempt_at <= "
                + DUE_AT)).as("due after one drain (this one sent %d)", sent).isZero();
        Eventually.poll(WAIT, this::addsHeard, heard -> heard == heardBefore + BACKLOG);
    }

    private long addsHeard() {
        return server.bpjs().received().stream()
                .filter(r -> r.getString("path").equals("/antreanfktp/antrean/add")).count();
    }
}
