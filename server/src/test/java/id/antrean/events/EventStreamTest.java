package id.antrean.events;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
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
    void aNewClientFirstGetsASnapshotOfTheWholeQueue() {
        JsonObject waiting = server.walkIn("GIGI");

        try (SseClient sse = SseClient.connect(server)) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.contentType()).startsWith("text/event-stream");
            JsonObject snapshot = sse.next(WAIT);

            assertThat(snapshot.getString("type")).isEqualTo("SNAPSHOT");
            assertThat(snapshot.getLong("id")).isEqualTo(1L);
            JsonObject gigi = snapshot.getJsonObject("board").getJsonArray("services").getJsonObject(1);
            assertThat(gigi.getString("code")).isEqualTo("GIGI");
            assertThat(gigi.getJsonArray("waiting").getJsonObject(0).getString("label"))
                    .isEqualTo(waiting.getString("label"));
        }
    }

    @Test
    void callsArriveInOrderWithRisingIds() {
        for (int i = 0; i < 5; i++) {
            server.walkIn("UMUM");
        }
        try (SseClient sse = SseClient.connect(server)) {
            long snapshotId = sse.next(WAIT).getLong("id");
            for (int i = 0; i < 5; i++) {
                server.counter(i % 2 == 0 ? "R-UMUM-1" : "R-UMUM-2", "call-next", null);
            }

            List<JsonObject> events = sse.until(e -> "TICKET_CALLED".equals(e.getString("type"))
                    && "A-005".equals(e.getJsonObject("ticket").getString("label")), WAIT);

            List<String> calls = events.stream().filter(e -> "TICKET_CALLED".equals(e.getString("type")))
                    .map(e -> e.getJsonObject("ticket").getString("label")).toList();
            assertThat(calls).containsExactly("A-001", "A-002", "A-003", "A-004", "A-005");
            List<Long> ids = events.stream().map(e -> e.getLong("id")).toList();
            assertThat(ids.get(0)).isEqualTo(snapshotId + 1);
            for (int i = 1; i < ids.size(); i++) {
                assertThat(ids.get(i)).isEqualTo(ids.get(i - 1) + 1);
            }
            JsonObject call = events.get(events.size() - 1);
            assertThat(call.getJsonObject("counter").getString("name")).isEqualTo("Ruang Periksa Umum 1");
            assertThat(call.getString("at")).endsWith("+08:00");
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdGetsWhatItMissedAndNoSnapshot() {
        server.walkIn("KIA");
        server.walkIn("KIA");
        long lastSeen;
        try (SseClient sse = SseClient.connect(server)) {
            lastSeen = sse.next(WAIT).getLong("id");
        }
        // While disconnected: two calls.
        server.counter("R-KIA", "call-next", null);
        server.counter("R-KIA", "call-next", null);

        try (SseClient sse = SseClient.resume(server, lastSeen)) {
            JsonObject first = sse.next(WAIT);
            assertThat(first.getString("type")).isEqualTo("TICKET_CALLED");
            assertThat(first.getLong("id")).isEqualTo(lastSeen + 1);
            assertThat(first.getJsonObject("ticket").getString("label")).isEqualTo("C-001");
            List<JsonObject> rest = sse.until(e -> "C-002".equals(e.getJsonObject("ticket").getString("label"))
                    && "TICKET_CALLED".equals(e.getString("type")), WAIT);
            // C-001, called but never started, became a no-show when C-002 was called: both events came, in order.
            assertThat(rest).extracting(e -> e.getString("type")).containsExactly("TICKET_SKIPPED", "TICKET_CALLED");

            // And then it is live again.
            server.counter("R-KIA", "recall", null);
            assertThat(sse.next(WAIT).getString("type")).isEqualTo("TICKET_RECALLED");
        }
    }

    @Test
    void manyScreensOfOneFacilityEachGetEveryEventOnceInOrderAndAClosedOneDisturbsNoOther() {
        List<SseClient> screens = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                screens.add(SseClient.connect(server));
            }
            long snapshotId = -1;
            for (SseClient screen : screens) {
                snapshotId = screen.next(WAIT).getLong("id");
            }
            screens.removeFirst().close();
            server.walkIn("UMUM");
            server.walkIn("UMUM");
            server.counter("R-UMUM-1", "call-next", null);

            for (SseClient screen : screens) {
                List<JsonObject> events = screen.until(e -> "TICKET_CALLED".equals(e.getString("type")), WAIT);
                assertThat(events).extracting(e -> e.getLong("id"))
                        .containsExactly(snapshotId + 1, snapshotId + 2, snapshotId + 3);
                assertThat(events).extracting(e -> e.getString("type"))
                        .containsExactly("TICKET_ISSUED", "TICKET_ISSUED", "TICKET_CALLED");
            }
        } finally {
            screens.forEach(SseClient::close);
        }
    }

    @Test
    void aScreenResumingFurtherBehindThanTheNodeKeepsInMemoryStillGetsEveryEventItMissed() {
        int missed = ScreenFanOut.RECENT + 8;
        // A screen that stays: the node keeps the facility's latest events for resumes.
        try (SseClient stays = SseClient.connect(server)) {
            long lastSeen;
            try (SseClient leaves = SseClient.connect(server)) {
                lastSeen = leaves.next(WAIT).getLong("id");
            }
            stays.next(WAIT);
            for (int i = 0; i < missed; i++) {
                server.walkIn("UMUM");
            }
            long newest = lastSeen + missed;
            stays.until(e -> e.getLong("id") == newest, WAIT);

            try (SseClient far = SseClient.resume(server, lastSeen)) {
                List<JsonObject> events = far.until(e -> e.getLong("id") == newest, WAIT);
                assertThat(events).extracting(e -> e.getLong("id"))
                        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(lastSeen + 1, newest).boxed().toList());
            }
            try (SseClient near = SseClient.resume(server, newest - 3)) {
                List<JsonObject> events = near.until(e -> e.getLong("id") == newest, WAIT);
                assertThat(events).extracting(e -> e.getLong("id")).containsExactly(newest - 2, newest - 1, newest);
                assertThat(events).extracting(e -> e.getString("type")).containsOnly("TICKET_ISSUED");
                // And then it is live again.
                server.counter("R-UMUM-1", "call-next", null);
                JsonObject called = near.next(WAIT);
                assertThat(called.getLong("id")).isEqualTo(newest + 1);
                assertThat(called.getString("type")).isEqualTo("TICKET_CALLED");
            }
        }
    }

    @Test
    void theStreamNeedsATokenOfItsFacility() {
        assertThat(server.anonymous().get("/api/v1/facilities/pkm-demo/events").send().await().statusCode()).isEqualTo(401);
        assertThat(server.get("/api/v1/facilities/klinik-demo/events").statusCode()).isEqualTo(403);
    }

    @Test
    void eventsShowNoCardNumberOrNik() {
        try (SseClient sse = SseClient.connect(server)) {
            sse.next(WAIT);
            server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                    .put("cardNumber", "0001234567890").put("nik", "7371014101900001"));

            String event = sse.next(WAIT).encode();

            assertThat(event).contains("TICKET_ISSUED").contains("7890")
                    .doesNotContain("0001234567890").doesNotContain("7371014101900001");
        }
    }

    /**
     * The display works its wait estimates out from its own count of who waits and each service's pace, which the
     * stream tells it (event: paces, no id): once at the start, then when the paces change — here the first call
     * of the day puts one of Poli Umum's two rooms to work, so a patient's wait is counted on one counter.
     */
    @Test
    void aScreenStartsWithThePacesAndHearsNewOnesWhenACallChangesThem() {
        server.walkIn("UMUM");
        server.walkIn("UMUM");

        try (SseClient sse = SseClient.connect(server)) {
            sse.next(WAIT);
            JsonObject first = sse.nextPaces(WAIT);
            assertThat(first).as("paces after the snapshot").isNotNull();
            assertThat(first.getJsonObject("services").getJsonObject("UMUM"))
                    .isEqualTo(new JsonObject().put("secondsPerPatient", 300.0).put("counters", 2));
            assertThat(first.getJsonObject("services").fieldNames()).contains("GIGI", "KIA");

            server.counter("R-UMUM-1", "call-next", null);

            JsonObject changed = sse.nextPaces(WAIT);
            assertThat(changed).as("paces after the call").isNotNull();
            assertThat(changed.getJsonObject("services").getJsonObject("UMUM"))
                    .isEqualTo(new JsonObject().put("secondsPerPatient", 300.0).put("counters", 1));
        }
    }

    @Test
    void aCallThatLeavesThePacesAsTheyWereSendsNoPaces() {
        server.walkIn("UMUM");
        server.walkIn("UMUM");
        server.counter("R-UMUM-1", "call-next", null);
        // Past the estimator's cache: the stream starts from the paces after that call.
        clock.advance(Duration.ofMinutes(1));

        try (SseClient sse = SseClient.connect(server)) {
            sse.next(WAIT);
            JsonObject first = sse.nextPaces(WAIT);
            assertThat(first.getJsonObject("services").getJsonObject("UMUM").getLong("counters")).isEqualTo(1L);

            server.counter("R-UMUM-1", "call-next", null);
            sse.until(e -> "TICKET_CALLED".equals(e.getString("type")), WAIT);

            assertThat(sse.nextPaces(Duration.ofSeconds(2))).as("no paces: the same room called again").isNull();
        }
    }

    @Test
    void aResumedStreamGetsThePacesAfterWhatItMissedAndItsLastEventIdStaysTheQueues() {
        server.walkIn("KIA");
        long lastSeen;
        try (SseClient sse = SseClient.connect(server)) {
            lastSeen = sse.next(WAIT).getLong("id");
        }
        server.walkIn("KIA");

        try (SseClient sse = SseClient.resume(server, lastSeen)) {
            assertThat(sse.next(WAIT).getLong("id")).isEqualTo(lastSeen + 1);
            assertThat(sse.nextPaces(WAIT)).isNotNull();
            server.counter("R-KIA", "call-next", null);
            assertThat(sse.next(WAIT).getLong("id")).isEqualTo(lastSeen + 2);
        }
    }
}
