package id.antrean.bpjs;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.BpjsSimulator.Mode;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BPJS hears about the queue through the outbox: once each, in order per ticket, even after an outage. */
class OutboxTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<JsonObject> reports() {
        return server.bpjs().received().stream().filter(r -> r.getString("path").startsWith("/antreanfktp/")).toList();
    }

    private List<JsonObject> reportsUntil(Predicate<List<JsonObject>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        List<JsonObject> now = reports();
        while (!done.test(now)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("BPJS did not hear it in time; it heard " + now);
            }
            Thread.onSpinWait();
            now = reports();
        }
        return now;
    }

    private JsonObject jknWalkIn(String card) {
        return server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN").put("cardNumber", card))
                .bodyAsJsonObject();
    }

    @Test
    void aJknWalkInIsAddedToBpjssQueueWithEveryFieldOfTheContract() {
        JsonObject ticket = jknWalkIn("0001234567890");

        JsonObject add = reportsUntil(r -> r.size() == 1).get(0);

        assertThat(add.getString("path")).isEqualTo("/antreanfktp/antrean/add");
        JsonObject body = new JsonObject(add.getString("body"));
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("nomorkartu", "nik", "nohp", "kodepoli", "namapoli",
                "norm", "tanggalperiksa", "kodedokter", "namadokter", "jampraktek", "nomorantrean", "angkaantrean",
                "keterangan");
        assertThat(body.getString("nomorkartu")).isEqualTo("0001234567890");
        assertThat(body.getString("kodepoli")).isEqualTo("001");
        assertThat(body.getString("norm")).isEqualTo("RM-000001");
        assertThat(body.getString("nomorantrean")).isEqualTo(ticket.getString("label"));
        assertThat(body.getInteger("angkaantrean")).isEqualTo(ticket.getInteger("number"));
        assertThat(body.getString("tanggalperiksa")).isEqualTo(ticket.getString("serviceDate"));
        assertThat(sentEventually(1)).isEqualTo(1);
    }

    @Test
    void callsAndCancellationsFollowInOrderAndPayingPatientsAreNotReportedWhenTheFacilityOptsOut() {
        server.sql("UPDATE facility SET report_all_patients = false WHERE code = 'pkm-demo'");
        server.walkIn("UMUM");
        JsonObject present = jknWalkIn("0001234567890");
        JsonObject absent = jknWalkIn("0009876543210");
        server.counter("R-UMUM-1", "call", new JsonObject().put("ticket", present.getLong("id")));
        server.counter("R-UMUM-1", "start", null);
        server.counter("R-UMUM-2", "call", new JsonObject().put("ticket", absent.getLong("id")));
        server.counter("R-UMUM-2", "skip", null);
        server.counter("R-UMUM-2", "cancel", new JsonObject().put("ticket", absent.getLong("id")));

        List<JsonObject> heard = reportsUntil(r -> r.size() == 5);

        List<String> forPresent = heard.stream().filter(r -> r.getString("body").contains("0001234567890"))
                .map(r -> r.getString("path") + " " + new JsonObject(r.getString("body")).getValue("status", "")).toList();
        assertThat(forPresent).containsExactly("/antreanfktp/antrean/add ", "/antreanfktp/antrean/panggil 1");
        List<String> forAbsent = heard.stream().filter(r -> r.getString("body").contains("0009876543210"))
                .map(r -> r.getString("path") + " " + new JsonObject(r.getString("body")).getValue("status", "")).toList();
        assertThat(forAbsent).containsExactly("/antreanfktp/antrean/add ", "/antreanfktp/antrean/panggil 2",
                "/antreanfktp/antrean/batal ");
        assertThat(new JsonObject(heard.getLast().getString("body")).getString("alasan")).isNotBlank();
    }

    @Test
    void whenBpjsIsDownTheQueueGoesOnAndBpjsHearsEverythingOnceItReturns() {
        server.bpjs().mode(Mode.DOWN, null);
        JsonObject ticket = jknWalkIn("0001234567890");
        server.counter("R-UMUM-1", "call-next", null);
        server.counter("R-UMUM-1", "start", null);
        assertThat(ticket.getInteger("number")).isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonObject outbox;
        do {
            outbox = server.get("/api/v1/facilities/pkm-demo/bpjs-outbox?status=PENDING").bodyAsJsonObject();
        } while (outbox.getJsonArray("items").stream().noneMatch(i -> ((JsonObject) i).getString("lastError") != null)
                && System.nanoTime() < deadline);
        assertThat(outbox.getJsonObject("counts").getInteger("PENDING")).as(outbox.encodePrettily()).isEqualTo(2);
        assertThat(outbox.getJsonArray("items").getJsonObject(1).getString("lastError")).isNotBlank();
        assertThat(reports()).isEmpty();

        server.bpjs().mode(Mode.UP, null);

        List<JsonObject> heard = reportsUntil(r -> r.size() == 2);
        assertThat(heard).extracting(r -> r.getString("path"))
                .containsExactly("/antreanfktp/antrean/add", "/antreanfktp/antrean/panggil");
        assertThat(sentEventually(2)).isEqualTo(2);
    }

    /** The worker records BPJS's answer just after BPJS got the message: wait for it, within a deadline. */
    private int sentEventually(int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int sent;
        do {
            sent = server.get("/api/v1/facilities/pkm-demo/bpjs-outbox").bodyAsJsonObject()
                    .getJsonObject("counts").getInteger("SENT");
        } while (sent != expected && System.nanoTime() < deadline);
        return sent;
    }
}
