package id.antrean.events;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two server nodes on one database share nothing but PostgreSQL, and screens still see every call. */
class TwoNodeEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aCallMadeOnOneNodeReachesAScreenConnectedToTheOther() {
        MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
        try (TestServer nodeA = TestServer.start(clock);
             TestServer nodeB = TestServer.startOn(nodeA.databaseUrl(), clock);
             SseClient screenOnB = SseClient.connect(nodeB.clientVertx(), nodeB.port(), TestServer.DEMO, TestServer.DISPLAY_TOKEN)) {
            assertThat(nodeA.port()).isNotEqualTo(nodeB.port());
            screenOnB.next(WAIT);

            JsonObject ticket = nodeA.walkIn("UMUM");
            nodeA.counter("R-UMUM-1", "call-next", null);

            JsonObject issued = screenOnB.next(WAIT);
            assertThat(issued.getString("type")).isEqualTo("TICKET_ISSUED");
            JsonObject called = screenOnB.next(WAIT);
            assertThat(called.getString("type")).isEqualTo("TICKET_CALLED");
            assertThat(called.getJsonObject("ticket").getString("label")).isEqualTo(ticket.getString("label"));
            assertThat(called.getJsonObject("counter").getString("code")).isEqualTo("R-UMUM-1");
        }
    }
}
