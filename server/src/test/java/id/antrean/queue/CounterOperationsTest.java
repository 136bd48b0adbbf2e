package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The life of a ticket at the counters: every legal step, and the refusals of the illegal ones. */
class CounterOperationsTest {
    private final MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
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
    void callNextCallsPriorityTicketsFirstThenTheLowestNumber() {
        JsonObject a1 = server.walkIn("UMUM");
        JsonObject a2 = server.walkIn("UMUM");
        JsonObject elderly = ticket(server.issue(new JsonObject().put("service", "UMUM").put("payer", "UMUM").put("priority", true)));
        JsonObject a4 = server.walkIn("UMUM");

        assertThat(labelOf(callNext("R-UMUM-1"))).isEqualTo(elderly.getString("label"));
        assertThat(labelOf(callNext("R-UMUM-2"))).isEqualTo(a1.getString("label"));
        assertThat(labelOf(callNext("R-UMUM-1"))).isEqualTo(a2.getString("label"));
        assertThat(labelOf(callNext("R-UMUM-1"))).isEqualTo(a4.getString("label"));
        assertThat(problemCode(server.counter("R-UMUM-1", "call-next", null), 409)).isEqualTo("QUEUE_EMPTY");
    }

    @Test
    void callNextOnlyCallsTheServicesOfTheCounter() {
        server.walkIn("UMUM");
        JsonObject gigi = server.walkIn("GIGI");

        JsonObject called = callNext("R-GIGI");

        assertThat(called.getString("label")).isEqualTo(gigi.getString("label"));
        assertThat(called.getJsonObject("counter").getString("code")).isEqualTo("R-GIGI");
        assertThat(problemCode(server.counter("R-GIGI", "call-next", null), 409)).isEqualTo("QUEUE_EMPTY");
    }

    @Test
    void aTicketGoesFromWaitingToCalledToServingToDone() {
        JsonObject ticket = server.walkIn("UMUM");
        clock.advance(Duration.ofMinutes(12));

        JsonObject called = callNext("R-UMUM-1");
        assertThat(called.getString("status")).isEqualTo("CALLED");
        assertThat(called.getInteger("callCount")).isEqualTo(1);
        assertThat(called.getString("calledAt")).isEqualTo("2026-11-27T09:12+08:00");
        assertThat(called.getInteger("position")).isNull();

        JsonObject recalled = ok(server.counter("R-UMUM-1", "recall", null));
        assertThat(recalled.getString("status")).isEqualTo("CALLED");
        assertThat(recalled.getInteger("callCount")).isEqualTo(2);

        clock.advance(Duration.ofMinutes(1));
        JsonObject serving = ok(server.counter("R-UMUM-1", "start", null));
        assertThat(serving.getString("status")).isEqualTo("SERVING");
        assertThat(serving.getString("startedAt")).isEqualTo("2026-11-27T09:13+08:00");

        clock.advance(Duration.ofMinutes(7));
        JsonObject done = ok(server.counter("R-UMUM-1", "finish", null));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("finishedAt")).isEqualTo("2026-11-27T09:20+08:00");
        assertThat(done.getLong("id")).isEqualTo(ticket.getLong("id"));

