package id.antrean.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent on its own, its server out of reach: reading codes, refusing bad input, saying the server is away. */
class KioskAgentTest {
    private static KioskAgent agent;
    private static Vertx vertx;
    private static WebClient client;
    private static Path prints;

    @BeforeAll
    static void start() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        prints = Files.createTempDirectory("kiosk-agent-prints");
        agent = KioskAgent.start(KioskConfig.fromEnv(Map.of("PORT", "0", "SERVER_URL", "http://127.0.0.1:" + closedPort,
                "FACILITY", "pkm-demo", "DEVICE_TOKEN", "t", "PRINTER", "pdf:" + prints, "KIOSK_PIN", "2468")),
                Clock.systemUTC());
        vertx = Vertx.vertx();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(agent.port()));
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        agent.close();
    }

    private static HttpResponse<Buffer> scan(String type, byte[] body) {
        return client.post("/scan").putHeader("Content-Type", type).sendBuffer(Buffer.buffer(body)).await();
    }

    private static HttpResponse<Buffer> identify(String text) {
        return client.post("/api/identify").sendJsonObject(new JsonObject().put("text", text)).await();
    }

    @Test
    void aCameraFrameWithADigitalCardsQrIsReadAsACard() throws Exception {
        HttpResponse<Buffer> response = scan("image/jpeg", frame("No. Kartu: 0001234567890", "jpg"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("kind")).isEqualTo("CARD");
        assertThat(response.bodyAsJsonObject().getString("text")).isEqualTo("0001234567890");
    }

    @Test
    void aFrameWithoutACodeIs422AndNotAnImageIsRefused() throws Exception {
        HttpResponse<Buffer> empty = scan("image/png", frame(null, "png"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.bodyAsJsonObject().getString("code")).isEqualTo("NO_CODE_FOUND");
        assertThat(empty.bodyAsJsonObject().getJsonObject("message").getString("id")).contains("QR");

        assertThat(scan("image/jpeg", "bukan gambar".getBytes()).statusCode()).isEqualTo(400);
        assertThat(scan("text/plain", frame(null, "png")).statusCode()).isEqualTo(415);
        assertThat(scan("image/jpeg", new byte[6 * 1024 * 1024]).statusCode()).isEqualTo(413);
    }

    @Test
    void typedNumbersAndScannerTextAreCheckedBeforeAnyoneIsAsked() {
        assertThat(identify("0001 2345 67890").bodyAsJsonObject().getString("kind")).isEqualTo("CARD");
        assertThat(identify("7371011205580001").bodyAsJsonObject().getString("kind")).isEqualTo("NIK");
        assertThat(identify("NIK 7371011205580001").bodyAsJsonObject().getString("kind")).isEqualTo("NIK");
        assertThat(identify("ANTREAN:pkm-demo:12:A-012").bodyAsJsonObject().getString("kind")).isEqualTo("BOOKING");
        // The ticket's QR as printed since the tracking page: its link, read as a ticket as the old code is.
        HttpResponse<Buffer> link = identify("http://192.168.1.10:8080/t/AbCdEfGhIjKlMnOpQrStUv");
        assertThat(link.bodyAsJsonObject().getString("kind")).isEqualTo("BOOKING");
        assertThat(link.bodyAsJsonObject().getString("text")).isEqualTo("http://192.168.1.10:8080/t/AbCdEfGhIjKlMnOpQrStUv");
        assertThat(identify("https://example.com").bodyAsJsonObject().getString("kind")).isEqualTo("OTHER");

        HttpResponse<Buffer> short12 = identify("000123456789");
        assertThat(short12.statusCode()).isEqualTo(400);
        assertThat(short12.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_NUMBER");
        HttpResponse<Buffer> badNik = identify("7371013201900001");
        assertThat(badNik.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_NIK");
    }

    @Test
    void typedTextThatIsNullReadsAsNothingAndTextThatIsNotTextIsABadRequest() {
        // Found by the fuzz drill: {"text": null} was a 500.
        HttpResponse<Buffer> nothing = client.post("/api/identify").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"text\":null}")).await();
        assertThat(nothing.statusCode()).as(nothing.bodyAsString()).isEqualTo(200);
        assertThat(nothing.bodyAsJsonObject().getString("kind")).isEqualTo("OTHER");

        for (String body : new String[] {"{\"text\":5}", "{\"text\":[\"0001234567890\"]}", "{\"text\":{}}",
                "{\"text\":true}"}) {
            HttpResponse<Buffer> response = client.post("/api/identify").putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer(body)).await();
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("BAD_REQUEST");
            assertThat(response.bodyAsJsonObject().getJsonObject("message").getString("id")).isNotBlank();
        }
    }

    @Test
    void aPageRequestWithABodyLeavesTheConnectionUsableForTheNextRequest() {
        // Found by the fuzz drill: a GET of a page with a large body was answered, but the body was never read, so
        // the next request on the same keep-alive connection never got an answer.
        WebClient oneConnection = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
                .setDefaultPort(agent.port()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(1));
        try {
            for (int size : new int[] {1_000, 1_000_000}) {
                HttpResponse<Buffer> page = oneConnection.get("/index.html").timeout(10_000)
                        .sendBuffer(Buffer.buffer(new byte[size])).await();
                assertThat(page.statusCode()).as("a page with a body of " + size + " bytes").isBetween(200, 499);
                HttpResponse<Buffer> next = oneConnection.get("/i18n/kiosk.json").timeout(10_000).send().await();
                assertThat(next.statusCode()).isEqualTo(200);
            }
        } finally {
            oneConnection.close();
        }
    }

    @Test
    void aPageRequestForARangeBeyondTheFileIsRefusedNotAFailure() {
        // Found by the fuzz drill: "Range: bytes=5-1" on a page was answered 500.
        for (String range : new String[] {"bytes=5-1", "bytes=999999999-"}) {
            HttpResponse<Buffer> response = client.get("/index.html").putHeader("Range", range).send().await();
            assertThat(response.statusCode()).as(range).isEqualTo(416);
            assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("BAD_REQUEST");
            assertThat(response.bodyAsJsonObject().getJsonObject("message").getString("id")).isNotBlank();
        }
    }

    @Test
    void whenTheServerIsAwayThePatientIsSentToTheCounterAndNothingPrints() throws Exception {
        HttpResponse<Buffer> response = client.post("/api/tickets").sendJsonObject(new JsonObject()
                .put("service", "UMUM").put("payer", "UMUM").put("key", "kunci-uji-12345")).await();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("SERVER_UNREACHABLE");
        assertThat(response.bodyAsJsonObject().getJsonObject("message").getString("id")).contains("loket pendaftaran");
        try (var files = Files.list(prints)) {
            assertThat(files.filter(f -> !f.getFileName().toString().contains("test-page"))).isEmpty();
        }
        JsonObject status = client.get("/api/status").send().await().bodyAsJsonObject();
        assertThat(status.getString("server")).isEqualTo("UNREACHABLE");
    }

    @Test
    void aTicketLanguageOtherThanIdOrEnIsABadRequestBeforeTheServerIsAsked() {
        JsonObject issue = new JsonObject().put("service", "UMUM").put("payer", "UMUM").put("key", "kunci-uji-67890");
        for (Object lang : new Object[] {"fr", "", "EN", 1}) {
            assertThat(client.post("/api/tickets").sendJsonObject(issue.copy().put("lang", lang)).await().statusCode())
                    .as("issue in %s", lang).isEqualTo(400);
            assertThat(client.post("/api/tickets/42/print").sendJsonObject(new JsonObject().put("lang", lang)).await()
                    .statusCode()).as("reprint in %s", lang).isEqualTo(400);
            assertThat(client.post("/api/bookings/42/check-in").sendJsonObject(new JsonObject().put("lang", lang))
                    .await().statusCode()).as("check-in in %s", lang).isEqualTo(400);
        }
        // A language the agent knows goes on to the server (away here).
        assertThat(client.post("/api/tickets").sendJsonObject(issue.copy().put("lang", "en")).await().statusCode())
                .isEqualTo(503);
    }

    @Test
    void reprintingAHeldNumberNeedsATicketIdAndTheServerAndPrintsNothingWithoutThem() throws Exception {
        assertThat(client.post("/api/tickets/abc/print").send().await().statusCode()).isEqualTo(404);

        HttpResponse<Buffer> away = client.post("/api/tickets/42/print").send().await();

        assertThat(away.statusCode()).isEqualTo(503);
        assertThat(away.bodyAsJsonObject().getString("code")).isEqualTo("SERVER_UNREACHABLE");
        try (var files = Files.list(prints)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("reprint"))).isEmpty();
        }
    }

    @Test
    void settingsOpenOnlyWithThePinAndCanPrintATestPage() throws Exception {
        assertThat(client.get("/api/settings").send().await().statusCode()).isEqualTo(403);
        assertThat(client.post("/api/settings/unlock").sendJsonObject(new JsonObject().put("pin", "0000")).await()
                .bodyAsJsonObject().getString("code")).isEqualTo("PIN_WRONG");

        String token = client.post("/api/settings/unlock").sendJsonObject(new JsonObject().put("pin", "2468")).await()
                .bodyAsJsonObject().getString("token");
        JsonObject settings = client.get("/api/settings").putHeader("X-Kiosk-Settings", token).send().await()
                .bodyAsJsonObject();
        assertThat(settings.getString("facility")).isEqualTo("pkm-demo");
        assertThat(settings.encode()).doesNotContain("\"t\"");

        JsonObject printed = client.post("/api/settings/test-print").putHeader("X-Kiosk-Settings", token).send().await()
                .bodyAsJsonObject();
        assertThat(printed.getBoolean("printed")).isTrue();
        try (var files = Files.list(prints)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("test-page"))).hasSize(1);
        }
    }

    @Test
    void thePagesTextsComeFromTheKiosksOwnBundlesEvenWithoutTheServer() {
        JsonObject id = client.get("/i18n/kiosk.json").addQueryParam("lang", "id").send().await().bodyAsJsonObject();
        JsonObject en = client.get("/i18n/kiosk.json").addQueryParam("lang", "en").send().await().bodyAsJsonObject();
        assertThat(id.getString("agent.error.SERVER_UNREACHABLE")).contains("loket");
        assertThat(en.getString("agent.error.SERVER_UNREACHABLE")).contains("desk");
        assertThat(id.fieldNames()).isEqualTo(en.fieldNames());
    }

    /** A 1280x720 camera frame, with a QR of {@code text} in the middle (or none). */
    private static byte[] frame(String text, String format) throws Exception {
        BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(70, 72, 80));
        g.fillRect(0, 0, 1280, 720);
        if (text != null) {
            g.drawImage(MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 360, 360)),
                    460, 180, null);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(frame, format, out);
        return out.toByteArray();
    }
}
