package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
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
 * What a display opened mid-morning reads from the board: today's latest calls with their rooms, and today's
 * missed numbers that can still come back — numbers and rooms only.
 */
class DisplayDayBoardTest {
    // Wednesday 25 November 2026, 08:30 in Makassar (WITA).
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final String ROOM = "R-UMUM-1";
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
    void aDisplayOpenedAfterSixCallsReadsThemNewestFirstWithTheirRooms() {
        List<String> called = callSix();

        JsonObject board = boardAsDisplay();

        JsonArray calls = board.getJsonArray("recentCalls");
        assertThat(calls).hasSize(6);
        assertThat(labels(calls)).containsExactlyElementsOf(called.reversed());
        JsonObject latest = calls.getJsonObject(0);
        assertThat(latest.getJsonObject("counter").getString("code")).isEqualTo(ROOM);
        assertThat(latest.getJsonObject("counter").getString("name")).isEqualTo("Ruang Periksa Umum 1");
        assertThat(latest.getString("service")).isEqualTo("UMUM");
        assertThat(latest.getString("at")).endsWith("+08:00");
        assertThat(latest.fieldNames()).containsExactlyInAnyOrder("ticketId", "label", "service", "serviceName",
                "counter", "at");
    }

    @Test
    void aSkippedNumberIsListedAsMissedUntilItIsBroughtBack() {
        callSix();
        JsonObject skipped = server.counter(ROOM, "skip", null).bodyAsJsonObject();
        assertThat(skipped.getString("status")).isEqualTo("SKIPPED");

        JsonArray missed = boardAsDisplay().getJsonArray("missed");
        assertThat(labels(missed)).containsExactly(skipped.getString("label"));
        assertThat(missed.getJsonObject(0).fieldNames())
                .containsExactlyInAnyOrder("ticketId", "label", "service", "serviceName");

        HttpResponse<Buffer> back = server.counter(ROOM, "requeue", new JsonObject().put("ticket", skipped.getLong("id")));
        assertThat(back.statusCode()).as(back.bodyAsString()).isEqualTo(200);
        JsonObject after = boardAsDisplay();
        assertThat(after.getJsonArray("missed")).isEmpty();
        assertThat(after.getJsonArray("recentCalls")).hasSize(6);
    }

    @Test
    void yesterdaysCallsAndMissedNumbersAreNotShownToday() {
        server.walkIn("UMUM");
        server.counter(ROOM, "call-next", null);
        server.counter(ROOM, "skip", null);

        clock.advance(Duration.ofDays(1));
        JsonObject board = boardAsDisplay();

        assertThat(board.getJsonArray("recentCalls")).isEmpty();
        assertThat(board.getJsonArray("missed")).isEmpty();
    }

    private List<String> callSix() {
        for (int i = 0; i < 6; i++) {
            server.walkIn("UMUM");
        }
        List<String> called = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(3));
            HttpResponse<Buffer> next = server.counter(ROOM, "call-next", null);
            assertThat(next.statusCode()).as(next.bodyAsString()).isEqualTo(200);
            called.add(next.bodyAsJsonObject().getString("label"));
            if (i < 5) {
                // The patient came in: the next call finishes them (a called patient who never came is a no-show);
                // the sixth stays called.
                server.counter(ROOM, "start", null);
            }
        }
        return called;
    }

    private JsonObject boardAsDisplay() {
        HttpResponse<Buffer> board = server.as(TestServer.DISPLAY_TOKEN).get("/api/v1/facilities/pkm-demo/queue").send().await();
        assertThat(board.statusCode()).as(board.bodyAsString()).isEqualTo(200);
        return board.bodyAsJsonObject();
    }

    private static List<String> labels(JsonArray items) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            labels.add(items.getJsonObject(i).getString("label"));
        }
        return labels;
    }
}
