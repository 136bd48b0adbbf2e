package id.antrean.bpjs;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.bpjs.simulator.DemoBpjs;
import id.antrean.bpjs.simulator.DemoParticipants;
import id.antrean.testing.MutableClock;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator checks requests and encrypts replies exactly as BPJS does. */
class BpjsSimulatorTest {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-27T01:00:00Z");
    private static Vertx vertx;
    private static BpjsSimulator simulator;
    private static BpjsConfig config;
    private static WebClient client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        simulator = DemoBpjs.start(vertx, CLOCK).await();
        config = DemoBpjs.config(simulator);
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private HttpResponse<Buffer> get(String path, MultiMap headers) {
        return client.getAbs(config.pcareBaseUrl() + path).putHeaders(headers).send().await();
    }

    private static MultiMap signedNow() {
        return BpjsHeaders.signed(config, config.userKey(), BpjsHeaders.timestamp(CLOCK));
    }

    @Test
    void aSignedRequestGetsAnEncryptedCompressedReplyThatDecodesWithItsOwnTimestamp() {
        String timestamp = BpjsHeaders.timestamp(CLOCK);
        HttpResponse<Buffer> response = get("/peserta/noka/" + DemoParticipants.ACTIVE_HERE,
                BpjsHeaders.signed(config, config.userKey(), timestamp));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getJsonObject("metaData").getInteger("code")).isEqualTo(200);
        assertThat(body.getValue("response")).isInstanceOf(String.class);
        assertThat(body.getString("response")).doesNotContain("BUDI");
        JsonObject peserta = new JsonObject(BpjsCrypto.decodeResponse(body.getString("response"),
                config.consId(), config.secret(), timestamp));
        assertThat(peserta.getString("noKartu")).isEqualTo(DemoParticipants.ACTIVE_HERE);
        assertThat(peserta.getJsonObject("kdProviderPst").getString("kdProvider")).isEqualTo(DemoParticipants.DEMO_PROVIDER);
        assertThat(peserta.getString("tglLahir")).isEqualTo("12-05-1958");
    }

    @Test
    void aBadSignatureIsRefused() {
        MultiMap headers = signedNow();
        headers.set("X-signature", BpjsSignature.sign(config.consId(), "wrong-secret", headers.get("X-timestamp")));

        HttpResponse<Buffer> response = get("/peserta/noka/" + DemoParticipants.ACTIVE_HERE, headers);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getJsonObject("metaData").getString("message")).contains("signature");
        assertThat(response.bodyAsString()).doesNotContain("response\":\"");
    }

    @Test
    void aTimestampOutsideTheWindowIsRefusedEvenWhenCorrectlySigned() {
        String old = Long.toString(CLOCK.instant().getEpochSecond() - 3600);
        HttpResponse<Buffer> response = get("/peserta/noka/" + DemoParticipants.ACTIVE_HERE,
                BpjsHeaders.signed(config, config.userKey(), old));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getJsonObject("metaData").getString("message")).contains("timestamp");
    }

    @Test
    void anUnknownConsumerOrUserKeyIsRefused() {
        MultiMap wrongKey = signedNow().set("user_key", "not-the-key");
        assertThat(get("/peserta/noka/" + DemoParticipants.ACTIVE_HERE, wrongKey).statusCode()).isEqualTo(401);

        MultiMap wrongConsumer = signedNow().set("X-cons-id", "99999");
        assertThat(get("/peserta/noka/" + DemoParticipants.ACTIVE_HERE, wrongConsumer).statusCode()).isEqualTo(401);

        MultiMap none = MultiMap.caseInsensitiveMultiMap();
        assertThat(get("/peserta/noka/" + DemoParticipants.ACTIVE_HERE, none).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownParticipantIsCode204WithoutAResponse() {
        HttpResponse<Buffer> response = get("/peserta/nik/7371010101900001", signedNow());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getJsonObject("metaData").getInteger("code")).isEqualTo(204);
        assertThat(response.bodyAsJsonObject().getValue("response")).isNull();
    }

    @Test
    void theClientReadsTheSimulatorsParticipantAsPcareDescribesIt() {
        PcareClient pcare = new PcareClient(vertx, config, CLOCK);

        var found = pcare.find(new id.antrean.eligibility.Identity.ByNik(
                id.antrean.eligibility.Nik.parse("7371100101900003"))).await();

        assertThat(found).isPresent();
        assertThat(found.get().cardNumber()).isEqualTo(DemoParticipants.ARREARS);
        assertThat(found.get().active()).isFalse();
        assertThat(found.get().inArrears()).isTrue();
        assertThat(found.get().validUntil()).isEqualTo(java.time.LocalDate.of(2050, 12, 31));
        assertThat(found.get().segmentName()).isEqualTo("PEKERJA BUKAN PENERIMA UPAH");
    }

    @Test
    void participantsCanBeAddedThroughTheControlEndpoint() {
        HttpResponse<Buffer> added = client.postAbs("http://localhost:" + simulator.port() + "/_sim/participants")
                .sendJsonObject(new JsonObject().put("cardNumber", "0008888888888").put("nik", "7371011010100008")
                        .put("name", "LA ODE").put("active", false).put("statusText", "TIDAK AKTIF").put("arrears", 2))
                .await();
        assertThat(added.statusCode()).isEqualTo(201);

        var found = new PcareClient(vertx, config, CLOCK).find(new id.antrean.eligibility.Identity.Card(
                id.antrean.eligibility.CardNumber.parse("0008888888888"))).await();
        assertThat(found).hasValueSatisfying(p -> {
            assertThat(p.active()).isFalse();
            assertThat(p.inArrears()).isTrue();
        });
    }

    @Test
    void theConfigurationNeverShowsItsSecrets() {
        assertThat(config.toString()).doesNotContain(config.secret()).doesNotContain(config.userKey());
    }
}
