package id.antrean.bpjs.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.testing.Eventually;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two facilities of one server, each with BPJS credentials of its own: PCare (eligibility) and the FKTP queue
 * service (the outbox) are signed with each facility's own consumer, never the other's nor the server's default,
 * each service with its own user key. The simulator checks every signature and user key, so a call signed with
 * another secret or key would be refused.
 */
class TwoFacilitiesCredentialsTest {
    private static final BpjsSimulator.Consumer PUSKESMAS = new BpjsSimulator.Consumer("40004", "rahasia-pkm-4x", "kunci-pkm-4x");
    /** With the queue service's own user key, as BPJS gives one per service. */
    private static final BpjsSimulator.Consumer KLINIK = new BpjsSimulator.Consumer("50005", "rahasia-klinik-5x",
            "kunci-pcare-klinik-5x", "kunci-antrean-klinik-5x");
    private static TestServer server;
    private static WebClient operator;

    @BeforeAll
    static void start() {
        server = TestServer.start(Clock.systemUTC());
        server.bpjs().register(PUSKESMAS);
        server.bpjs().register(KLINIK);
        operator = server.as(server.login("operator"));
        enter("pkm-demo", PUSKESMAS);
        enter("klinik-demo", KLINIK);
        // The klinik's general poli is BPJS's 001 too, so its queue is reported.
        server.sql("UPDATE service SET bpjs_code = '001' WHERE code = 'UMUM'"
                + " AND facility_id = (SELECT facility_id FROM facility WHERE code = 'klinik-demo')");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void enter(String facility, BpjsSimulator.Consumer consumer) {
        HttpResponse<Buffer> put = operator.put("/api/v1/facilities/" + facility + "/bpjs-credentials")
                .sendJsonObject(new JsonObject().put("consId", consumer.consId()).put("secret", consumer.secret())
                        .put("userKey", consumer.userKey()).put("antreanUserKey", consumer.antreanUserKey())).await();
        assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
    }

    private static List<JsonObject> heardSince(int before) {
        List<JsonObject> all = server.bpjs().received();
        return all.subList(before, all.size());
    }

    @Test
    void eachFacilitysEligibilityChecksGoToPcareWithItsOwnConsumer() {
        int before = server.bpjs().received().size();

        for (String facility : List.of("pkm-demo", "klinik-demo")) {
            HttpResponse<Buffer> answer = server.as(server.kioskToken(facility))
                    .get("/api/v1/facilities/" + facility + "/eligibility?card=0001234567890").send().await();
            assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        }

        assertThat(heardSince(before)).filteredOn(r -> r.getString("path").contains("/peserta/"))
                .extracting(r -> r.getString("consId")).containsExactly(PUSKESMAS.consId(), KLINIK.consId());
    }

    @Test
    void eachFacilitysQueueIsReportedToTheQueueServiceWithItsOwnConsumer() {
        int before = server.bpjs().received().size();
        JsonObject atPuskesmas = server.walkIn("UMUM");
        HttpResponse<Buffer> atKlinik = server.as(server.kioskToken("klinik-demo")).post("/api/v1/facilities/klinik-demo/tickets")
                .putHeader("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM")).await();
        assertThat(atKlinik.statusCode()).as(atKlinik.bodyAsString()).isEqualTo(201);

        List<JsonObject> adds = Eventually.poll(Duration.ofSeconds(20),
                () -> heardSince(before).stream().filter(r -> r.getString("path").equals("/antreanfktp/antrean/add")).toList(),
                list -> list.size() == 2);

        assertThat(adds).extracting(r -> r.getString("consId") + " "
                        + new JsonObject(r.getString("body")).getString("nomorantrean"))
                .containsExactlyInAnyOrder(PUSKESMAS.consId() + " " + atPuskesmas.getString("label"),
                        KLINIK.consId() + " " + atKlinik.bodyAsJsonObject().getString("label"));
        Eventually.poll(Duration.ofSeconds(10), () -> server.count("SELECT count(*) FROM bpjs_outbox WHERE status = 'SENT'"),
                n -> n == 2);
    }
}
