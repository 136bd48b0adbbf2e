package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ids are 1 … 2^63-1 wherever the API takes one. A bigger number must not wrap around to a small one: before the
 * contract bounded it, {@code {"ticket": 18446744073709551617}} (2^64 + 1) called ticket 1.
 */
class TicketIdBoundsTest {
    private static final String TICKETS = "/api/v1/facilities/pkm-demo/tickets/";
    /** 2^64 + 1 (wraps to 1), 2^63 (wraps to Long.MIN_VALUE), zero, negative, and a fraction. */
    private static final List<String> OUT_OF_BOUNDS =
            List.of("18446744073709551617", "9223372036854775808", "0", "-1", "1.5", "1e300");
    private static final List<String> ACTIONS = List.of("call-next", "call", "recall", "skip", "requeue", "start",
            "finish", "transfer", "park", "resume", "cancel");
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
        // Tickets 1 and 2 of a fresh database, both waiting: a wrapped-around id would find ticket 1.
        server.walkIn("UMUM");
        server.walkIn("UMUM");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> actionsWithOutOfBoundsIds() {
        return ACTIONS.stream().flatMap(action -> OUT_OF_BOUNDS.stream().map(id -> Arguments.of(action, id)));
    }

    @ParameterizedTest(name = "{0} with ticket {1} -> 400")
    @MethodSource("actionsWithOutOfBoundsIds")
    void aCounterActionWithAnIdOutOfBoundsIsRefusedAndChangesNoTicket(String action, String id) {
        long eventsBefore = server.count("SELECT count(*) FROM queue_event");
        String body = "transfer".equals(action)
                ? "{\"service\":\"LAB\",\"ticket\":" + id + "}"
                : "{\"ticket\":" + id + "}";

        HttpResponse<Buffer> response = server.postRaw("/api/v1/facilities/pkm-demo/counters/R-UMUM-1/" + action,
                "application/json", body, null);

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("code")).isEqualTo("INVALID_FIELD");
        assertThat(problem.getString("field")).isEqualTo("ticket");
        assertThat(problem.getJsonObject("message").getString("id")).isNotBlank();
        assertThat(problem.getJsonObject("message").getString("en")).isNotBlank();
        assertThat(server.count("SELECT count(*) FROM ticket WHERE status <> 'WAITING'")).isZero();
        assertThat(server.count("SELECT count(*) FROM queue_event")).isEqualTo(eventsBefore);
    }

    @ParameterizedTest(name = "ticket path id {0} -> 400")
    @ValueSource(strings = {"18446744073709551617", "9223372036854775808", "0", "-1"})
    void aTicketPathIdOutOfBoundsIsRefused(String id) {
        for (HttpResponse<Buffer> response : List.of(
                server.get(TICKETS + id),
                server.post(TICKETS + id + "/check-in", null))) {
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
            assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(server.count("SELECT count(*) FROM ticket WHERE status <> 'WAITING'")).isZero();
    }

    @ParameterizedTest(name = "device path id {0} -> 400")
    @ValueSource(strings = {"18446744073709551617", "9223372036854775808", "0", "-1"})
    void aDevicePathIdOutOfBoundsIsRefusedAndRevokesNothing(String id) {
        HttpResponse<Buffer> response = server.as(server.login("admin"))
                .delete("/api/v1/facilities/pkm-demo/devices/" + id).send().await();

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
        assertThat(server.count("SELECT count(*) FROM device WHERE revoked_at IS NOT NULL")).isZero();
    }
}
