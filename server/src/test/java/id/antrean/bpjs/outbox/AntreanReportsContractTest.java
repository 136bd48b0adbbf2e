package id.antrean.bpjs.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.BpjsConfig;
import id.antrean.bpjs.BpjsConfigs;
import id.antrean.bpjs.BpjsHeaders;
import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.bpjs.simulator.DemoBpjs;
import id.antrean.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FKTP queue service's side of the reports, against the simulator: the content types it takes, its answers to a
 * resent add or batal, a patient who is not JKN, and how our client reads each answer.
 */
class AntreanReportsContractTest {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-27T01:00:00Z");
    private static Vertx vertx;
    private static BpjsSimulator simulator;
    private static BpjsConfig config;
    private static WebClient web;
    private static AntreanFktpClient client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        simulator = DemoBpjs.start(vertx, CLOCK).await();
        config = DemoBpjs.config(simulator);
        web = WebClient.create(vertx);
        client = new AntreanFktpClient(vertx, BpjsConfigs.fixed(config), CLOCK);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static JsonObject add(String card, String label) {
        return new JsonObject().put("nomorkartu", card).put("nik", card.isEmpty() ? "" : "7371010101900001")
                .put("nohp", "").put("kodepoli", "001").put("namapoli", "Poli Umum").put("norm", "")
                .put("tanggalperiksa", "2026-11-27").put("kodedokter", 0).put("namadokter", "").put("jampraktek", "")
                .put("nomorantrean", label).put("angkaantrean", Integer.parseInt(label.substring(2)))
                .put("keterangan", "");
    }

    private static JsonObject batal(String card) {
        return new JsonObject().put("tanggalperiksa", "2026-11-27").put("kodepoli", "001").put("nomorkartu", card)
                .put("alasan", "Dibatalkan di fasilitas kesehatan");
    }

    private static JsonObject post(String report, String contentType, JsonObject body) {
        HttpResponse<Buffer> response = web.postAbs(config.antreanBaseUrl() + "/antrean/" + report)
                .putHeaders(BpjsHeaders.signed(config, config.antreanUserKey(), BpjsHeaders.timestamp(CLOCK)))
                .putHeader("Content-Type", contentType)
                .sendBuffer(Buffer.buffer(body.encode())).await();
        assertThat(response.statusCode()).isEqualTo(200);
        return response.bodyAsJsonObject().getJsonObject("metadata");
    }

    @Test
    void theSimulatorTakesTheJsonBodyWithEitherContentTypeBpjsCallersUseAndRefusesAnother() {
        JsonObject documented = post("add", "Application/x-www-form-urlencoded", add("0001110000001", "A-1"));
        JsonObject json = post("add", "application/json; charset=utf-8", add("0001110000002", "A-2"));
        JsonObject other = post("add", "text/plain", add("0001110000003", "A-3"));

        assertThat(documented.getInteger("code")).as(documented.encode()).isEqualTo(200);
        assertThat(json.getInteger("code")).as(json.encode()).isEqualTo(200);
        assertThat(other.getInteger("code")).isEqualTo(201);
        assertThat(other.getString("message")).isEqualTo("Format request tidak sesuai");
    }

    @Test
    void ourClientSendsBpjssDocumentedContentTypeWithAJsonBody() {
        int before = simulator.received().size();

        AntreanFktpClient.Answer answer = client.send(1, "ADD", add("0001110000010", "A-10")).await();

        assertThat(answer.code()).isEqualTo(200);
        List<JsonObject> heard = simulator.received();
        JsonObject request = heard.get(heard.size() - 1);
        assertThat(heard).hasSize(before + 1);
        assertThat(request.getString("contentType")).isEqualTo("Application/x-www-form-urlencoded");
        assertThat(new JsonObject(request.getString("body")).getString("nomorkartu")).isEqualTo("0001110000010");
    }

    @Test
    void aResentAddIsAnswered201AlreadyRegisteredAndTheClientTakesItAsDelivered() {
        AntreanFktpClient.Answer first = client.send(1, "ADD", add("0001110000020", "A-20")).await();
        AntreanFktpClient.Answer again = client.send(1, "ADD", add("0001110000020", "A-20")).await();

        assertThat(first.code()).isEqualTo(200);
        assertThat(again.code()).isEqualTo(201);
        assertThat(again.message()).isEqualTo("Peserta sudah terdaftar di poli tersebut pada hari ini");
        assertThat(again.accepted()).isTrue();
    }

    @Test
    void aResentBatalIsAnswered201AlreadyCancelledAndTheClientTakesItAsDelivered() {
        client.send(1, "ADD", add("0001110000030", "A-30")).await();
        AntreanFktpClient.Answer first = client.send(1, "BATAL", batal("0001110000030")).await();
        AntreanFktpClient.Answer again = client.send(1, "BATAL", batal("0001110000030")).await();

        assertThat(first.code()).isEqualTo(200);
        assertThat(again.code()).isEqualTo(201);
        assertThat(again.message()).containsIgnoringCase("sudah dibatalkan");
        assertThat(again.accepted()).isTrue();
    }

    @Test
    void aPatientWhoIsNotJknIsTakenWithEmptyCardAndNik() {
        AntreanFktpClient.Answer added = client.send(1, "ADD", add("", "A-40")).await();
        AntreanFktpClient.Answer otherNumber = client.send(1, "ADD", add("", "A-41")).await();
        AntreanFktpClient.Answer called = client.send(1, "PANGGIL", new JsonObject().put("tanggalperiksa", "2026-11-27")
                .put("kodepoli", "001").put("nomorkartu", "").put("status", 1).put("waktu", 1_764_205_200_000L)).await();

        assertThat(added.code()).isEqualTo(200);
        assertThat(otherNumber.code()).isEqualTo(200);
        assertThat(called.code()).isEqualTo(200);
    }

    @Test
    void anyOtherRefusalIsNotAcceptedNorAnHttp4xx() {
        AntreanFktpClient.Answer unknownPoli = client.send(1, "ADD", add("0001110000050", "A-50").put("kodepoli", "999"))
                .await();
        AntreanFktpClient.Answer missing = client.send(1, "BATAL", batal("0001110000050").put("alasan", "")).await();
        BpjsConfig wrongSecret = new BpjsConfig(config.pcareBaseUrl(), config.consId(), "not-the-secret",
                config.userKey(), null, null, "095", config.timeout(), config.antreanBaseUrl(), config.antreanUserKey());
        AntreanFktpClient.Answer unauthorized = new AntreanFktpClient(vertx, BpjsConfigs.fixed(wrongSecret), CLOCK)
                .send(1, "ADD", add("0001110000051", "A-51")).await();

        assertThat(unknownPoli.accepted()).isFalse();
        assertThat(unknownPoli.message()).isEqualTo("Poli Tidak Ditemukan");
        assertThat(missing.accepted()).isFalse();
        assertThat(missing.message()).isEqualTo("alasan tidak boleh kosong");
        assertThat(unauthorized.code()).isEqualTo(401);
        assertThat(unauthorized.accepted()).isFalse();
        assertThat(unauthorized.message()).contains("signature");
    }
}
