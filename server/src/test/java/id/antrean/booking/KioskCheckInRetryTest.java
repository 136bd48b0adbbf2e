package id.antrean.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.kiosk.KioskAgent;
import id.antrean.kiosk.KioskConfig;
import id.antrean.mobilejkn.MobileJknCaller;
import id.antrean.testing.MutableClock;
import id.antrean.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's first check-in reaches the server but its answer is lost on the way back (a flaky link): the kiosk
 * agent retries, and the patient gets their ticket printed, not a failure for a booking that was checked in.
 */
class KioskCheckInRetryTest {
    private final MutableClock clock = MutableClock.at("2026-11-25T00:30:00Z");
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive");
    private TestServer server;
    private HttpServer lossyLink;
    private final AtomicInteger checkInsForwarded = new AtomicInteger();

    @BeforeEach
    void start() {
        server = TestServer.start(clock);
        lossyLink = lossyLinkTo(server.clientVertx(), server.port());
    }

    @AfterEach
    void stop() {
        lossyLink.close().await();
        server.close();
    }

    @Test
    void aCheckInWhoseAnswerWasLostIsRetriedByTheKioskAndThePatientGetsTheirTicket() throws Exception {
        MobileJknCaller.response(new MobileJknCaller(server).book("0001234567890", "7371011205580001", "001",
                "2026-11-25"));
        long booking = server.count("SELECT ticket_id FROM ticket WHERE card_number = '0001234567890'");
        Path prints = Files.createTempDirectory("check-in-prints");

        try (KioskAgent kiosk = KioskAgent.start(KioskConfig.fromEnv(Map.of("PORT", "0",
                "SERVER_URL", "http://localhost:" + lossyLink.actualPort(), "FACILITY", TestServer.DEMO,
                "DEVICE_TOKEN", TestServer.DEVICE_TOKEN, "PRINTER", "pdf:" + prints)), clock)) {
            HttpResponse<Buffer> answer = server.anonymous()
                    .post(kiosk.port(), "localhost", "/api/bookings/" + booking + "/check-in")
                    .sendJsonObject(new JsonObject()).await();

            assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
            JsonObject ticket = answer.bodyAsJsonObject().getJsonObject("ticket");
            assertThat(ticket.getLong("id")).isEqualTo(booking);
            assertThat(ticket.getString("status")).isEqualTo("WAITING");
            assertThat(answer.bodyAsJsonObject().getBoolean("printed")).isTrue();
        }
        assertThat(checkInsForwarded.get()).as("the first answer was lost, the kiosk asked again").isEqualTo(2);
        assertThat(server.count("SELECT count(*) FROM queue_event WHERE type = 'TICKET_CHECKED_IN' AND ticket_id = "
                + booking)).isEqualTo(1);
        try (Stream<Path> files = Files.list(prints)) {
            assertThat(files.count()).as("one ticket printed").isEqualTo(1);
        }
    }

    /** Forwards everything to the server, but cuts the connection instead of giving the first check-in's answer. */
    private HttpServer lossyLinkTo(Vertx vertx, int serverPort) {
        HttpClient upstream = vertx.createHttpClient();
        return vertx.createHttpServer().requestHandler(request -> request.body()
                .compose(body -> forward(upstream, serverPort, request, body))
                .onSuccess(answer -> {
                    boolean checkIn = request.uri().endsWith("/check-in");
                    if (checkIn && checkInsForwarded.incrementAndGet() == 1) {
                        request.connection().close(); // the server did check in; the kiosk never hears it
                        return;
                    }
                    HttpServerResponse response = request.response().setStatusCode(answer.getKey().statusCode());
                    answer.getKey().headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                            response.headers().add(h.getKey(), h.getValue());
                        }
                    });
                    response.end(answer.getValue());
                })
                .onFailure(e -> request.connection().close()))
                .listen(0).await();
    }

    private static Future<Map.Entry<HttpClientResponse, Buffer>> forward(HttpClient upstream, int port,
                                                                         HttpServerRequest request, Buffer body) {
        return upstream.request(request.method(), port, "localhost", request.uri()).compose(out -> {
            request.headers().forEach(h -> {
                if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                    out.headers().add(h.getKey(), h.getValue());
                }
            });
            return out.send(body);
        }).compose(response -> response.body().map(b -> Map.entry(response, b)));
    }
}
