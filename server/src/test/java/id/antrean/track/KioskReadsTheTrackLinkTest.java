package id.antrean.track;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.protocol.TicketCode;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "The kiosk still accepts the QR as today": a ticket's new QR (its tracking link) and the old code both open it. */
class KioskReadsTheTrackLinkTest {
    private TestServer server;
    private KioskAgent kiosk;

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<Buffer> kioskGet(String path) {
        return server.anonymous().get(kiosk.port(), "localhost", path).send().await();
    }

    private JsonObject identify(String text) {
        HttpResponse<Buffer> r = server.anonymous().post(kiosk.port(), "localhost", "/api/identify")
                .sendJsonObject(new JsonObject().put("text", text)).await();
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject();
    }

    @Test
    void aScannedTrackLinkAndAnOldTicketCodeBothShowTheTicketOnTheKiosk() throws Exception {
        server = TestServer.start(MutableClock.at("2026-12-07T02:00:00Z"));
        server.walkIn("UMUM");
        JsonObject ticket = server.walkIn("UMUM");
        kiosk = KioskAgent.start(KioskConfig.fromEnv(Map.of("PORT", "0", "SERVER_URL", "http://localhost:" + server.port(),
                "FACILITY", TestServer.DEMO, "DEVICE_TOKEN", TestServer.DEVICE_TOKEN,
                "PRINTER", "pdf:" + Files.createTempDirectory("kiosk-track-prints"), "KIOSK_PIN", "2468")),
                Clock.systemUTC());

        // The QR as printed now: the tracking link.
        String link = ticket.getString("trackUrl");
        JsonObject scanned = identify(link);
        assertThat(scanned.getString("kind")).isEqualTo("BOOKING");
        String code = link.substring(link.lastIndexOf('/') + 1);
        HttpResponse<Buffer> tracked = kioskGet("/api/tracked/" + code);
        assertThat(tracked.statusCode()).as(tracked.bodyAsString()).isEqualTo(200);
        assertThat(tracked.bodyAsJsonObject().getString("label")).isEqualTo(ticket.getString("label"));
        assertThat(tracked.bodyAsJsonObject().getInteger("ahead")).isEqualTo(1);
        assertThat(kioskGet("/api/tracked/" + "B".repeat(22)).statusCode()).isEqualTo(404);
        assertThat(kioskGet("/api/tracked/nope").statusCode()).isEqualTo(404);

        // A ticket printed before: its ANTREAN: code, read as it always was.
        String old = new TicketCode(TestServer.DEMO, ticket.getLong("id"), ticket.getString("label")).text();
        assertThat(identify(old).getString("kind")).isEqualTo("BOOKING");
        HttpResponse<Buffer> byId = kioskGet("/api/tickets/" + ticket.getLong("id"));
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.bodyAsJsonObject().getString("label")).isEqualTo(ticket.getString("label"));
    }
}
