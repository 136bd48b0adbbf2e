package id.antrean.eligibility;

import static id.antrean.bpjs.simulator.DemoParticipants.ARREARS;
import static id.antrean.bpjs.simulator.DemoParticipants.DEMO_PROVIDER;
import static id.antrean.bpjs.simulator.DemoParticipants.DEMO_PROVIDER_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bpjs.simulator.BpjsSimulator.Mode;
import id.antrean.bpjs.simulator.SimulatedParticipant;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, point 4: a negative answer is kept for ELIGIBILITY_NEGATIVE_TTL only (default 10 minutes), a positive
 * one for the day; a card and its NIK share one answer; a cached NOT_FOUND does not hide the roster.
 */
class EligibilityFreshnessTest {
    private static final String ARREARS_NIK = "7371100101900003";
    private static final String ROSTER_ONLY = "0006666666666";
    private static final String LATE_CARD = "0008888888888";

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
    void aPatientWhoPaysTheirArrearsIsActiveOnceTheNegativeAnswerHasExpiredNotTomorrow() {
        assertThat(reason(check("card", ARREARS))).isEqualTo("INACTIVE");
        server.bpjs().put(paidUp());

        clock.advance(Duration.ofMinutes(9));
        int asked = server.bpjs().received().size();
        assertThat(reason(check("card", ARREARS))).as("still kept, not asked again").isEqualTo("INACTIVE");
        assertThat(server.bpjs().received()).hasSize(asked);

        clock.advance(Duration.ofMinutes(1));
        assertThat(reason(check("card", ARREARS))).isEqualTo("ACTIVE_HERE");
        assertThat(server.bpjs().received()).hasSize(asked + 1);
    }

    @Test
    void aNotFoundAnswerExpiresTooButAPositiveOneIsKeptForTheDay() {
        assertThat(reason(check("card", LATE_CARD))).isEqualTo("NOT_FOUND");
        server.bpjs().put(participant(LATE_CARD, "7371010101010009", true, "AKTIF", 0));
        clock.advance(Duration.ofMinutes(10));
        assertThat(reason(check("card", LATE_CARD))).isEqualTo("ACTIVE_HERE");

        int asked = server.bpjs().received().size();
        clock.advance(Duration.ofHours(5));
        assertThat(reason(check("card", LATE_CARD))).isEqualTo("ACTIVE_HERE");
        assertThat(server.bpjs().received()).as("a positive answer lasts the day").hasSize(asked);
    }

    @Test
    void theNegativeTtlIsConfigurable() {
        server.close();
        java.util.Map<String, String> env = TestServer.env(id.antrean.testing.TestPostgres.newDatabaseUrl(), true);
        env.put("ELIGIBILITY_NEGATIVE_TTL", "2");
        server = TestServer.start(env, clock);

        assertThat(reason(check("card", ARREARS))).isEqualTo("INACTIVE");
        server.bpjs().put(paidUp());
        clock.advance(Duration.ofMinutes(2));
        assertThat(reason(check("card", ARREARS))).isEqualTo("ACTIVE_HERE");
    }

    @Test
    void aCardAndItsNikShareOneAnswer() {
        assertThat(reason(check("card", ARREARS))).isEqualTo("INACTIVE");
        server.bpjs().put(paidUp());

        clock.advance(Duration.ofMinutes(1));
        assertThat(reason(check("nik", ARREARS_NIK))).isEqualTo("ACTIVE_HERE");
        assertThat(reason(check("card", ARREARS))).as("the card says what its NIK said").isEqualTo("ACTIVE_HERE");
    }

    @Test
    void aRosterOnlyCardLookedUpWhileBpjsWasUpIsAnsweredByTheRosterOnceBpjsIsDown() {
        assertThat(reason(check("card", ROSTER_ONLY))).isEqualTo("NOT_FOUND");

        server.bpjs().mode(Mode.DOWN, null);
        JsonObject down = ok(check("card", ROSTER_ONLY));
        assertThat(down.getString("reason")).isEqualTo("ACTIVE_HERE");
        assertThat(down.getString("source")).isEqualTo("ROSTER");

        server.bpjs().mode(Mode.UP, null);
        assertThat(reason(check("card", ROSTER_ONLY))).as("BPJS up again: its answer").isEqualTo("NOT_FOUND");
    }

    private static SimulatedParticipant paidUp() {
        return participant(ARREARS, ARREARS_NIK, true, "AKTIF", 0);
    }

    static SimulatedParticipant participant(String card, String nik, boolean active, String status, int arrears) {
        return new SimulatedParticipant(card, nik, "ANDI PRATAMA", "L", LocalDate.of(1990, 1, 1), active, status,
                LocalDate.of(2014, 1, 1), LocalDate.of(2050, 12, 31), DEMO_PROVIDER, DEMO_PROVIDER_NAME, "2",
                "KELAS II", "14", "PEKERJA BUKAN PENERIMA UPAH", arrears);
    }

    private HttpResponse<Buffer> check(String kind, String value) {
        return server.client().get("/api/v1/facilities/pkm-demo/eligibility").addQueryParam(kind, value).send().await();
    }

    private static String reason(HttpResponse<Buffer> response) {
        return ok(response).getString("reason");
    }

    private static JsonObject ok(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }
}
