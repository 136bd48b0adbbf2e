package id.antrean.bpjs;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.bpjs.simulator.DemoBpjs;
import id.antrean.bpjs.simulator.DemoParticipants;
import id.antrean.testing.MutableClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's participants as its README documents them: arrears as said, and a dental FKTP of their own. */
class SimulatorParticipantsTest {
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

    private HttpResponse<Buffer> add(JsonObject participant) {
        return client.postAbs("http://localhost:" + simulator.port() + "/_sim/participants")
                .sendJsonObject(participant).await();
    }

    /** PCare's {@code peserta} for a card, decrypted. */
    private JsonObject peserta(String card) {
        String timestamp = BpjsHeaders.timestamp(CLOCK);
        HttpResponse<Buffer> response = client.getAbs(config.pcareBaseUrl() + "/peserta/noka/" + card)
                .putHeaders(BpjsHeaders.signed(config, config.userKey(), timestamp)).send().await();
        assertThat(response.statusCode()).isEqualTo(200);
        return new JsonObject(BpjsCrypto.decodeResponse(response.bodyAsJsonObject().getString("response"),
                config.consId(), config.secret(), timestamp));
    }

    @Test
    void arrearsMayBeGivenAsTrueOrFalseAsTheReadmeShowsNotOnlyAsANumber() {
        HttpResponse<Buffer> notInArrears = add(new JsonObject().put("cardNumber", "0001010101010")
                .put("nik", "7371011010100008").put("name", "LA ODE").put("arrears", false));
        assertThat(notInArrears.statusCode()).as(notInArrears.bodyAsString()).isEqualTo(201);
        assertThat(peserta("0001010101010").getInteger("tunggakan")).isZero();

        HttpResponse<Buffer> inArrears = add(new JsonObject().put("cardNumber", "0001010101011")
                .put("active", false).put("arrears", true));
        assertThat(inArrears.statusCode()).as(inArrears.bodyAsString()).isEqualTo(201);
        assertThat(peserta("0001010101011").getInteger("tunggakan")).isPositive();

        HttpResponse<Buffer> nonsense = add(new JsonObject().put("cardNumber", "0001010101012").put("arrears", "banyak"));
        assertThat(nonsense.statusCode()).isEqualTo(400);
        assertThat(nonsense.bodyAsJsonObject().getString("error")).contains("arrears");
    }

    @Test
    void aParticipantsDentalFktpIsAnsweredAsKdProviderGigiAndDefaultsToTheirPrimaryOne() {
        add(new JsonObject().put("cardNumber", "0001010101013").put("providerCode", "19050102")
                .put("providerName", "PUSKESMAS KASSI-KASSI").put("dentalProviderCode", DemoParticipants.DEMO_PROVIDER)
                .put("dentalProviderName", DemoParticipants.DEMO_PROVIDER_NAME));
        JsonObject own = peserta("0001010101013");
        assertThat(own.getJsonObject("kdProviderPst").getString("kdProvider")).isEqualTo("19050102");
        assertThat(own.getJsonObject("kdProviderGigi").getString("kdProvider")).isEqualTo(DemoParticipants.DEMO_PROVIDER);
        assertThat(own.getJsonObject("kdProviderGigi").getString("nmProvider")).isEqualTo(DemoParticipants.DEMO_PROVIDER_NAME);

        JsonObject budi = peserta(DemoParticipants.ACTIVE_HERE);
        assertThat(budi.getJsonObject("kdProviderGigi").getString("kdProvider")).isEqualTo(DemoParticipants.DEMO_PROVIDER);
    }
}
