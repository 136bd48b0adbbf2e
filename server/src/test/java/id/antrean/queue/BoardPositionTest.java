package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The board ranks places in line with one window over its rows instead of a count per row (issue #18): on a
 * mixed line — priority, a booking in line from its earlier time, tickets parked, skipped, called and booked,
 * two polis, yesterday's leftovers — every waiting ticket's place is the one the per-ticket count gives.
 */
class BoardPositionTest {
    /** The place in line as defined before the window function: 1 + the waiting tickets ahead, counted. */
    private static final String COUNTED_POSITION = """
            SELECT 1 + (
                SELECT count(*) FROM ticket w
                WHERE w.facility_id = t.facility_id AND w.service_date = t.service_date
                  AND w.service_id = t.service_id AND w.status = 'WAITING'
                  AND w.ticket_id <> t.ticket_id
                  AND (w.priority > t.priority
                       OR (w.priority = t.priority AND (w.line_at, w.queue_order) < (t.line_at, t.queue_order))))
            FROM ticket t WHERE t.ticket_id = %d AND t.status = 'WAITING'""";

    private final MutableClock clock = MutableClock.at("2026-12-07T01:00:00Z");
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
    void theBoardsPlacesInLineEqualThePerTicketCountOnAMixedLine() {
        // Yesterday's ticket still waiting: another day's line, never counted in today's.
        long yesterday = walkIn("UMUM", false).getLong("id");
        clock.advance(Duration.ofDays(1));
        server.relogin();
        Map<String, Long> umum = new LinkedHashMap<>();
        for (String name : new String[] {"R1", "P1", "R2", "R3", "P2", "R4", "R5", "P3", "R6", "R7"}) {
            umum.put(name, walkIn("UMUM", name.startsWith("P")).getLong("id"));
            // Some in the same instant (queue_order decides), some a minute apart (line_at decides).
            if (name.endsWith("2") || name.endsWith("5")) {
                clock.advance(Duration.ofMinutes(1));
            }
        }
        for (String name : new String[] {"G1", "Q1", "G2"}) {
            walkIn("GIGI", name.startsWith("Q"));
        }
        // A checked-in booking stands in line from its earlier estimated time; another is still only booked.
        server.sql("UPDATE ticket SET source = 'ONLINE', card_number = '0001234567891',"
                + " line_at = line_at - interval '30 minutes' WHERE ticket_id = " + umum.get("R6"));
        server.sql("UPDATE ticket SET source = 'ONLINE', card_number = '0001234567892', status = 'BOOKED'"
                + " WHERE ticket_id = " + umum.get("R7"));
        // P1 is called and parked, then P2 called and skipped, then P3 called and left at the counter.
        for (String action : new String[] {"park", "skip", null}) {
            assertThat(server.counter("R-UMUM-1", "call-next", null).statusCode()).isEqualTo(200);
            if (action != null) {
                assertThat(server.counter("R-UMUM-1", action, null).statusCode()).isEqualTo(200);
            }
        }
        clock.advance(Duration.ofMinutes(2));
        walkIn("UMUM", true);
        walkIn("UMUM", false);

        JsonObject board = ok(server.get("/api/v1/facilities/pkm-demo/queue"));

        int waiting = 0;
        for (Object s : board.getJsonArray("services")) {
            JsonArray line = ((JsonObject) s).getJsonArray("waiting");
            for (int i = 0; i < line.size(); i++) {
                JsonObject ticket = line.getJsonObject(i);
                long id = ticket.getLong("id");
                assertThat(ticket.getInteger("position")).as("ticket %d on the board", id)
                        .isEqualTo(i + 1)
                        .isEqualTo((int) server.count(COUNTED_POSITION.formatted(id)))
                        .isEqualTo(ok(server.get("/api/v1/facilities/pkm-demo/tickets/" + id)).getInteger("position"));
                waiting++;
            }
        }
        // Umum: R1–R6 and the two late ones (R7 is booked, P1–P3 went to the counter); Gigi: 3; yesterday's apart.
        assertThat(waiting).isEqualTo(6 + 2 + 3);
        assertThat(server.count("SELECT count(*) FROM ticket WHERE status = 'WAITING' AND ticket_id = " + yesterday))
                .isEqualTo(1);
    }

    private JsonObject walkIn(String service, boolean priority) {
        HttpResponse<Buffer> response = server.issue(new JsonObject().put("service", service).put("payer", "UMUM")
                .put("priority", priority));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }

    private static JsonObject ok(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }
}
