package id.antrean.bpjs.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the real server takes BPJS's answers to its reports (against the simulator): a refusal is retried a bounded
 * number of times, then the message is dead, shown with BPJS's reason, counted in the reports and sent again on
 * request; an add or batal BPJS already has is delivered; every report goes with BPJS's documented content type.
 */
class OutboxAnswersTest {
    private static final String OUTBOX = "/api/v1/facilities/pkm-demo/bpjs-outbox";
    /** Answers that refuse a report before it is dead: the first and four retries. */
    private static final int REFUSALS = 5;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long jknWalkIn(String card) {
        HttpResponse<Buffer> ticket = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", card));
        assertThat(ticket.statusCode()).as(ticket.bodyAsString()).isEqualTo(201);
        return ticket.bodyAsJsonObject().getLong("id");
    }

    private List<JsonObject> heard(String path) {
        return server.bpjs().received().stream().filter(r -> r.getString("path").equals(path)).toList();
    }

    private long outboxCount(String where) {
        return server.count("SELECT count(*) FROM bpjs_outbox WHERE " + where);
    }

    /**
     * BPJS does not know the poli: each answer refuses the add. The back-off between refusals is minutes, so the
     * test moves each retry to now, once per refusal (never while one is in flight), until the message is dead.
     */
    private long refusedUntilDead() {
        server.sql("UPDATE service SET bpjs_code = '999' WHERE code = 'UMUM'"
                + " AND facility_id = (SELECT facility_id FROM facility WHERE code = 'pkm-demo')");
        long ticket = jknWalkIn("0001234567890");
        String mine = "ticket_id = " + ticket + " AND kind = 'ADD'";
        for (int refusal = 1; refusal < REFUSALS; refusal++) {
            int n = refusal;
            Eventually.poll(Duration.ofSeconds(20), () -> outboxCount(mine + " AND refusals = " + n), c -> c == 1);
            assertThat(outboxCount(mine + " AND status = 'PENDING'")).isEqualTo(1);
            // Further and further apart: the n-th refusal waits n minutes and more.
            assertThat(outboxCount(mine + " AND next_attempt_at > now() + interval '" + (30 * (1 << (n - 1))) + " seconds'"))
                    .isEqualTo(1);
            server.sql("UPDATE bpjs_outbox SET next_attempt_at = now() WHERE " + mine);
        }
        Eventually.poll(Duration.ofSeconds(20), () -> outboxCount(mine + " AND status = 'DEAD'"), c -> c == 1);
        return ticket;
    }

    @Test
    void aReportBpjsKeepsRefusingIsTriedFiveTimesThenDeadWithBpjssReasonAndCountedInTheReports() throws Exception {
        long ticket = refusedUntilDead();

        assertThat(heard("/antreanfktp/antrean/add")).hasSize(REFUSALS);
        JsonObject dead = server.get(OUTBOX + "?status=DEAD").bodyAsJsonObject();
        assertThat(dead.getJsonObject("counts").getInteger("DEAD")).as(dead.encodePrettily()).isEqualTo(1);
        JsonObject item = dead.getJsonArray("items").getJsonObject(0);
        assertThat(item.getLong("id")).isPositive();
        assertThat(item.getJsonObject("ticket").getLong("id")).isEqualTo(ticket);
        assertThat(item.getString("status")).isEqualTo("DEAD");
        assertThat(item.getInteger("refusals")).isEqualTo(5);
        assertThat(item.getString("deadAt")).isNotBlank();
        assertThat(item.getJsonObject("bpjs").getMap()).containsEntry("code", 201)
                .containsEntry("message", "Poli Tidak Ditemukan");

        String today = java.time.LocalDate.parse(Long.toString(server.count(
                "SELECT to_char(service_date, 'YYYYMMDD')::bigint FROM ticket WHERE ticket_id = " + ticket)),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE).toString();
        var admin = server.as(server.login("admin"));
        JsonObject stats = admin.get("/api/v1/facilities/pkm-demo/stats").addQueryParam("from", today)
                .addQueryParam("to", today).send().await().bodyAsJsonObject();
        assertThat(stats.getJsonObject("totals").getLong("bpjsDead")).as(stats.encodePrettily()).isEqualTo(1L);
        HttpResponse<Buffer> pdf = admin.get("/api/v1/facilities/pkm-demo/reports/daily.pdf")
                .addQueryParam("date", today).send().await();
        try (PDDocument document = Loader.loadPDF(pdf.body().getBytes())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Laporan ke BPJS yang gagal (perlu dikirim ulang dari konsol): 1");
        }
    }

