package id.antrean.drills;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.bench.Postgres;
import id.antrean.bench.ServerProcess;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The demo facility's receptionist, as the two-node drills drive it: log in, take a walk-in and call it. */
final class DemoDesk {
    static final String FACILITY = "pkm-demo";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    String login(ServerProcess node) throws Exception {
        HttpResponse<String> response = post(node, null, "/api/v1/auth/token",
                new JsonObject().put("username", "resepsionis").put("password", ServerProcess.PASSWORD), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body()).getString("token");
    }

    /** A walk-in at Poli Umum, then Ruang Umum 1 calls the next patient: two events on every screen. */
    void walkInAndCall(ServerProcess node, String token) throws Exception {
        HttpResponse<String> issued = post(node, token, "/api/v1/facilities/" + FACILITY + "/tickets",
                new JsonObject().put("service", "UMUM").put("payer", "UMUM"), UUID.randomUUID().toString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        HttpResponse<String> called = post(node, token,
                "/api/v1/facilities/" + FACILITY + "/counters/R-UMUM-1/call-next", new JsonObject(), null);
        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
    }

    /** The id of the facility's newest event, as its screens should end up having seen it. */
    static long lastEventId(Postgres db) {
        return db.number("SELECT c.last_event_id FROM facility_event_counter c JOIN facility f USING (facility_id)"
                + " WHERE f.code = '" + FACILITY + "'");
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
}
