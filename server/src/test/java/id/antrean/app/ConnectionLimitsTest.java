package id.antrean.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.RawHttp;
import id.antrean.testing.TestPostgres;
import id.antrean.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sockets cost the server a descriptor each: a client that never finishes its request head, or keeps a
 * connection idle, loses it; one address cannot take them all. The event stream stays open on its heartbeat.
 */
class ConnectionLimitsTest {
    private static final int PER_ADDRESS = 3;
    private static final Duration SOON = Duration.ofSeconds(6);
    private static TestServer server;

    @BeforeAll
    static void start() {
        Map<String, String> env = TestServer.env(TestPostgres.newDatabaseUrl(), true);
        env.put("HTTP_HEADER_TIMEOUT_SECONDS", "1");
        env.put("HTTP_IDLE_TIMEOUT_SECONDS", "2");
        env.put("HTTP_CONNECTIONS_PER_ADDRESS", Integer.toString(PER_ADDRESS));
        server = TestServer.start(env, MutableClock.at("2026-11-27T01:00:00Z"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aConnectionThatNeverFinishesItsRequestHeadIsClosed() {
        try (RawHttp slow = RawHttp.connectFrom(server.port(), "127.0.0.11")) {
            slow.send("GET /health HTTP/1.1\r\nHost: localhost\r\n");
            slow.readFor(Duration.ofMillis(500));
            slow.send("X-Slow: 1\r\n"); // a byte now and then does not keep it open

            assertThat(slow.closedWithin(SOON)).as("closed by the server").isTrue();
            assertThat(slow.readFor(Duration.ZERO)).doesNotContain("HTTP/1.1 200");
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() {
        try (RawHttp silent = RawHttp.connectFrom(server.port(), "127.0.0.12")) {
            assertThat(silent.closedWithin(SOON)).as("closed by the server").isTrue();
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterItsAnswer() {
        try (RawHttp idle = RawHttp.connectFrom(server.port(), "127.0.0.13")) {
            idle.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");

            String answer = idle.readUntilClosed(SOON);

            assertThat(answer).startsWith("HTTP/1.1 200 ");
        }
    }

    @Test
    void theEventStreamOutlivesTheIdleTimeoutOnItsHeartbeat() {
        try (RawHttp screen = RawHttp.connectFrom(server.port(), "127.0.0.14")) {
            screen.send("GET /api/v1/facilities/pkm-demo/events HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + server.receptionistToken() + "\r\n\r\n");

            String received = screen.readFor(Duration.ofSeconds(5)); // more than twice the idle timeout

            assertThat(screen.closedByServer()).as("closed by the server; received: %s", received).isFalse();
            assertThat(received).startsWith("HTTP/1.1 200 ").contains("SNAPSHOT").contains(": keepalive");
        }
    }

    @Test
    void oneAddressGetsItsShareOfConnectionsAndNoMore() {
        List<RawHttp> admitted = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                RawHttp connection = RawHttp.connectFrom(server.port(), "127.0.0.15");
                admitted.add(connection);
                // An answer proves the server counted it before the next one connects.
                connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(connection.readFor(Duration.ofMillis(300))).startsWith("HTTP/1.1 200 ");
            }
            try (RawHttp extra = RawHttp.connectFrom(server.port(), "127.0.0.15")) {
                extra.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(extra.closedWithin(Duration.ofSeconds(1))).as("the extra connection is closed").isTrue();
                assertThat(extra.readFor(Duration.ZERO)).isEmpty();
            }
            // Another address is not affected.
            try (RawHttp other = RawHttp.connectFrom(server.port(), "127.0.0.16")) {
                other.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertThat(other.readFor(Duration.ofMillis(300))).startsWith("HTTP/1.1 200 ");
            }
            admitted.forEach(RawHttp::close);
            // A closed connection gives its place back.
            RawHttp later = eventuallyAdmitted("127.0.0.15");
            later.close();
        } finally {
            admitted.forEach(RawHttp::close);
        }
    }

    private static RawHttp eventuallyAdmitted(String address) {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (true) {
            RawHttp connection = RawHttp.connectFrom(server.port(), address);
            connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            if (connection.readFor(Duration.ofMillis(300)).startsWith("HTTP/1.1 200 ")) {
                return connection;
            }
            connection.close();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no connection admitted from " + address + " after the others closed");
            }
        }
    }
}
