package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.Plans;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every board read lists the day's latest calls (issue #18): that read must cost the same at the day's tenth call
 * as at its thousandth. Before, PostgreSQL read every call of the day, joined and sorted them to keep twenty: 67 ms
 * of each board at some 700 calls (bench {@code line}), more than the rest of the board together.
 */
class RecentCallsCostTest {
    // Monday 7 December 2026, 09:00 in Makassar (WITA, the demo's zone): the day began at 16:00 UTC the day before.
    private final MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
    private static final String ROOM = "R-UMUM-1";
    private static final int CALLS = 3 * RecentCalls.LIMIT;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDaysLatestCallsAreReadFromTheNewestCallEventsOnlyHoweverManyCallsTheDayHad() {
        List<String> called = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            server.walkIn("UMUM");
            clock.advance(Duration.ofMinutes(1));
            HttpResponse<Buffer> next = server.counter(ROOM, "call-next", null);
            assertThat(next.statusCode()).as(next.bodyAsString()).isEqualTo(200);
            called.add(next.bodyAsJsonObject().getString("label"));
            server.counter(ROOM, "start", null);
        }

        JsonObject plan = planOfTheDaysCalls(false);

        assertThat(Plans.rowsReadFrom(plan, "queue_event")).as(plan.encodePrettily())
                .isLessThanOrEqualTo(RecentCalls.LIMIT);
        JsonArray recent = boardAsDisplay().getJsonArray("recentCalls");
        List<String> labels = new ArrayList<>();
        recent.forEach(call -> labels.add(((JsonObject) call).getString("label")));
        assertThat(labels).containsExactlyElementsOf(called.reversed().subList(0, RecentCalls.LIMIT));
    }

    /**
     * Tables growing fast through a morning have statistics that still describe an earlier, quieter state: then the
     * planner joined each call to its ticket through the day's index, reading every ticket of the day twenty times
     * over (3.1 ms a board at 1,000 waiting in {@code bench/run full line}); each call's ticket is read by its key.
     */
    @Test
    void theDaysLatestCallsReadOneTicketEachEvenWhenTheStatisticsStillDescribeAQuietDay() {
        for (String table : List.of("queue_event", "ticket")) {
            server.sql("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
            server.sql("ANALYZE " + table);
        }
        for (int i = 0; i < 200; i++) {
            server.walkIn("UMUM");
        }
        for (int i = 0; i < CALLS; i++) {
            clock.advance(Duration.ofMinutes(1));
            server.counter(ROOM, "call-next", null);
            server.counter(ROOM, "start", null);
        }

        // The plan a pooled session settles on once the statement is cached.
        JsonObject plan = planOfTheDaysCalls(true);

        assertThat(Plans.rowsReadFrom(plan, "queue_event")).as(plan.encodePrettily())
                .isLessThanOrEqualTo(RecentCalls.LIMIT);
        assertThat(Plans.rowsReadFrom(plan, "ticket")).as(plan.encodePrettily())
                .isLessThanOrEqualTo(RecentCalls.LIMIT);
    }

    /**
     * Even read by its key, a call's ticket was read through {@code ticket_by_day} with only the facility as its
     * condition when the statistics took the table for a small one (the line bench, auto_explain: 827 buffers a
     * board): the number and the day a call shows come from the call's event, and no ticket is read at all.
     */
    @Test
    void theDaysLatestCallsReadNoTicketTheirNumbersComeFromTheCallsThemselves() {
        List<String> called = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            server.walkIn("UMUM");
            clock.advance(Duration.ofMinutes(1));
            called.add(server.counter(ROOM, "call-next", null).bodyAsJsonObject().getString("label"));
        }
        server.counter(ROOM, "recall", null);

        for (boolean generic : List.of(false, true)) {
            JsonObject plan = planOfTheDaysCalls(generic);
            assertThat(Plans.rowsReadFrom(plan, "ticket")).as(plan.encodePrettily()).isZero();
        }
        JsonArray recent = boardAsDisplay().getJsonArray("recentCalls");
        List<String> labels = new ArrayList<>();
        recent.forEach(call -> labels.add(((JsonObject) call).getString("label")));
        assertThat(labels).containsExactly(called.get(2), called.get(2), called.get(1), called.get(0));
    }

    /** The executed plan of the demo facility's recent calls on the test's day (from 00:00 WITA). */
    private JsonObject planOfTheDaysCalls(boolean generic) {
        String[] arguments = {String.valueOf(server.count("SELECT facility_id FROM facility WHERE code = 'pkm-demo'")),
                "'2026-12-06T16:00:00Z'::timestamptz", "'2026-12-07'::date"};
        return generic ? server.executedGenericPlan(RecentCalls.OF_DAY, arguments)
                : server.executedPlan(RecentCalls.OF_DAY, arguments);
    }

    private JsonObject boardAsDisplay() {
        HttpResponse<Buffer> board = server.as(TestServer.DISPLAY_TOKEN).get("/api/v1/facilities/pkm-demo/queue").send().await();
        assertThat(board.statusCode()).as(board.bodyAsString()).isEqualTo(200);
        return board.bodyAsJsonObject();
    }
}
