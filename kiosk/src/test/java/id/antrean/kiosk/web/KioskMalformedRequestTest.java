package id.antrean.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** What a browser never sends to the agent still gets a 400 problem, and one log line instead of a stack trace. */
class KioskMalformedRequestTest {
    private static KioskAgent agent;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    static void start() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        agent = KioskAgent.start(KioskConfig.fromEnv(Map.of("PORT", "0", "SERVER_URL", "http://127.0.0.1:" + closedPort,
                "FACILITY", "pkm-demo", "DEVICE_TOKEN", "t",
                "PRINTER", "pdf:" + Files.createTempDirectory("kiosk-malformed-prints"))), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(log);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /api/eligibility?card=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "GET /%E HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "POST /api/identify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"})
    void aMalformedRequestIsA400ProblemAndOneLogLine(String request) throws IOException {
        String answer = exchange(request);

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json; charset=utf-8");
        JsonObject problem = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.getString("code")).isEqualTo("BAD_REQUEST");
        List<ILoggingEvent> events = List.copyOf(log.list);
        assertThat(events).allSatisfy(e -> assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull());
        assertThat(events).hasSize(1);
    }

    /** Sends the request on a fresh socket and reads until the agent closes it (at most 10 s). */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", agent.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
