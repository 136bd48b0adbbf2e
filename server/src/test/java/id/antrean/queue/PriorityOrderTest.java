package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Priority for those who need it, without starving the others: the facility's admin chooses {@code first} or
 * {@code interleave:N} (default {@code interleave:3}); a NIK of someone 60 or older is priority by itself.
 */
class PriorityOrderTest {
    private static final String PROFILE = "/api/v1/facilities/pkm-demo/profile";
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
    void byDefaultAtMostThreePriorityCallsInARowWhileOthersWait() {
        Map<String, String> line = line("R1", "R2", "P1", "P2", "P3", "P4", "P5");

        assertThat(callAll("R-UMUM-1", 7)).containsExactly(
                of(line, "P1"), of(line, "P2"), of(line, "P3"), of(line, "R1"), of(line, "P4"), of(line, "P5"),
                of(line, "R2"));
    }

    @Test
    void anAdminChoosesPriorityAlwaysFirst() {
        assertThat(setOrder("first").getString("priorityOrder")).isEqualTo("first");
        Map<String, String> line = line("R1", "R2", "P1", "P2", "P3", "P4", "P5");

        assertThat(callAll("R-UMUM-1", 7)).containsExactly(
                of(line, "P1"), of(line, "P2"), of(line, "P3"), of(line, "P4"), of(line, "P5"), of(line, "R1"),
                of(line, "R2"));
    }

