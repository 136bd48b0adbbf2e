package id.antrean.queue;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Call-next while the counter's ticket was called but never started: the patient did not come. It is a no-show
 * (skipped, returnable to the line), BPJS hears "not present" and the reports count it so; a started ticket
 * still finishes.
 */
class NoShowOnCallNextTest {
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
    void callNextMakesACalledButNeverStartedTicketANoShowThatCanReturnToTheLine() {
        JsonObject absent = jknWalkIn("0001234567890");
        server.walkIn("UMUM");
        ok(server.counter("R-UMUM-1", "call-next", null));

        ok(server.counter("R-UMUM-1", "call-next", null));

        long id = absent.getLong("id");
        assertThat(server.count("SELECT count(*) FROM ticket WHERE status = 'SKIPPED' AND finished_at IS NULL"
                + " AND ticket_id = " + id)).as("skipped, not finished").isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'SKIP' AND ticket_id = " + id
                + " AND details->>'byNextCall' = 'true'")).as("audited as a no-show by the next call").isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE kind = 'PANGGIL' AND ticket_id = " + id
                + " AND payload->>'status' = '2'")).as("antrean/panggil status 2: not present").isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE kind = 'PANGGIL' AND ticket_id = " + id
                + " AND payload->>'status' = '1'")).as("never reported present").isZero();

        JsonObject back = ok(server.counter("R-UMUM-2", "requeue", new JsonObject().put("ticket", id)));
        assertThat(back.getString("status")).isEqualTo("WAITING");
    }

    @Test
    void reportsCountTheNoShowAsSkippedNotServed() {
        server.walkIn("UMUM");
        server.walkIn("UMUM");
        ok(server.counter("R-UMUM-1", "call-next", null));
        ok(server.counter("R-UMUM-1", "call-next", null));

        JsonObject umum = umumStats();
        assertThat(umum.getLong("served")).isZero();
        assertThat(umum.getLong("skipped")).isEqualTo(1);
    }

    @Test
    void callNextStillFinishesAStartedTicket() {
        JsonObject started = jknWalkIn("0001234567890");
        server.walkIn("UMUM");
        ok(server.counter("R-UMUM-1", "call-next", null));
        ok(server.counter("R-UMUM-1", "start", null));

        ok(server.counter("R-UMUM-1", "call-next", null));

        long id = started.getLong("id");
        assertThat(server.count("SELECT count(*) FROM ticket WHERE status = 'DONE' AND finished_at IS NOT NULL"
                + " AND ticket_id = " + id)).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE kind = 'PANGGIL' AND ticket_id = " + id
                + " AND payload->>'status' = '2'")).isZero();
        assertThat(umumStats().getLong("served")).isEqualTo(1);
    }

    private JsonObject umumStats() {
        HttpResponse<Buffer> response = server.as(server.login("admin")).get("/api/v1/facilities/pkm-demo/stats")
                .addQueryParam("from", "2026-11-27").addQueryParam("to", "2026-11-27").send().await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject().getJsonArray("perService").stream().map(JsonObject.class::cast)
                .filter(s -> "UMUM".equals(s.getString("code"))).findFirst().orElseThrow();
    }

    private JsonObject jknWalkIn(String card) {
        return ok(server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN").put("cardNumber", card)));
    }

    private static JsonObject ok(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isBetween(200, 201);
        return response.bodyAsJsonObject();
    }
}
