package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.Plans;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET …/queue?waitingLimit=N}: the board of a screen that shows counts and estimates, not every ticket
 * of a long line (the kiosk, the display's estimate refresh); without it, the first screenful of each line.
 */
class BoardWaitingLimitTest {
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
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
    void aBoardAskedForTheFirstTwoOfALineOfFiveListsTheNextTwoAndCountsAllFive() {
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            labels.add(server.walkIn("UMUM").getString("label"));
        }
        JsonObject whole = umum(board(""));

        JsonObject limited = umum(board("?waitingLimit=2"));

        JsonArray waiting = limited.getJsonArray("waiting");
        assertThat(waiting).hasSize(2);
        assertThat(waiting.getJsonObject(0).getString("label")).isEqualTo(labels.get(0));
        assertThat(waiting.getJsonObject(1).getString("label")).isEqualTo(labels.get(1));
        assertThat(waiting.getJsonObject(1).getInteger("position")).isEqualTo(2);
        assertThat(waiting.getJsonObject(1).getJsonArray("allowedActions")).isNotEmpty();
        assertThat(limited.getInteger("waitingCount")).isEqualTo(5);
        assertThat(limited.getValue("estimatedWaitMinutes")).isEqualTo(whole.getValue("estimatedWaitMinutes"));
        assertThat(whole.getJsonArray("waiting")).hasSize(5);
        assertThat(waiting.getJsonObject(1)).isEqualTo(whole.getJsonArray("waiting").getJsonObject(1));
    }

    @Test
    void waitingLimitZeroListsNoLineButKeepsTheCountsAndWhoIsAtTheCounters() {
        for (int i = 0; i < 3; i++) {
            server.walkIn("UMUM");
        }
        String called = server.counter("R-UMUM-1", "call-next", null).bodyAsJsonObject().getString("label");

        JsonObject umum = umum(board("?waitingLimit=0"));
        JsonObject whole = umum(board(""));

        assertThat(umum.getJsonArray("waiting")).isEmpty();
        assertThat(umum.getInteger("waitingCount")).isEqualTo(2);
        assertThat(umum.getValue("estimatedWaitMinutes")).isEqualTo(whole.getValue("estimatedWaitMinutes"));
        assertThat(board("?waitingLimit=0").getJsonArray("services")).extracting(s -> ((JsonObject) s).getInteger("waitingCount"))
                .containsExactlyElementsOf(board("").getJsonArray("services").stream()
                        .map(s -> ((JsonObject) s).getInteger("waitingCount")).toList());
        assertThat(umum.getJsonArray("nowServing").getJsonObject(0).getString("label")).isEqualTo(called);
    }

    @Test
    void aBoardAskedForNoLimitListsTheFirstFiftyOfALineOfSixtyAndCountsAllSixty() {
        int line = QueueBoard.WAITING_SHOWN + 10;
        for (int i = 0; i < line; i++) {
            server.walkIn("UMUM");
        }

        JsonObject shown = umum(board(""));
        JsonObject whole = umum(board("?waitingLimit=100000"));

        assertThat(shown.getJsonArray("waiting")).hasSize(QueueBoard.WAITING_SHOWN);
        assertThat(shown.getInteger("waitingCount")).isEqualTo(line);
        assertThat(whole.getJsonArray("waiting")).hasSize(line);
        assertThat(whole.getInteger("waitingCount")).isEqualTo(line);
        for (int i = 0; i < QueueBoard.WAITING_SHOWN; i++) {
            assertThat(shown.getJsonArray("waiting").getJsonObject(i)).isEqualTo(whole.getJsonArray("waiting").getJsonObject(i));
            assertThat(shown.getJsonArray("waiting").getJsonObject(i).getInteger("position")).isEqualTo(i + 1);
        }
    }

    /** The cost of a long line is its count: the board reads the tickets it lists, not the ones behind them. */
    @Test
    void theFirstTwoOfALineOfSixtyAreReadWithoutReadingTheOtherFiftyEight() {
        for (int i = 0; i < 60; i++) {
            server.walkIn(i % 7 == 3 ? "GIGI" : "UMUM");
        }
        server.sql("ANALYZE ticket");
        String facility = String.valueOf(server.count("SELECT facility_id FROM facility WHERE code = 'pkm-demo'"));
        String today = "'" + board("").getString("serviceDate") + "'::date";

        for (boolean generic : List.of(false, true)) {
            JsonObject plan = generic ? server.executedGenericPlan(QueueBoard.WAITING_HEADS, facility, today, "2")
                    : server.executedPlan(QueueBoard.WAITING_HEADS, facility, today, "2");

            assertThat(Plans.rowsReadFrom(plan, "ticket")).as(plan.encodePrettily()).isLessThanOrEqualTo(4);
        }
        JsonObject umum = umum(board("?waitingLimit=2"));
        assertThat(umum.getJsonArray("waiting")).extracting(t -> ((JsonObject) t).getInteger("position")).containsExactly(1, 2);
    }

    @Test
    void aWaitingLimitThatIsNotAWholeNumberIsRefusedWithAProblem() {
        for (String bad : List.of("-1", "abc", "1.5")) {
            HttpResponse<Buffer> response = get("?waitingLimit=" + bad);
            assertThat(response.statusCode()).as(bad + ": " + response.bodyAsString()).isEqualTo(400);
            assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        }
    }

    private JsonObject board(String query) {
        HttpResponse<Buffer> response = get(query);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private HttpResponse<Buffer> get(String query) {
        return server.as(TestServer.DISPLAY_TOKEN).get("/api/v1/facilities/pkm-demo/queue" + query).send().await();
    }

    private static JsonObject umum(JsonObject board) {
        JsonArray services = board.getJsonArray("services");
        for (int i = 0; i < services.size(); i++) {
            if ("UMUM".equals(services.getJsonObject(i).getString("code"))) {
                return services.getJsonObject(i);
            }
        }
        throw new AssertionError("no UMUM on the board");
    }
}