    @Test
    void interleaveOneAlternatesAndTheChoiceIsStoredAuditedAndShownInTheProfile() {
        setOrder("interleave:1");
        Map<String, String> line = line("R1", "R2", "P1", "P2", "P3");

        assertThat(callAll("R-UMUM-1", 5)).containsExactly(
                of(line, "P1"), of(line, "R1"), of(line, "P2"), of(line, "R2"), of(line, "P3"));
        assertThat(server.count("SELECT count(*) FROM facility WHERE code = 'pkm-demo' AND priority_order = 'interleave:1'"))
                .isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'FACILITY_PROFILE_UPDATE'"
                + " AND details->'before'->>'priorityOrder' = 'interleave:3'"
                + " AND details->'after'->>'priorityOrder' = 'interleave:1'")).isEqualTo(1);
        assertThat(admin().get(PROFILE).send().await().bodyAsJsonObject().getString("priorityOrder"))
                .isEqualTo("interleave:1");
    }

    @Test
    void aProfileEditThatDoesNotNameTheOrderKeepsIt() {
        setOrder("first");
        HttpResponse<Buffer> read = admin().get(PROFILE).send().await();
        JsonObject body = editOf(read.bodyAsJsonObject());
        body.remove("priorityOrder");

        HttpResponse<Buffer> saved = admin().put(PROFILE).putHeader("If-Match", read.getHeader("ETag"))
                .sendJsonObject(body).await();

        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        assertThat(saved.bodyAsJsonObject().getString("priorityOrder")).isEqualTo("first");
    }

    @Test
    void anUnknownOrderIsRefusedAndNothingChanges() {
        for (String bad : new String[] {"interleave:0", "interleave:", "last", "interleave:100", "FIRST"}) {
            HttpResponse<Buffer> read = admin().get(PROFILE).send().await();
            HttpResponse<Buffer> refused = admin().put(PROFILE).putHeader("If-Match", read.getHeader("ETag"))
                    .sendJsonObject(editOf(read.bodyAsJsonObject()).put("priorityOrder", bad)).await();
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.getHeader("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(server.count("SELECT count(*) FROM facility WHERE code = 'pkm-demo' AND priority_order = 'interleave:3'"))
                .isEqualTo(1);
    }

    @Test
    void concurrentCallNextFromTwoCountersKeepsTheInterleaveExact() {
        setOrder("interleave:2");
        line("P1", "P2", "P3", "P4", "P5", "P6", "R1", "R2", "R3");
        WebClient desk = server.as(server.receptionistToken());

        for (int round = 0; round < 4; round++) {
            List<Future<HttpResponse<Buffer>>> both = new ArrayList<>();
            for (String counter : new String[] {"R-UMUM-1", "R-UMUM-2"}) {
                both.add(desk.post("/api/v1/facilities/pkm-demo/counters/" + counter + "/call-next").send());
            }
            both.forEach(f -> assertThat(f.await().statusCode()).isEqualTo(200));
        }
        assertThat(desk.post("/api/v1/facilities/pkm-demo/counters/R-UMUM-1/call-next").send().await().statusCode())
                .isEqualTo(200);

        assertThat(callsWere("PPRPPRPPR")).as("calls in commit order: PPRPPRPPR").isEqualTo(1);
    }

    @Test
    void aNikOfSomeoneSixtyOrOlderIsPriorityWithoutAsking() {
        JsonObject elderly = issue(new JsonObject().put("service", "UMUM").put("payer", "UMUM")
                .put("nik", "7371011205580001"));
        JsonObject sixtyTomorrow = issue(new JsonObject().put("service", "UMUM").put("payer", "UMUM")
                .put("nik", "7371014812660001"));
        JsonObject sixtyToday = issue(new JsonObject().put("service", "UMUM").put("payer", "UMUM")
                .put("nik", "7371014712660001"));

        assertThat(elderly.getBoolean("priority")).isTrue();
        assertThat(sixtyTomorrow.getBoolean("priority")).isFalse();
        assertThat(sixtyToday.getBoolean("priority")).isTrue();
        assertThat(server.count("SELECT count(*) FROM ticket WHERE priority AND ticket_id IN ("
                + elderly.getLong("id") + ", " + sixtyToday.getLong("id") + ")")).isEqualTo(2);
    }

    /** Issues walk-ins at Umum in this order (names starting with P are priority): their labels by name. */
    private Map<String, String> line(String... names) {
        Map<String, String> labels = new HashMap<>();
        for (String name : names) {
            labels.put(name, issue(new JsonObject().put("service", "UMUM").put("payer", "UMUM")
                    .put("priority", name.startsWith("P"))).getString("label"));
        }
        return labels;
    }

    private static String of(Map<String, String> line, String name) {
        return line.get(name);
    }

    private List<String> callAll(String counter, int calls) {
        List<String> called = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            HttpResponse<Buffer> response = server.counter(counter, "call-next", null);
            assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
            called.add(response.bodyAsJsonObject().getString("label"));
        }
        return called;
    }

    /** Whether the calls, in commit order, were priority (P) or regular (R) exactly as {@code expected}. */
    private long callsWere(String expected) {
        return server.count("""
                SELECT count(*) FROM (
                    SELECT string_agg(CASE WHEN t.priority THEN 'P' ELSE 'R' END, '' ORDER BY e.event_id) AS calls
                    FROM queue_event e JOIN ticket t USING (facility_id, ticket_id)
                    WHERE e.type = 'TICKET_CALLED') seq
                WHERE calls = '%s'""".formatted(expected));
    }

    private JsonObject setOrder(String order) {
        HttpResponse<Buffer> read = admin().get(PROFILE).send().await();
        HttpResponse<Buffer> saved = admin().put(PROFILE).putHeader("If-Match", read.getHeader("ETag"))
                .sendJsonObject(editOf(read.bodyAsJsonObject()).put("priorityOrder", order)).await();
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        return saved.bodyAsJsonObject();
    }

    /** The editable part of a profile as read. */
    private static JsonObject editOf(JsonObject profile) {
        JsonObject edit = new JsonObject().put("name", profile.getString("name"))
                .put("kioskIdleSeconds", profile.getInteger("kioskIdleSeconds"))
                .put("languages", profile.getJsonArray("languages"))
                .put("priorityOrder", profile.getString("priorityOrder"));
        for (String optional : new String[] {"address", "phone", "ticketFooter"}) {
            if (profile.getString(optional) != null) {
                edit.put(optional, profile.getString(optional));
            }
        }
        return edit;
    }

    private WebClient admin() {
        return server.as(server.login("admin"));
    }

    private JsonObject issue(JsonObject body) {
        HttpResponse<Buffer> response = server.issue(body);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }
}
