package id.antrean.drills;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bench.Postgres;
import id.antrean.bench.ServerProcess;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes behind one database, the screens spread over both; node A dies by kill -9 while calls go on
 * through B. A's screens open their stream again on B with {@code Last-Event-ID}, as the display does, and
 * every screen — moved or not — has every event, in order, none missing.
 */
class ScreenFailoverDrillTest {
    private static final String FACILITY = "pkm-demo";

    private Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void freshWorkDir() throws Exception {
        work = Drill.workDir(getClass());
    }

    @Test
    void whenANodeIsKilledItsScreensResumeOnTheOtherWithLastEventIdAndMissNothing() throws Exception {
        int screens = Drill.times(40);
        int rounds = Drill.times(5);
        try (Postgres db = Postgres.start(work.resolve("postgres"));
             ServerProcess a = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("a")), work.resolve("a.log"));
             ServerProcess b = ServerProcess.start(ServerProcess.env(db.url(), work.resolve("b")), work.resolve("b.log"));
             Screens all = new Screens(List.of(a.port(), b.port()), b.port(), FACILITY, ServerProcess.DISPLAY_TOKEN,
                     screens)) {
            String token = login(b);
            for (int i = 0; i < rounds; i++) {
                walkInAndCall(b, token);
            }
            long beforeTheKill = lastEventId(db);
            assertThat(all.awaitAll(beforeTheKill, Duration.ofSeconds(10))).as("every screen, on A or B").isTrue();

            a.kill9();
            // Calls go on at once, while A's screens are still finding their way to B.
            for (int i = 0; i < rounds; i++) {
                walkInAndCall(b, token);
            }
            long afterTheKill = lastEventId(db);
            assertThat(all.awaitAll(afterTheKill, Duration.ofSeconds(30)))
                    .as("every screen has every event after A died").isTrue();
            List<Screens.Screen> movedFromA = all.all().stream().filter(s -> s.firstPort == a.port()).toList();
            assertThat(movedFromA).hasSize(screens / 2).allSatisfy(s -> assertThat(s.resumes).isPositive());
            assertThat(all.all()).allSatisfy(screen -> {
                assertThat(screen.gaps()).as("events missing").isEmpty();
                assertThat(screen.last()).isEqualTo(afterTheKill);
            });
            System.out.printf("screen failover drill: %d screens (%d moved from A to B) received events up to %d,"
                    + " node A killed after %d%n", screens, movedFromA.size(), afterTheKill, beforeTheKill);
        }
    }

    private void walkInAndCall(ServerProcess node, String token) throws Exception {
        HttpResponse<String> issued = post(node, token, "/api/v1/facilities/" + FACILITY + "/tickets",
                new JsonObject().put("service", "UMUM").put("payer", "UMUM"), UUID.randomUUID().toString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        HttpResponse<String> called = post(node, token,
                "/api/v1/facilities/" + FACILITY + "/counters/R-UMUM-1/call-next", new JsonObject(), null);
        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
    }

    private String login(ServerProcess node) throws Exception {
        HttpResponse<String> response = post(node, null, "/api/v1/auth/token",
                new JsonObject().put("username", "resepsionis").put("password", ServerProcess.PASSWORD), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body()).getString("token");
    }

    private HttpResponse<String> post(ServerProcess node, String token, String path, JsonObject body, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long lastEventId(Postgres db) {
        return db.number("SELECT c.last_event_id FROM facility_event_counter c JOIN facility f USING (facility_id)"
                + " WHERE f.code = '" + FACILITY + "'");
    }
}
