package id.antrean.mobilejkn;

import static id.antrean.mobilejkn.MobileJknCaller.assertAnswer;
import static id.antrean.mobilejkn.MobileJknCaller.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.http.HttpMethod;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every call of BPJS's online-queue contract is documented in {@code antrean.yaml}, and documenting it changes
 * nothing of how it is answered: BPJS's envelope, never the API's validation or problem+json.
 */
class MobileJknIsDocumentedTest {
    private static final List<String> CALLS = List.of(
            "GET /mobilejkn/{facility}/auth",
            "GET /mobilejkn/{facility}/antrean/status/{kodepoli}/{tanggalperiksa}",
            "POST /mobilejkn/{facility}/antrean",
            "GET /mobilejkn/{facility}/antrean/sisapeserta/{nomorkartu}/{kodepoli}/{tanggalperiksa}",
            "PUT /mobilejkn/{facility}/antrean/batal",
            "POST /mobilejkn/{facility}/peserta");
    private static TestServer server;
    private static MobileJknCaller mobileJkn;

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-11-25T00:30:00Z"));
        mobileJkn = new MobileJknCaller(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCallOfTheContractIsInTheOpenApiFileWithBpjsEnvelope() throws Exception {
        Map<String, Object> paths;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi/antrean.yaml")) {
            paths = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("paths");
        }
        List<String> documented = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (path.startsWith("/mobilejkn/")) {
                documented.add(method.toUpperCase() + " " + path);
                Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) op).get("responses");
                assertThat(responses).as(path).containsKeys("200", "201");
                assertThat(String.valueOf(responses.get("201"))).as(path).contains("MobileJknRefusal");
            }
        }));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(CALLS);
    }

    @Test
    void documentedCallsAreStillAnsweredInTheEnvelopeNotValidatedAsTheApi() {
        // No token, no body: the contract's own answers, not the API's 400 problem.
        var noToken = server.anonymous().request(HttpMethod.GET, MobileJknCaller.BASE + "/antrean/status/001/2026-11-26")
                .send().await();
        assertAnswer(noToken, refusal("Token tidak valid"));
        assertAnswer(mobileJkn.send(HttpMethod.POST, "/peserta", "[1, 2]"),
                refusal("Format Request Tidak Sesuai, isi harus berupa objek JSON"));
        assertAnswer(mobileJkn.send(HttpMethod.POST, "/antrean", "{\"nomorkartu\": [], \"kodedokter\": {}}"),
                refusal("Format Nomor Kartu Tidak Sesuai"));
        assertAnswer(server.anonymous().get(MobileJknCaller.BASE + "/auth").send().await(),
                refusal("Username atau Password Tidak Sesuai"));
    }
}
