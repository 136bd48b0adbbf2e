package id.antrean.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.antrean.testing.MutableClock;
import id.antrean.testing.RawHttp;
import id.antrean.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Requests no HTTP library sends but anyone can: each gets a 400 problem (not silence, not a 500) and costs
 * the log one line, not a stack trace.
 */
class MalformedRequestTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static TestServer server;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    static void start() {
        server = TestServer.start(MutableClock.at("2026-11-27T01:00:00Z"));
    }

    @AfterAll
    static void stop() {
        server.close();
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

    @Test
    void aMalformedChunkedBodyIsA400AndTheConnectionCloses() {
        String answer;
        try (RawHttp http = RawHttp.connect(server.port())) {
            answer = http.send("POST /api/v1/facilities/pkm-demo/tickets HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + server.receptionistToken() + "\r\n"
                            + "Idempotency-Key: chunked-1\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{\"service\":\"UMUM\"}\r\n0\r\n\r\n")
                    .readUntilClosed(DEADLINE);
        }

        assertProblem(answer, "MALFORMED_REQUEST");
        assertThat(server.count("SELECT count(*) FROM ticket")).isZero();
        assertLoggedOneLineWithoutStackTrace();
    }

    @Test
    void aMalformedChunkedBodyOfAnAnonymousRouteIsA400Too() {
        String answer;
        try (RawHttp http = RawHttp.connect(server.port())) {
            answer = http.send("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"use\r\nnot-a-size\r\n")
                    .readUntilClosed(DEADLINE);
        }

        assertProblem(answer, "MALFORMED_REQUEST");
        assertLoggedOneLineWithoutStackTrace();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/facilities/%zz/services", "/api/v1/facilities/pkm-demo/services?x=%",
            "/api/v1/facilities/pkm-demo/eligibility?card=%G1", "/api/v1/facilities?%=1", "/display/pkm-%zz"})
    void anInvalidPercentEscapeIsA400(String target) {
        String answer;
        try (RawHttp http = RawHttp.connect(server.port())) {
            answer = http.send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + server.receptionistToken() + "\r\nConnection: close\r\n\r\n")
                    .readUntilClosed(DEADLINE);
        }

        assertProblem(answer, "MALFORMED_REQUEST");
        assertLoggedOneLineWithoutStackTrace();
    }

    private static void assertProblem(String answer, String code) {
        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json; charset=utf-8");
        JsonObject problem = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.getString("code")).isEqualTo(code);
        assertThat(problem.getInteger("status")).isEqualTo(400);
        assertThat(problem.getJsonObject("message").getString("id")).isNotBlank().doesNotStartWith("error.");
        assertThat(problem.getJsonObject("message").getString("en")).isNotBlank().doesNotStartWith("error.");
    }

    private void assertLoggedOneLineWithoutStackTrace() {
        List<ILoggingEvent> events = List.copyOf(log.list);
        assertThat(events).as("log events").allSatisfy(e -> {
            assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull();
            assertThat(e.getFormattedMessage()).doesNotContain("\n");
        });
        assertThat(events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).count())
                .as("log lines at INFO or above: %s", events.stream().map(ILoggingEvent::getFormattedMessage).toList())
                .isEqualTo(1);
    }
}