    @Test
    void kirimUlangMakesADeadReportPendingAgainForStaffOnlyAndIsAudited() {
        long ticket = refusedUntilDead();
        long id = server.count("SELECT outbox_id FROM bpjs_outbox WHERE kind = 'ADD' AND ticket_id = " + ticket);
        // BPJS has learnt the poli meanwhile (here: the message now names one it knows).
        server.sql("UPDATE bpjs_outbox SET payload = jsonb_set(payload, '{kodepoli}', '\"001\"') WHERE outbox_id = " + id);

        HttpResponse<Buffer> byKiosk = server.as(server.kioskToken("pkm-demo"))
                .post(OUTBOX + "/" + id + "/resend").send().await();
        HttpResponse<Buffer> resent = server.client().post(OUTBOX + "/" + id + "/resend").send().await();

        assertThat(byKiosk.statusCode()).isEqualTo(403);
        assertThat(resent.statusCode()).as(resent.bodyAsString()).isEqualTo(200);
        assertThat(resent.bodyAsJsonObject().getMap()).containsEntry("status", "PENDING").containsEntry("kind", "ADD");
        Eventually.poll(Duration.ofSeconds(20), () -> outboxCount("outbox_id = " + id + " AND status = 'SENT'"), c -> c == 1);
        assertThat(outboxCount("outbox_id = " + id + " AND refusals = 0 AND dead_at IS NULL AND bpjs_code = 200")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'BPJS_OUTBOX_RESENT' AND ticket_id = "
                + ticket + " AND details -> 'before' -> 'bpjs' ->> 'message' = 'Poli Tidak Ditemukan'")).isEqualTo(1);

        HttpResponse<Buffer> again = server.client().post(OUTBOX + "/" + id + "/resend").send().await();
        HttpResponse<Buffer> unknown = server.client().post(OUTBOX + "/987654/resend").send().await();
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.bodyAsJsonObject().getString("code")).isEqualTo("OUTBOX_MESSAGE_NOT_DEAD");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("OUTBOX_MESSAGE_NOT_FOUND");
    }

    @Test
    void anAddOrBatalBpjsAlreadyHasIsDeliveredNotFailed() {
        long ticket = jknWalkIn("0001234567890");
        server.counter("R-UMUM-1", "cancel", new JsonObject().put("ticket", ticket));
        Eventually.poll(Duration.ofSeconds(20), () -> outboxCount("ticket_id = " + ticket + " AND status = 'SENT'"),
                c -> c == 2);

        // Sent again, as after an answer lost on the way back: BPJS says it has them already.
        server.sql("INSERT INTO bpjs_outbox (facility_id, ticket_id, kind, payload, next_attempt_at, created_at)"
                + " SELECT facility_id, ticket_id, kind, payload, now(), now() FROM bpjs_outbox WHERE ticket_id = " + ticket
                + " ORDER BY outbox_id");

        Eventually.poll(Duration.ofSeconds(20), () -> outboxCount("ticket_id = " + ticket + " AND status = 'SENT'"),
                c -> c == 4);
        assertThat(outboxCount("ticket_id = " + ticket + " AND kind = 'ADD' AND bpjs_code = 201"
                + " AND bpjs_message = 'Peserta sudah terdaftar di poli tersebut pada hari ini'")).isEqualTo(1);
        assertThat(outboxCount("ticket_id = " + ticket + " AND kind = 'BATAL' AND bpjs_code = 201"
                + " AND bpjs_message ILIKE '%sudah dibatalkan%'")).isEqualTo(1);
        assertThat(outboxCount("ticket_id = " + ticket + " AND status <> 'SENT'")).isZero();
    }

    @Test
    void reportsGoWithBpjssDocumentedContentType() {
        jknWalkIn("0001234567890");

        List<JsonObject> adds = Eventually.poll(Duration.ofSeconds(20), () -> heard("/antreanfktp/antrean/add"),
                list -> !list.isEmpty());

        assertThat(adds.get(0).getString("contentType")).isEqualTo("Application/x-www-form-urlencoded");
        assertThat(new JsonObject(adds.get(0).getString("body")).getString("nomorkartu")).isEqualTo("0001234567890");
    }
}
