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

    @Test
    void aScreenWhoseNodeStopsResumesOnTheOtherWithLastEventIdAndMissesNothing() {
        MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
        try (TestServer nodeA = TestServer.start(clock);
             TestServer nodeB = TestServer.startOn(nodeA.databaseUrl(), clock);
             SseClient screenOnA = SseClient.connect(nodeA.clientVertx(), nodeA.port(), TestServer.DEMO, TestServer.DISPLAY_TOKEN);
             SseClient screenOnB = SseClient.connect(nodeB.clientVertx(), nodeB.port(), TestServer.DEMO, TestServer.DISPLAY_TOKEN)) {
            screenOnA.next(WAIT);
            screenOnB.next(WAIT);
            nodeB.walkIn("UMUM");
            long lastSeen = screenOnA.next(WAIT).getLong("id");
            screenOnB.next(WAIT);

            nodeA.stopNode();
            nodeB.walkIn("UMUM");
            nodeB.counter("R-UMUM-1", "call-next", null);
            nodeB.counter("R-UMUM-1", "call-next", null);
            long newest = lastSeen + 4;
            screenOnB.until(e -> e.getLong("id") == newest, WAIT);

            try (SseClient resumed = SseClient.resume(nodeB, lastSeen)) {
                java.util.List<JsonObject> events = resumed.until(e -> e.getLong("id") == newest, WAIT);
                assertThat(events).extracting(e -> e.getLong("id"))
                        .containsExactly(lastSeen + 1, lastSeen + 2, lastSeen + 3, newest);
                assertThat(events).extracting(e -> e.getString("type"))
                        .containsExactly("TICKET_ISSUED", "TICKET_CALLED", "TICKET_SKIPPED", "TICKET_CALLED");
            }
        }
    }
}
