package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log says who called, skipped, transferred, parked or cancelled which ticket. */
class AuditTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyCounterActionIsRecordedWithItsStaffMemberAndTicket() {
        JsonObject a1 = server.walkIn("UMUM");
        JsonObject a2 = server.walkIn("UMUM");
        JsonObject a3 = server.walkIn("UMUM");
        server.counter("R-UMUM-1", "call-next", null);
        server.counter("R-UMUM-1", "skip", null);
        server.counter("R-UMUM-1", "call", new JsonObject().put("ticket", a3.getLong("id")));
        server.counter("R-UMUM-1", "park", null);
        server.counter("R-UMUM-1", "call-next", null);
        server.counter("R-UMUM-1", "transfer", new JsonObject().put("service", "LAB"));
        server.counter("R-UMUM-1", "resume", new JsonObject().put("ticket", a3.getLong("id")));
        server.counter("R-UMUM-1", "cancel", null);

        JsonObject audit = server.as(server.login("admin")).get("/api/v1/facilities/pkm-demo/audit")
                .addQueryParam("date", "2026-11-27").send().await().bodyAsJsonObject();

        JsonArray entries = audit.getJsonArray("entries");
        assertThat(entries.stream().map(e -> ((JsonObject) e).getString("action") + " "
                + ((JsonObject) e).getJsonObject("ticket").getString("label")).toList())
                .containsExactly(
                        "CALL " + a1.getString("label"),
                        "SKIP " + a1.getString("label"),
                        "CALL " + a3.getString("label"),
                        "PARK " + a3.getString("label"),
                        "CALL " + a2.getString("label"),
                        "TRANSFER " + a2.getString("label"),
                        "RESUME " + a3.getString("label"),
                        "CANCEL " + a3.getString("label"));
        JsonObject outOfTurn = entries.getJsonObject(2);
        assertThat(outOfTurn.getJsonObject("details").getBoolean("outOfTurn")).isTrue();
        assertThat(outOfTurn.getJsonObject("actor").getString("name")).isEqualTo("resepsionis");
        assertThat(outOfTurn.getJsonObject("details").getString("counter")).isEqualTo("R-UMUM-1");
        JsonObject transfer = entries.getJsonObject(5);
        assertThat(transfer.getJsonObject("details").getString("from")).isEqualTo("UMUM");
        assertThat(transfer.getJsonObject("details").getString("to")).isEqualTo("LAB");
        assertThat(transfer.getString("at")).endsWith("+08:00");
    }

    @Test
    void aParkedTicketWaitsAsideAndIsCalledBackToTheCounter() {
        JsonObject a1 = server.walkIn("GIGI");
        server.counter("R-GIGI", "call-next", null);
        server.counter("R-GIGI", "start", null);

        JsonObject parked = server.counter("R-GIGI", "park", null).bodyAsJsonObject();
        assertThat(parked.getString("status")).isEqualTo("PARKED");
        JsonObject board = server.get("/api/v1/facilities/pkm-demo/queue").bodyAsJsonObject();
        assertThat(board.getJsonArray("services").getJsonObject(1).getJsonArray("parked").getJsonObject(0)
                .getString("label")).isEqualTo(a1.getString("label"));
        assertThat(server.counter("R-GIGI", "finish", null).bodyAsJsonObject().getString("code"))
                .isEqualTo("NO_CURRENT_TICKET");

        JsonObject resumed = server.counter("R-GIGI", "resume", new JsonObject().put("ticket", a1.getLong("id")))
                .bodyAsJsonObject();
        assertThat(resumed.getString("status")).isEqualTo("CALLED");
        assertThat(resumed.getInteger("callCount")).isEqualTo(2);
    }
}
