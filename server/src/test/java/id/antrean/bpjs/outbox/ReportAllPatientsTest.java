package id.antrean.bpjs.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.Eventually;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BPJS's FKTP dashboard counts every patient: by default a facility reports its paying patients too, with empty card
 * and NIK fields; a facility that opts out reports JKN patients only.
 */
class ReportAllPatientsTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<JsonObject> heardAbout(String label) {
        return server.bpjs().received().stream().filter(r -> r.getString("path").startsWith("/antreanfktp/"))
                .filter(r -> r.getString("path").endsWith("/add")
                        ? label.equals(new JsonObject(r.getString("body")).getString("nomorantrean"))
                        : new JsonObject(r.getString("body")).getString("nomorkartu").isEmpty())
                .toList();
    }

    @Test
    void byDefaultAPayingPatientIsReportedWithEmptyCardAndNikAndCalledAndCancelledLikeAnyOther() {
        JsonObject paying = server.walkIn("UMUM");
        server.counter("R-UMUM-1", "call", new JsonObject().put("ticket", paying.getLong("id")));
        server.counter("R-UMUM-1", "skip", null);
        server.counter("R-UMUM-1", "cancel", new JsonObject().put("ticket", paying.getLong("id")));

        List<JsonObject> heard = Eventually.poll(Duration.ofSeconds(20), () -> heardAbout(paying.getString("label")),
                list -> list.size() == 3);

        assertThat(heard).extracting(r -> r.getString("path")).containsExactly("/antreanfktp/antrean/add",
                "/antreanfktp/antrean/panggil", "/antreanfktp/antrean/batal");
        JsonObject add = new JsonObject(heard.get(0).getString("body"));
        assertThat(add.getString("nomorkartu")).isEmpty();
        assertThat(add.getString("nik")).isEmpty();
        assertThat(add.getString("kodepoli")).isEqualTo("001");
        assertThat(add.getInteger("angkaantrean")).isEqualTo(paying.getInteger("number"));
        assertThat(new JsonObject(heard.get(1).getString("body")).getInteger("status")).isEqualTo(2);
        Eventually.poll(Duration.ofSeconds(10), () -> server.count("SELECT count(*) FROM bpjs_outbox WHERE status = 'SENT'"
                + " AND ticket_id = " + paying.getLong("id")), n -> n == 3);
    }

    @Test
    void aFacilityThatOptsOutReportsItsJknPatientsOnly() {
        server.sql("UPDATE facility SET report_all_patients = false WHERE code = 'pkm-demo'");

        JsonObject paying = server.walkIn("UMUM");
        JsonObject jkn = server.issue(new JsonObject().put("service", "UMUM").put("payer", "JKN")
                .put("cardNumber", "0001234567890")).bodyAsJsonObject();

        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE ticket_id = " + paying.getLong("id"))).isZero();
        assertThat(server.count("SELECT count(*) FROM bpjs_outbox WHERE kind = 'ADD' AND ticket_id = " + jkn.getLong("id")))
                .isEqualTo(1);
    }
}
