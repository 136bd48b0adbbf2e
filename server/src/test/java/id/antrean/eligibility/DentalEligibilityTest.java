package id.antrean.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A participant has a primary FKTP ({@code kdProviderPst}) and a dental one ({@code kdProviderGigi}); at a dental
 * poli (Poli Gigi, BPJS code 002) the dental one decides. Participants taught to the simulator as its README says.
 */
class DentalEligibilityTest {
    private static final String DENTAL_HERE = "0002468024680";
    private static final String DENTAL_ELSEWHERE = "0001357913579";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
        teach(new JsonObject().put("cardNumber", DENTAL_HERE).put("name", "HASAN BASRI")
                .put("providerCode", "19050102").put("providerName", "PUSKESMAS KASSI-KASSI")
                .put("dentalProviderCode", "19050101").put("dentalProviderName", "PUSKESMAS SEJAHTERA (DEMO)")
                .put("segmentName", "PEKERJA BUKAN PENERIMA UPAH").put("arrears", false));
        teach(new JsonObject().put("cardNumber", DENTAL_ELSEWHERE).put("name", "NURUL AINI")
                .put("providerCode", "19050101").put("providerName", "PUSKESMAS SEJAHTERA (DEMO)")
                .put("dentalProviderCode", "19050199").put("dentalProviderName", "KLINIK GIGI SEHAT MAKASSAR")
                .put("segmentName", "PEKERJA PENERIMA UPAH"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void teach(JsonObject participant) {
        HttpResponse<Buffer> added = io.vertx.ext.web.client.WebClient.create(server.clientVertx())
                .postAbs("http://localhost:" + server.bpjs().port() + "/_sim/participants")
                .sendJsonObject(participant).await();
        assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    }

    private static JsonObject check(String card, String service) {
        HttpResponse<Buffer> response = server.get("/api/v1/facilities/pkm-demo/eligibility?card=" + card
                + (service == null ? "" : "&service=" + service));
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private static JsonObject jknTicket(String card, String service) {
        HttpResponse<Buffer> issued = server.issue(new JsonObject().put("service", service).put("payer", "JKN")
                .put("cardNumber", card));
        assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
        return issued.bodyAsJsonObject();
    }

    @Test
    void aPatientWhoseDentalFktpIsThisPuskesmasIsEligibleAtPoliGigiOnly() {
        assertThat(check(DENTAL_HERE, null).getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(check(DENTAL_HERE, "UMUM").getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");

        JsonObject gigi = check(DENTAL_HERE, "GIGI");
        assertThat(gigi.getBoolean("eligible")).isTrue();
        assertThat(gigi.getString("reason")).isEqualTo("ACTIVE_HERE");
        assertThat(gigi.getJsonObject("participant").getJsonObject("registeredFacility").getString("code"))
                .isEqualTo("19050101");

        assertThat(jknTicket(DENTAL_HERE, "GIGI").getJsonObject("eligibility").getString("reason"))
                .isEqualTo("ACTIVE_HERE");
    }

    @Test
    void aPatientWhoseDentalFktpIsElsewhereIsNotEligibleAtPoliGigiAndIsToldWhere() {
        assertThat(check(DENTAL_ELSEWHERE, "UMUM").getString("reason")).isEqualTo("ACTIVE_HERE");

        JsonObject gigi = check(DENTAL_ELSEWHERE, "GIGI");
        assertThat(gigi.getBoolean("eligible")).isFalse();
        assertThat(gigi.getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(gigi.getJsonObject("message").getString("id")).contains("KLINIK GIGI SEHAT MAKASSAR");

        assertThat(jknTicket(DENTAL_ELSEWHERE, "GIGI").getJsonObject("eligibility").getString("reason"))
                .isEqualTo("REGISTERED_ELSEWHERE");
    }

    @Test
    void theAnswerWithoutAServiceSaysThatPoliGigiMayServeSomeoneRegisteredElsewhere() {
        JsonObject answer = check(DENTAL_HERE, null);

        assertThat(answer.getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");
        JsonObject dental = answer.getJsonObject("dental");
        assertThat(dental).isNotNull();
        assertThat(dental.getString("reason")).isEqualTo("ACTIVE_HERE");
        assertThat(dental.getBoolean("eligible")).isTrue();
        assertThat(dental.getString("providerName")).isEqualTo("PUSKESMAS SEJAHTERA (DEMO)");
        assertThat(dental.fieldNames()).containsExactlyInAnyOrder("reason", "eligible", "providerName");
    }

    @Test
    void theAnswerWithoutAServiceNamesTheDentalFktpOfSomeoneRegisteredHereWhoseDentalCareIsElsewhere() {
        JsonObject answer = check(DENTAL_ELSEWHERE, null);

        assertThat(answer.getString("reason")).isEqualTo("ACTIVE_HERE");
        JsonObject dental = answer.getJsonObject("dental");
        assertThat(dental).isNotNull();
        assertThat(dental.getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(dental.getBoolean("eligible")).isFalse();
        assertThat(dental.getString("providerName")).isEqualTo("KLINIK GIGI SEHAT MAKASSAR");
        assertThat(answer.encode()).doesNotContain("NURUL AINI").doesNotContain(DENTAL_ELSEWHERE);
    }

    @Test
    void theDentalViewIsLeftOutWhenItSaysNothingNewOrTheAnswerIsAlreadyForAService() {
        String card = "0002468024682";
        teach(new JsonObject().put("cardNumber", card).put("providerCode", "19050101")
                .put("providerName", "PUSKESMAS SEJAHTERA (DEMO)").put("dentalProviderCode", "19050101")
                .put("dentalProviderName", "PUSKESMAS SEJAHTERA (DEMO)"));

        assertThat(check(card, null).containsKey("dental")).isFalse();
        assertThat(check(DENTAL_HERE, "GIGI").containsKey("dental")).isFalse();
        assertThat(check(DENTAL_HERE, "UMUM").containsKey("dental")).isFalse();
    }

    @Test
    void oneBpjsCallServesBothThePrimaryAndTheDentalAnswer() {
        String card = "0002468024681";
        teach(new JsonObject().put("cardNumber", card).put("providerCode", "19050101")
                .put("providerName", "PUSKESMAS SEJAHTERA (DEMO)").put("dentalProviderCode", "19050102")
                .put("dentalProviderName", "PUSKESMAS KASSI-KASSI"));
        check(card, "UMUM");
        int asked = server.bpjs().received().size();

        assertThat(check(card, "GIGI").getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(check(card, "UMUM").getString("reason")).isEqualTo("ACTIVE_HERE");
        assertThat(server.bpjs().received()).hasSize(asked);
    }

    @Test
    void anUnknownServiceInTheCheckIsAProblemNotAnError() {
        HttpResponse<Buffer> response = server.get("/api/v1/facilities/pkm-demo/eligibility?card=" + DENTAL_HERE
                + "&service=NOPE");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("SERVICE_NOT_FOUND");
    }
}
