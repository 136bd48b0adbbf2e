package id.antrean.kiosk.web;

import id.antrean.kiosk.server.ServerClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the server answers, and who this kiosk is there (its facility's name and time zone). Asked at
 * most every few seconds, however often the page polls.
 */
final class ServerStatus {
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final ServerClient server;
    private final Clock clock;
    private volatile JsonObject facility;
    private volatile String state = "UNKNOWN";
    private volatile Instant checkedAt = Instant.EPOCH;

    ServerStatus(ServerClient server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** OK, UNREACHABLE, or UNAUTHORIZED (the device token is wrong or revoked). */
    Future<String> server() {
        if (checkedAt.plus(FRESH_FOR).isAfter(clock.instant())) {
            return Future.succeededFuture(state);
        }
        return server.me().map(response -> {
            if (response.statusCode() == 200) {
                facility = response.bodyAsJsonObject().getJsonObject("facility");
                return remember("OK");
            }
            return remember(response.statusCode() == 401 || response.statusCode() == 403 ? "UNAUTHORIZED" : "UNREACHABLE");
        }).recover(e -> Future.succeededFuture(remember("UNREACHABLE")));
    }

    /** {code, name, timeZone}; name and zone stay null until the server has been reached once. */
    Future<JsonObject> facility() {
        if (facility != null) {
            return Future.succeededFuture(facility);
        }
        return server().map(s -> facility != null ? facility : new JsonObject().putNull("code").putNull("name").putNull("timeZone"));
    }

    private String remember(String now) {
        state = now;
        checkedAt = clock.instant();
        return now;
    }
}