        assertThat(problemCode(server.counter("R-UMUM-1", "finish", null), 409)).isEqualTo("NO_CURRENT_TICKET");
    }

    @Test
    void callNextFinishesTheTicketTheCounterWasServing() {
        JsonObject first = server.walkIn("UMUM");
        server.walkIn("UMUM");
        callNext("R-UMUM-1");
        ok(server.counter("R-UMUM-1", "start", null));

        callNext("R-UMUM-1");

        assertThat(ticketById(first.getLong("id")).getString("status")).isEqualTo("DONE");
    }

    @Test
    void aSkippedTicketCanBeReturnedAndIsThenCalledBeforeHigherNumbers() {
        JsonObject a1 = server.walkIn("UMUM");
        JsonObject a2 = server.walkIn("UMUM");
        callNext("R-UMUM-1");
        JsonObject skipped = ok(server.counter("R-UMUM-1", "skip", null));
        assertThat(skipped.getString("status")).isEqualTo("SKIPPED");

        JsonObject back = ok(server.counter("R-UMUM-2", "requeue", new JsonObject().put("ticket", a1.getLong("id"))));
        assertThat(back.getString("status")).isEqualTo("WAITING");
        assertThat(back.getInteger("position")).isEqualTo(1);

        assertThat(labelOf(callNext("R-UMUM-2"))).isEqualTo(a1.getString("label"));
        assertThat(labelOf(callNext("R-UMUM-1"))).isEqualTo(a2.getString("label"));
    }

    @Test
    void aTransferKeepsTheLabelAndHistoryAndJoinsTheBackOfTheOtherLine() {
        JsonObject lab1 = server.walkIn("LAB");
        JsonObject patient = server.walkIn("UMUM");
        callNext("R-UMUM-1");
        ok(server.counter("R-UMUM-1", "start", null));

        JsonObject moved = ok(server.counter("R-UMUM-1", "transfer", new JsonObject().put("service", "lab")));

        assertThat(moved.getString("label")).isEqualTo(patient.getString("label"));
        assertThat(moved.getString("service")).isEqualTo("LAB");
        assertThat(moved.getString("homeService")).isEqualTo("UMUM");
        assertThat(moved.getString("status")).isEqualTo("WAITING");
        assertThat(moved.getInteger("position")).isEqualTo(2);
        assertThat(labelOf(callNext("R-LAB"))).isEqualTo(lab1.getString("label"));
        assertThat(labelOf(callNext("R-LAB"))).isEqualTo(patient.getString("label"));

        JsonArray history = ticketById(patient.getLong("id")).getJsonArray("history");
        assertThat(history.stream().map(e -> ((JsonObject) e).getString("type")).toList()).containsExactly(
                "TICKET_ISSUED", "TICKET_CALLED", "TICKET_STARTED", "TICKET_TRANSFERRED", "TICKET_CALLED");
        JsonObject transfer = history.getJsonObject(3);
        assertThat(transfer.getString("fromService")).isEqualTo("UMUM");
        assertThat(transfer.getJsonObject("counter").getString("code")).isEqualTo("R-UMUM-1");
    }

    @Test
    void cancellingAWaitingTicketTakesItOutOfTheLine() {
        JsonObject a1 = server.walkIn("KIA");
        JsonObject a2 = server.walkIn("KIA");

        JsonObject cancelled = ok(server.counter("R-KIA", "cancel", new JsonObject().put("ticket", a1.getLong("id"))));

        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThat(labelOf(callNext("R-KIA"))).isEqualTo(a2.getString("label"));
    }

    @Test
    void illegalTransitionsAreRefusedWith409AndChangeNothing() {
        JsonObject waiting = server.walkIn("UMUM");
        JsonObject id = new JsonObject().put("ticket", waiting.getLong("id"));

        for (String action : List.of("recall", "skip", "start", "finish", "requeue")) {
            HttpResponse<Buffer> refused = server.counter("R-UMUM-1", action, id);
            assertThat(problemCode(refused, 409)).as(action).isEqualTo("INVALID_TRANSITION");
            assertThat(refused.bodyAsJsonObject().getJsonObject("message").getString("id"))
                    .contains(waiting.getString("label")).contains("menunggu");
        }
        assertThat(problemCode(server.counter("R-UMUM-1", "transfer", id.copy().put("service", "LAB")), 409))
                .isEqualTo("INVALID_TRANSITION");

        callNext("R-UMUM-1");
        ok(server.counter("R-UMUM-1", "start", null));
        assertThat(problemCode(server.counter("R-UMUM-1", "start", null), 409)).isEqualTo("INVALID_TRANSITION");
        assertThat(problemCode(server.counter("R-UMUM-1", "skip", null), 409)).isEqualTo("INVALID_TRANSITION");
        assertThat(problemCode(server.counter("R-UMUM-1", "cancel", null), 409)).isEqualTo("INVALID_TRANSITION");
        assertThat(problemCode(server.counter("R-UMUM-1", "transfer", new JsonObject().put("service", "UMUM")), 409))
                .isEqualTo("SAME_SERVICE");
        ok(server.counter("R-UMUM-1", "finish", null));
        for (String action : List.of("recall", "skip", "start", "finish", "cancel", "requeue", "call")) {
            assertThat(problemCode(server.counter("R-UMUM-1", action, id), 409)).as(action).isEqualTo("INVALID_TRANSITION");
        }
        assertThat(ticketById(waiting.getLong("id")).getString("status")).isEqualTo("DONE");
    }

    @Test
    void aCounterCannotActOnATicketAnotherCounterHolds() {
        JsonObject ticket = server.walkIn("UMUM");
        callNext("R-UMUM-1");
        JsonObject id = new JsonObject().put("ticket", ticket.getLong("id"));

        HttpResponse<Buffer> refused = server.counter("R-UMUM-2", "finish", id);

        assertThat(problemCode(refused, 409)).isEqualTo("TICKET_AT_OTHER_COUNTER");
        assertThat(refused.bodyAsJsonObject().getJsonObject("message").getString("en")).contains("R-UMUM-1");
    }

    @Test
    void callingAChosenTicketOutOfTurnWorksOnlyAtACounterOfItsService() {
        server.walkIn("UMUM");
        JsonObject second = server.walkIn("UMUM");
        JsonObject id = new JsonObject().put("ticket", second.getLong("id"));

        assertThat(problemCode(server.counter("R-GIGI", "call", id), 409)).isEqualTo("NOT_SERVED_HERE");
        JsonObject called = ok(server.counter("R-UMUM-2", "call", id));

        assertThat(called.getString("label")).isEqualTo(second.getString("label"));
        assertThat(called.getString("status")).isEqualTo("CALLED");
    }

    @Test
    void yesterdaysTicketsCannotBeCalledToday() {
        JsonObject old = server.walkIn("GIGI");
        clock.advance(Duration.ofDays(1));
        server.relogin();

        assertThat(problemCode(server.counter("R-GIGI", "call-next", null), 409)).isEqualTo("QUEUE_EMPTY");
        assertThat(problemCode(server.counter("R-GIGI", "call", new JsonObject().put("ticket", old.getLong("id"))), 409))
                .isEqualTo("TICKET_NOT_TODAY");
    }

    @Test
    void unknownCountersAndTicketsAre404() {
        assertThat(problemCode(server.counter("R-NOPE", "call-next", null), 404)).isEqualTo("COUNTER_NOT_FOUND");
        assertThat(problemCode(server.counter("R-UMUM-1", "cancel", new JsonObject().put("ticket", 999999)), 404))
                .isEqualTo("TICKET_NOT_FOUND");
        assertThat(problemCode(server.counter("R-UMUM-1", "transfer", new JsonObject().put("service", "NOPE")), 409))
                .isEqualTo("NO_CURRENT_TICKET");
    }

    @Test
    void theQueueBoardShowsWaitingCountNowServingAndTheWaitingList() {
        JsonObject a1 = server.walkIn("UMUM");
        JsonObject a2 = server.walkIn("UMUM");
        JsonObject a3 = server.walkIn("UMUM");
        callNext("R-UMUM-1");

        JsonObject board = ok(server.get("/api/v1/facilities/pkm-demo/queue"));

        assertThat(board.getString("serviceDate")).isEqualTo("2026-11-27");
        JsonObject umum = board.getJsonArray("services").getJsonObject(0);
        assertThat(umum.getString("code")).isEqualTo("UMUM");
        assertThat(umum.getInteger("waitingCount")).isEqualTo(2);
        assertThat(umum.getJsonArray("nowServing").getJsonObject(0).getString("label")).isEqualTo(a1.getString("label"));
        assertThat(umum.getJsonArray("waiting").stream().map(t -> ((JsonObject) t).getString("label")).toList())
                .containsExactly(a2.getString("label"), a3.getString("label"));
        assertThat(umum.getJsonArray("waiting").getJsonObject(1).getInteger("position")).isEqualTo(2);
    }

    private JsonObject callNext(String counter) {
        return ok(server.counter(counter, "call-next", null));
    }

    private JsonObject ticketById(long id) {
        return ok(server.get("/api/v1/facilities/pkm-demo/tickets/" + id));
    }

    private static String labelOf(JsonObject ticket) {
        return ticket.getString("label");
    }

    private static JsonObject ticket(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }

    static JsonObject ok(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    static String problemCode(HttpResponse<Buffer> response, int status) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getJsonObject("message").getString("id")).isNotBlank();
        assertThat(problem.getJsonObject("message").getString("en")).isNotBlank();
        return problem.getString("code");
    }
}
