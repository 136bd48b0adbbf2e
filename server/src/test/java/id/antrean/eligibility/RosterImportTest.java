package id.antrean.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facility's roster: imported from CSV row by row, and the only answer when BPJS is not configured. */
class RosterImportTest {
    private static final String FILE = """
            nomor_kartu;nik;nama;kelas;jenis_peserta\r
            0002000000001;7371011205580011;Siti Aminah;KELAS III;PBI (APBN)\r
            0002000000002;;bad card here;KELAS I;PPU\r
            000200000000X;7371011205580012;Kartu Salah;KELAS I;PPU\r
            "0002000000003";"7371015505800013";"Daeng, Rani
            (nama panggilan)";KELAS II;PBPU\r
            0002000000004;7371013201900014;NIK Salah;KELAS I;PPU\r
            0002000000001;7371011205580011;Siti Lagi;KELAS III;PBI (APBN)\r
            \r
            0002000000005;;Tanpa NIK;KELAS III;BP\r
            """;
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.startWithoutBpjs(MutableClock.at("2026-11-27T01:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<Buffer> upload(String csv) {
        return server.as(server.login("admin")).post("/api/v1/facilities/pkm-demo/roster")
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .sendBuffer(Buffer.buffer(csv)).await();
    }

    @Test
    void goodRowsAreKeptAndBadRowsAreReportedWithTheirLineNumbers() {
        HttpResponse<Buffer> response = upload(FILE.replace("0002000000002;;bad card here", "00020000002;;bad card here"));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject report = response.bodyAsJsonObject();
        assertThat(report.getInteger("accepted")).isEqualTo(3);
        assertThat(report.getInteger("added")).isEqualTo(3);
        JsonArray rejected = report.getJsonArray("rejected");
        assertThat(rejected.stream().map(r -> ((JsonObject) r).getInteger("line")).toList()).containsExactly(3, 4, 7, 8);
        assertThat(rejected.stream().map(r -> ((JsonObject) r).getString("code")).toList()).containsExactly(
                "INVALID_CARD_NUMBER", "INVALID_CARD_NUMBER", "INVALID_NIK", "ROSTER_DUPLICATE_ROW");
        assertThat(rejected.getJsonObject(0).getJsonObject("message").getString("id")).contains("13 angka");
        assertThat(server.count("SELECT count(*) FROM roster_participant WHERE card_number LIKE '0002%'")).isEqualTo(3);
        // Only the initial of a name is kept.
        assertThat(server.count("SELECT count(*) FROM roster_participant WHERE card_number = '0002000000003' AND name_initial = 'D'"))
                .isEqualTo(1);
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        JsonObject first = upload(FILE).bodyAsJsonObject();
        JsonObject second = upload(FILE).bodyAsJsonObject();

        assertThat(first.getInteger("added")).isEqualTo(4);
        assertThat(second.getInteger("added")).isZero();
        assertThat(second.getInteger("updated")).isEqualTo(4);
        assertThat(server.count("SELECT count(*) FROM roster_participant WHERE card_number LIKE '0002%'")).isEqualTo(4);
    }

    @Test
    void aNikAlreadyListedUnderAnotherCardIsRefused() {
        upload("nomor_kartu,nik\n0002000000001,7371011205580011\n");

        JsonObject report = upload("nomor_kartu,nik\n0002000000009,7371011205580011\n0002000000010,\n").bodyAsJsonObject();

        assertThat(report.getInteger("accepted")).isEqualTo(1);
        assertThat(report.getJsonArray("rejected").getJsonObject(0).getInteger("line")).isEqualTo(2);
        assertThat(report.getJsonArray("rejected").getJsonObject(0).getString("code")).isEqualTo("ROSTER_NIK_OF_OTHER_CARD");
    }

    @Test
    void aFileWithoutACardNumberColumnIsRefusedWhole() {
        HttpResponse<Buffer> response = upload("nama,kelas\nSiti,KELAS I\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("ROSTER_HEADER_INVALID");
        assertThat(server.count("SELECT count(*) FROM roster_participant WHERE card_number LIKE '0002%'")).isZero();
    }

    @Test
    void withoutBpjsTheRosterAloneAnswers() {
        upload(FILE);

        JsonObject listed = check("nik", "7371011205580011");
        assertThat(listed.getString("reason")).isEqualTo("ACTIVE_HERE");
        assertThat(listed.getString("source")).isEqualTo("ROSTER");
        assertThat(listed.getJsonObject("participant").getString("class")).isEqualTo("KELAS III");
        assertThat(listed.getJsonObject("participant").getString("cardNumberMasked")).isEqualTo("*********0001");

        JsonObject unknown = check("card", "0009999999999");
        assertThat(unknown.getString("reason")).isEqualTo("UNVERIFIED");
        assertThat(unknown.getString("source")).isEqualTo("ROSTER");
    }

    @Test
    void aLargeRosterImportsInOneGo() {
        StringBuilder csv = new StringBuilder("nomor_kartu,nik,nama\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("003%010d,,Peserta %d\n".formatted(i, i));
        }
        JsonObject report = upload(csv.toString()).bodyAsJsonObject();
        assertThat(report.getInteger("added")).isEqualTo(20_000);
        assertThat(report.getJsonArray("rejected")).isEmpty();
    }

    private JsonObject check(String kind, String value) {
        HttpResponse<Buffer> response = server.client().get("/api/v1/facilities/pkm-demo/eligibility")
                .addQueryParam(kind, value).send().await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

}
