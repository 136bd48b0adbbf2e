package id.antrean.eligibility;

import static id.antrean.bpjs.simulator.DemoParticipants.ACTIVE_HERE;
import static id.antrean.bpjs.simulator.DemoParticipants.ARREARS;
import static id.antrean.bpjs.simulator.DemoParticipants.ELSEWHERE;
import static id.antrean.bpjs.simulator.DemoParticipants.NOT_YET_ACTIVE;
import static id.antrean.bpjs.simulator.DemoParticipants.PBI_APBD_ELSEWHERE;
import static id.antrean.bpjs.simulator.DemoParticipants.PBI_DEACTIVATED;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.BpjsSimulator.Mode;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer of the eligibility check, produced against the BPJS simulator. */
class EligibilityCheckTest {
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
    void anActiveParticipantRegisteredHereIsEligibleAndNothingPersonalLeavesTheServer() {
        HttpResponse<Buffer> response = check("card", ACTIVE_HERE);

        JsonObject e = ok(response);
        assertThat(e.getBoolean("eligible")).isTrue();
        assertThat(e.getString("reason")).isEqualTo("ACTIVE_HERE");
        assertThat(e.getString("source")).isEqualTo("BPJS");
        assertThat(e.getString("checkedAt")).isEqualTo("2026-11-27T09:00+08:00");
        assertThat(e.getJsonObject("message").getString("id")).contains("aktif").contains("Puskesmas Sejahtera");
        JsonObject p = e.getJsonObject("participant");
        assertThat(p.getString("cardNumberMasked")).isEqualTo("*********7890");
        assertThat(p.getString("initial")).isEqualTo("B.");
        assertThat(p.getString("class")).isEqualTo("KELAS III");
        assertThat(p.getString("segment")).isEqualTo("PBI APBN");
        assertThat(p.getJsonObject("registeredFacility").getString("code")).isEqualTo("19050101");
        assertThat(response.bodyAsString()).doesNotContain("BUDI", "SANTOSO", ACTIVE_HERE, "7371011205580001", "1958");
    }

    @Test
    void aParticipantCanBeFoundByNikAndTypedNumbersAreNormalised() {
        JsonObject byNik = ok(check("nik", "7371 0112 0558 0001"));
        assertThat(byNik.getString("reason")).isEqualTo("ACTIVE_HERE");
        assertThat(byNik.getJsonObject("participant").getString("cardNumberMasked")).isEqualTo("*********7890");

        assertThat(ok(check("card", "0001-2345-67890")).getString("reason")).isEqualTo("ACTIVE_HERE");
    }

