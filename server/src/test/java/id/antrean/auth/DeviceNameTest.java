package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A device's name is what an admin typed, shown on the console and written in audit lines: it must say something
 * (not only spaces) and must not reorder or hide text around it (bidi controls, other control characters).
 */
class DeviceNameTest {
    private static final String DEVICES = "/api/v1/facilities/pkm-demo/devices";
    private static TestServer server;
    private static WebClient admin;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
        admin = server.as(server.login("admin"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void listen() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root().detachAppender(logged);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @ParameterizedTest(name = "name {0} -> 400 INVALID_FIELD name")
    @ValueSource(strings = {
            " ", "   ", "\t", "\u3000", "\u00a0",
            "Kiosk\u202eLOOT", "Kiosk\u202a1", "Kiosk\u202b1", "Kiosk\u202c1", "Kiosk\u202d1",
            "Kiosk\u20661", "Kiosk\u20671", "Kiosk\u20681", "Kiosk\u20691",
            "Kiosk\u200e1", "Kiosk\u200f1", "Kiosk\u061c1",
            "Kiosk\n", "Kiosk\r\nADMIN", "Kiosk\u0085", "Kiosk\u2028", "Kiosk\u007f", "Kiosk\u200b1"})
    void aBlankOrSpoofingNameIsRefusedWithoutAnErrorLogAndIssuesNothing(String name) {
        long devicesBefore = server.count("SELECT count(*) FROM device");
        long auditBefore = server.count("SELECT count(*) FROM audit_log");

        HttpResponse<Buffer> response = admin.post(DEVICES)
                .sendJsonObject(new JsonObject().put("name", name).put("kind", "KIOSK")).await();

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json; charset=utf-8");
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("code")).isEqualTo("INVALID_FIELD");
        assertThat(problem.getString("field")).isEqualTo("name");
        assertThat(problem.getJsonObject("message").getString("id")).isNotBlank().doesNotStartWith("error.");
        assertThat(problem.getJsonObject("message").getString("en")).isNotBlank().doesNotStartWith("error.");
        assertThat(server.count("SELECT count(*) FROM device")).isEqualTo(devicesBefore);
        assertThat(server.count("SELECT count(*) FROM audit_log")).isEqualTo(auditBefore);
        assertThat(logged.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    @ParameterizedTest(name = "name {0} -> 201")
    @ValueSource(strings = {"Kios Lobi 2", "Layar Ruang Tunggu – Lantai 2", "Kiosk Poli Gigi (lama)", "كشك 1"})
    void anOrdinaryNameIsTaken(String name) {
        HttpResponse<Buffer> response = admin.post(DEVICES)
                .sendJsonObject(new JsonObject().put("name", name).put("kind", "DISPLAY")).await();

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(response.bodyAsJsonObject().getString("name")).isEqualTo(name);
    }

    @Test
    void theNameInTheAuditLineIsTheNameKept() {
        HttpResponse<Buffer> response = admin.post(DEVICES)
                .sendJsonObject(new JsonObject().put("name", "  Kios Pintu Utama ").put("kind", "KIOSK")).await();

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(response.bodyAsJsonObject().getString("name")).isEqualTo("Kios Pintu Utama");
        assertThat(server.count("SELECT count(*) FROM audit_log WHERE action = 'DEVICE_ISSUED'"
                + " AND details->>'name' = 'Kios Pintu Utama'")).isEqualTo(1);
    }
}
