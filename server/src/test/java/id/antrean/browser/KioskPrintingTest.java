package id.antrean.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.testing.SseClient;
import id.antrean.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kiosk agent against a real server: one number per patient, and printer trouble heard in the room. */
class KioskPrintingTest {
    private TestServer server;
    private KioskAgent kiosk;
    private Vertx vertx;
    private WebClient client;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(Clock.systemUTC());
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        kiosk = KioskAgent.start(KioskConfig.fromEnv(Map.of("PORT", "0", "SERVER_URL", "http://localhost:" + server.port(),
                "FACILITY", "pkm-demo", "DEVICE_TOKEN", server.kioskToken("pkm-demo"),
                "PRINTER", "escpos:tcp://127.0.0.1:" + nobody, "PRINTER_WIDTH", "58")), Clock.systemUTC());
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        vertx.close().await();
        kiosk.close();
        server.close();
    }

    private HttpResponse<Buffer> take(String key) {
        return client.post(kiosk.port(), "localhost", "/api/tickets")
                .sendJsonObject(new JsonObject().put("service", "UMUM").put("payer", "UMUM").put("key", key)).await();
    }

    @Test
    void whenThePrinterCannotBeReachedThePatientKeepsTheNumberAndTheConsolesAreTold() {
        try (SseClient console = SseClient.connect(server)) {
            console.next(Duration.ofSeconds(5));

            HttpResponse<Buffer> response = take("pasien-1-kunci");

            assertThat(response.statusCode()).isEqualTo(201);
            JsonObject body = response.bodyAsJsonObject();
            assertThat(body.getBoolean("printed")).isFalse();
            assertThat(body.getJsonObject("problem").getString("kind")).isEqualTo("UNREACHABLE");
            assertThat(body.getJsonObject("problem").getJsonObject("message").getString("id"))
                    .contains("sudah terdaftar").contains("petugas");
            assertThat(body.getJsonObject("ticket").getString("label")).isEqualTo("A-001");
            JsonObject alert = console.until(e -> "DEVICE_ALERT".equals(e.getString("type")), Duration.ofSeconds(10))
                    .getLast();
            assertThat(alert.getString("problem")).isEqualTo("UNREACHABLE");
        }
    }

    @Test
    void aRetriedRequestWithTheSameKeyNeverMakesASecondNumber() {
        JsonObject first = take("pasien-2-kunci").bodyAsJsonObject().getJsonObject("ticket");
        JsonObject again = take("pasien-2-kunci").bodyAsJsonObject().getJsonObject("ticket");

        assertThat(again.getLong("id")).isEqualTo(first.getLong("id"));
        assertThat(server.count("SELECT count(*) FROM ticket")).isEqualTo(1);
    }
}