    @Test
    void registeredElsewhereNamesTheOtherFacilityAndWhatThePatientCanDo() {
        JsonObject e = ok(check("card", ELSEWHERE));
        assertThat(e.getBoolean("eligible")).isFalse();
        assertThat(e.getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(e.getJsonObject("participant").getJsonObject("registeredFacility").getString("name"))
                .isEqualTo("PUSKESMAS KASSI-KASSI");
        assertThat(e.getJsonObject("message").getString("id")).contains("PUSKESMAS KASSI-KASSI", "pasien umum", "Mobile JKN");
        assertThat(e.getJsonObject("message").getString("en")).contains("PUSKESMAS KASSI-KASSI", "paying patient");
    }

    @Test
    void pbiApbdParticipantsAreToldToGoToTheOfficeNotTheApp() {
        JsonObject e = ok(check("card", PBI_APBD_ELSEWHERE));
        assertThat(e.getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(e.getJsonObject("participant").getString("segment")).isEqualTo("PBI APBD");
        assertThat(e.getJsonObject("message").getString("id")).contains("Dinas Sosial").doesNotContain("lewat aplikasi Mobile JKN");
    }

    @Test
    void inactiveParticipantsGetBpjssOwnReason() {
        JsonObject arrears = ok(check("card", ARREARS));
        assertThat(arrears.getBoolean("eligible")).isFalse();
        assertThat(arrears.getString("reason")).isEqualTo("INACTIVE");
        assertThat(arrears.getString("inactiveReason")).isEqualTo("ARREARS");
        assertThat(arrears.getString("bpjsStatus")).isEqualTo("TIDAK AKTIF (MENUNGGAK IURAN)");
        assertThat(arrears.getJsonObject("message").getString("id")).contains("tunggakan");

        JsonObject deactivated = ok(check("card", PBI_DEACTIVATED));
        assertThat(deactivated.getString("inactiveReason")).isEqualTo("DEACTIVATED");
        assertThat(deactivated.getJsonObject("message").getString("id")).contains("dinonaktifkan");

        JsonObject notYet = ok(check("card", NOT_YET_ACTIVE));
        assertThat(notYet.getString("inactiveReason")).isEqualTo("NOT_YET_ACTIVE");
        assertThat(notYet.getJsonObject("message").getString("en")).contains("not active yet");
    }

    @Test
    void anUnknownParticipantIsNotFound() {
        JsonObject e = ok(check("card", "0001111111111"));
        assertThat(e.getBoolean("eligible")).isFalse();
        assertThat(e.getString("reason")).isEqualTo("NOT_FOUND");
        assertThat(e.containsKey("participant")).isFalse();
    }

    @Test
    void badNumbersAreRefusedBeforeBpjsIsAsked() {
        int before = server.bpjs().received().size();
        assertThat(problem(check("card", "12345"), 400)).isEqualTo("INVALID_CARD_NUMBER");
        assertThat(problem(check("nik", "7371013201900001"), 400)).isEqualTo("INVALID_NIK");
        assertThat(problem(server.get("/api/v1/facilities/pkm-demo/eligibility"), 400)).isEqualTo("IDENTITY_REQUIRED");
        assertThat(server.bpjs().received()).hasSize(before);
    }

    @Test
    void bpjsIsAskedOncePerParticipantPerLocalDay() {
        ok(check("card", ELSEWHERE));
        int asked = server.bpjs().received().size();

        JsonObject again = ok(check("card", ELSEWHERE));
        assertThat(again.getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(again.getString("checkedAt")).isEqualTo("2026-11-27T09:00+08:00");
        assertThat(server.bpjs().received()).hasSize(asked);

        clock.advance(Duration.ofDays(1));
        server.relogin();
        ok(check("card", ELSEWHERE));
        assertThat(server.bpjs().received()).hasSize(asked + 1);
    }

    @Test
    void whenBpjsIsDownTheAnswerIsUnverifiedAndTheTicketIsStillIssued() {
        server.bpjs().mode(Mode.DOWN, null);

        JsonObject e = ok(check("card", ELSEWHERE));
        assertThat(e.getString("reason")).isEqualTo("UNVERIFIED");
        assertThat(e.getBoolean("eligible")).isTrue();
        assertThat(e.getJsonObject("message").getString("id")).contains("petugas akan memeriksanya");

        HttpResponse<Buffer> issued = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", ELSEWHERE));
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(issued.bodyAsJsonObject().getJsonObject("eligibility").getString("reason")).isEqualTo("UNVERIFIED");
    }

    @Test
    void whenBpjsIsTooSlowTheCheckGivesUpAfterItsTimeout() {
        server.bpjs().mode(Mode.SLOW, Duration.ofSeconds(30));
        long started = System.nanoTime();

        JsonObject e = ok(check("card", ACTIVE_HERE));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(e.getString("source")).isEqualTo("ROSTER");
        // The BPJS call is bounded by its 3 s timeout; the bound here only guards against waiting for BPJS.
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void whenBpjsIsDownTheRosterAnswersForTheParticipantsItLists() {
        server.bpjs().mode(Mode.DOWN, null);

        JsonObject listed = ok(check("card", "0006666666666"));
        assertThat(listed.getString("reason")).isEqualTo("ACTIVE_HERE");
        assertThat(listed.getString("source")).isEqualTo("ROSTER");
        assertThat(listed.getJsonObject("participant").getString("initial")).isEqualTo("H.");
        assertThat(listed.getJsonObject("message").getString("id")).contains("menurut data fasilitas");

        JsonObject unlisted = ok(check("card", "0001111111111"));
        assertThat(unlisted.getString("reason")).isEqualTo("UNVERIFIED");
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndBpjsIsLeftAloneForAWhile() {
        server.bpjs().mode(Mode.DOWN, null);
        for (String card : new String[] {"0001000000001", "0001000000002", "0001000000003"}) {
            assertThat(ok(check("card", card)).getString("reason")).isEqualTo("UNVERIFIED");
        }
        server.bpjs().mode(Mode.UP, null);
        int asked = server.bpjs().received().size();

        assertThat(ok(check("card", ACTIVE_HERE)).getString("source")).isEqualTo("ROSTER");
        assertThat(server.bpjs().received()).hasSize(asked);
    }

    @Test
    void aJknTicketCarriesTheOutcomeOfItsCheck() {
        JsonObject elsewhere = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", ELSEWHERE)).bodyAsJsonObject();
        assertThat(elsewhere.getJsonObject("eligibility").getString("reason")).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(elsewhere.getJsonObject("eligibility").getString("source")).isEqualTo("BPJS");

        JsonObject byNik = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("nik", "7371011205580001")).bodyAsJsonObject();
        assertThat(byNik.getJsonObject("eligibility").getString("reason")).isEqualTo("ACTIVE_HERE");
        // The card number found by NIK is kept on the ticket (for BPJS), and shown masked.
        assertThat(byNik.getString("cardNumberMasked")).isEqualTo("*********7890");

        JsonObject umum = server.walkIn("UMUM");
        assertThat(umum.getValue("eligibility")).isNull();
    }

    private HttpResponse<Buffer> check(String kind, String value) {
        return server.client().get("/api/v1/facilities/pkm-demo/eligibility").addQueryParam(kind, value).send().await();
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
