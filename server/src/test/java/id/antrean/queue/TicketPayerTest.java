package id.antrean.queue;

import static id.antrean.bpjs.simulator.DemoParticipants.ACTIVE_HERE;
import static id.antrean.bpjs.simulator.DemoParticipants.ARREARS;
import static id.antrean.bpjs.simulator.DemoParticipants.DEMO_PROVIDER;
import static id.antrean.bpjs.simulator.DemoParticipants.DEMO_PROVIDER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.SimulatedParticipant;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, point 4: the desk's "Periksa ulang" on a ticket (a fresh BPJS call whose answer the ticket carries) and
 * its switch between JKN and UMUM (audited, reported to BPJS's queue).
 */
class TicketPayerTest {
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
    void periksaUlangAsksBpjsNowAndTheTicketCarriesTheNewAnswer() {
        JsonObject ticket = jkn(ARREARS);
        assertThat(ticket.getJsonObject("eligibility").getString("reason")).isEqualTo("INACTIVE");
        server.bpjs().put(new SimulatedParticipant(ARREARS, "7371100101900003", "ANDI PRATAMA", "L",
                LocalDate.of(1990, 1, 1), true, "AKTIF", LocalDate.of(2014, 1, 1), LocalDate.of(2050, 12, 31),
                DEMO_PROVIDER, DEMO_PROVIDER_NAME, "2", "KELAS II", "14", "PEKERJA BUKAN PENERIMA UPAH", 0));
        long asked = participantLookups();

        JsonObject rechecked = ok(recheck(ticket));
        assertThat(participantLookups()).as("a fresh call, whatever is cached").isEqualTo(asked + 1);
        assertThat(rechecked.getJsonObject("ticket").getJsonObject("eligibility").getString("reason"))
                .isEqualTo("ACTIVE_HERE");
        assertThat(rechecked.getJsonObject("eligibility").getString("reason")).isEqualTo("ACTIVE_HERE");
        long id = ticket.getLong("id");
        assertThat(server.count("SELECT count(*) FROM ticket WHERE ticket_id = " + id
                + " AND eligibility = 'ACTIVE_HERE'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'RECHECK_ELIGIBILITY' AND ticket_id = " + id
                + " AND details -> 'before' -> 'eligibility' ->> 'reason' = 'INACTIVE'"
                + " AND actor_name = 'resepsionis'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'TICKET_UPDATED' AND ticket_id = " + id))
                .isEqualTo(1);
        // The cache took the new answer too: the kiosk says the same now.
        assertThat(server.get("/api/v1/facilities/pkm-demo/eligibility?card=" + ARREARS).bodyAsJsonObject()
                .getString("reason")).isEqualTo("ACTIVE_HERE");
    }

    @Test
    void switchingAJknTicketToUmumIsAuditedAndCancelsItAtBpjs() {
        JsonObject ticket = jkn(ARREARS);
        long id = ticket.getLong("id");

        JsonObject switched = ok(payer(ticket, new JsonObject().put("payer", "UMUM")));
        assertThat(switched.getJsonObject("ticket").getString("payer")).isEqualTo("UMUM");
        assertThat(switched.getJsonObject("ticket").getString("label")).isEqualTo(ticket.getString("label"));
        assertThat(server.count("SELECT count(*) FROM ticket WHERE ticket_id = " + id + " AND payer = 'UMUM'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE ticket_id = " + id + " AND kind = 'BATAL'"
                + " AND payload ->> 'nomorkartu' = '" + ARREARS + "'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'SWITCH_PAYER' AND ticket_id = " + id
                + " AND details -> 'before' ->> 'payer' = 'JKN' AND details -> 'after' ->> 'payer' = 'UMUM'"
                + " AND details::text NOT LIKE '%" + ARREARS + "%'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'TICKET_UPDATED' AND ticket_id = " + id))
                .isEqualTo(1);
    }

    @Test
    void switchingAnUmumTicketToJknChecksThePatientAndAddsItAtBpjs() {
        JsonObject ticket = server.walkIn("UMUM");
        long id = ticket.getLong("id");

        assertThat(problem(payer(ticket, new JsonObject().put("payer", "JKN")), 400)).isEqualTo("IDENTITY_REQUIRED");
        assertThat(problem(recheck(ticket), 409)).isEqualTo("TICKET_HAS_NO_IDENTITY");

        JsonObject switched = ok(payer(ticket, new JsonObject().put("payer", "JKN").put("cardNumber", ACTIVE_HERE)));
        assertThat(switched.getJsonObject("ticket").getString("payer")).isEqualTo("JKN");
        assertThat(switched.getJsonObject("ticket").getJsonObject("eligibility").getString("reason"))
                .isEqualTo("ACTIVE_HERE");
        assertThat(server.count("SELECT count(*) FROM ticket WHERE ticket_id = " + id + " AND payer = 'JKN'"
                + " AND card_number = '" + ACTIVE_HERE + "' AND eligibility = 'ACTIVE_HERE'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE ticket_id = " + id + " AND kind = 'ADD'"
                + " AND payload ->> 'nomorkartu' = '" + ACTIVE_HERE + "'")).isEqualTo(1);
    }

    @Test
    void badOrPointlessSwitchesAreRefusedAndChangeNothing() {
        JsonObject ticket = jkn(ACTIVE_HERE);
        long id = ticket.getLong("id");

        assertThat(problem(payer(ticket, new JsonObject().put("payer", "JKN")), 409)).isEqualTo("SAME_PAYER");
        assertThat(payer(ticket, new JsonObject().put("payer", "GRATIS")).statusCode()).isEqualTo(400);
        assertThat(payer(ticket, new JsonObject().put("payer", "UMUM").put("extra", 1)).statusCode()).isEqualTo(400);
        assertThat(problem(payer(ticket, new JsonObject().put("payer", "JKN").put("cardNumber", "12")), 400))
                .isEqualTo("INVALID_CARD_NUMBER");
        assertThat(server.post("/api/v1/facilities/pkm-demo/tickets/999999/recheck", new JsonObject()).statusCode())
                .isEqualTo(404);

        assertThat(server.post("/api/v1/facilities/pkm-demo/counters/R-UMUM-1/cancel", new JsonObject().put("ticket", id))
                .statusCode()).isEqualTo(200);
        assertThat(problem(payer(ticket, new JsonObject().put("payer", "UMUM")), 409)).isEqualTo("TICKET_ENDED");
        assertThat(problem(recheck(ticket), 409)).isEqualTo("TICKET_ENDED");
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action IN ('SWITCH_PAYER', 'RECHECK_ELIGIBILITY')"))
                .isZero();
    }

    @Test
    void devicesMayNotCorrectATicket() {
        JsonObject ticket = jkn(ARREARS);
        String path = "/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id");
        HttpResponse<Buffer> kiosk = server.as(TestServer.DEVICE_TOKEN).post(path + "/recheck").send().await();
        assertThat(kiosk.statusCode()).isEqualTo(403);
        HttpResponse<Buffer> display = server.as(TestServer.DISPLAY_TOKEN).post(path + "/payer")
                .sendJsonObject(new JsonObject().put("payer", "UMUM")).await();
        assertThat(display.statusCode()).isEqualTo(403);
        assertThat(server.count("SELECT count(*) FROM ticket WHERE ticket_id = " + ticket.getLong("id")
                + " AND payer = 'JKN'")).isEqualTo(1);
    }

    /** PCare's participant lookups only: the outbox's reports to the queue service go to the same simulator. */
    private long participantLookups() {
        return server.bpjs().received().stream().filter(r -> r.getString("path").contains("/peserta")).count();
    }

    private JsonObject jkn(String card) {
        HttpResponse<Buffer> issued = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", card));
        assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
        return issued.bodyAsJsonObject();
    }

    private HttpResponse<Buffer> recheck(JsonObject ticket) {
        return server.post("/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id") + "/recheck", null);
    }

    private HttpResponse<Buffer> payer(JsonObject ticket, JsonObject body) {
        return server.post("/api/v1/facilities/pkm-demo/tickets/" + ticket.getLong("id") + "/payer", body);
    }

    private static JsonObject ok(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private static String problem(HttpResponse<Buffer> response, int status) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        return response.bodyAsJsonObject().getString("code");
    }
}
