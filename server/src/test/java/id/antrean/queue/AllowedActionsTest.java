package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket JSON's {@code allowedActions} is what the server accepts: for a ticket of each status, every
 * listed action succeeds and every other one is a 409 — so screens can offer the list instead of a copy of the
 * transition table. And {@code lineAt} says since when a ticket stands in line.
 */
class AllowedActionsTest {
    private static final String ROOM = "R-UMUM-1";
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
    void everyAllowedActionSucceedsAndEveryOtherIsRefused() {
        for (TicketStatus status : TicketStatus.values()) {
            List<String> allowed = ticketIn(status).getJsonArray("allowedActions").stream().map(String.class::cast).toList();
            assertThat(allowed).as(status.name()).isEqualTo(CounterAction.allowedOn(status));
            for (CounterAction action : CounterAction.values()) {
                JsonObject ticket = ticketIn(status);
                JsonObject body = new JsonObject().put("ticket", ticket.getLong("id"));
                if (action == CounterAction.TRANSFER) {
                    body.put("service", "LAB");
                }
                HttpResponse<Buffer> answer = server.counter(ROOM, action.apiName(), body);
                int expected = allowed.contains(action.apiName()) ? 200 : 409;
                assertThat(answer.statusCode()).as(status + " " + action.apiName() + ": " + answer.bodyAsString())
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void closedTicketsAllowNothing() {
        for (TicketStatus status : List.of(TicketStatus.DONE, TicketStatus.CANCELLED, TicketStatus.NO_SHOW)) {
            assertThat(CounterAction.allowedOn(status)).as(status.name()).isEmpty();
        }
        assertThat(CounterAction.allowedOn(TicketStatus.CALLED))
                .containsExactly("recall", "skip", "start", "finish", "transfer", "park", "cancel");
    }

    @Test
    void aWalkInStandsInLineFromItsIssueAndATransferredTicketFromItsTransfer() {
        JsonObject issued = server.walkIn("UMUM");
        assertThat(instant(issued, "lineAt")).isEqualTo(instant(issued, "issuedAt"));
        assertThat(issued.getString("checkedInAt")).isNull();

        ok(server.counter(ROOM, "call", new JsonObject().put("ticket", issued.getLong("id"))));
        clock.advance(Duration.ofMinutes(9));
        JsonObject moved = ok(server.counter(ROOM, "transfer", new JsonObject().put("service", "LAB")));

        assertThat(instant(moved, "lineAt")).isEqualTo(clock.instant());
        assertThat(moved.getJsonArray("allowedActions").getList()).containsExactly("call", "cancel");
    }

    /** A fresh ticket of UMUM in the given status, at {@link #ROOM} when the status is at a counter. */
    private JsonObject ticketIn(TicketStatus status) {
        JsonObject ticket = server.walkIn("UMUM");
        JsonObject id = new JsonObject().put("ticket", ticket.getLong("id"));
        switch (status) {
            case WAITING -> { }
            case CALLED -> ticket = ok(server.counter(ROOM, "call", id));
            case SERVING -> {
                ok(server.counter(ROOM, "call", id));
                ticket = ok(server.counter(ROOM, "start", id));
            }
            case PARKED, SKIPPED, DONE -> {
                ok(server.counter(ROOM, "call", id));
                ticket = ok(server.counter(ROOM, status == TicketStatus.PARKED ? "park"
                        : status == TicketStatus.SKIPPED ? "skip" : "finish", id));
            }
            case CANCELLED -> ticket = ok(server.counter(ROOM, "cancel", id));
            // Reaching these takes Mobile JKN and the closing time; the status alone decides what is allowed.
            case BOOKED, NO_SHOW -> {
                long ticketId = ticket.getLong("id");
                String card = "0001234567%03d".formatted(ticketId % 1000);
                server.sql("UPDATE ticket SET status = '" + status.name() + "', source = 'ONLINE', card_number = '" + card
                        + "' WHERE ticket_id = " + ticketId);
                ticket = ok(server.get("/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id")));
            }
        }
        assertThat(ticket.getString("status")).isEqualTo(status.name());
        return ticket;
    }

    private static java.time.Instant instant(JsonObject ticket, String field) {
        return OffsetDateTime.parse(ticket.getString(field)).toInstant();
    }

    private static JsonObject ok(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }
}
