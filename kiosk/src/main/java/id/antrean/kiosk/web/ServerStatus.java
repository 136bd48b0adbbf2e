package id.antrean.kiosk.web;

import id.antrean.kiosk.server.ServerClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the server answers, and who this kiosk is there (its facility's name and time zone, and what the facility's
 * admin set for kiosks: the idle time, the languages offered and spoken guidance). Asked at most every few seconds, however often
 * the page polls, so an admin's change reaches the kiosk within seconds.
 */
final class ServerStatus {
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    /** Until the profile has been read (or when the server is older): the kiosk's own defaults. */
    static final int DEFAULT_IDLE_SECONDS = 45;
    static final JsonArray DEFAULT_LANGUAGES = new JsonArray().add("id").add("en");

    private final ServerClient server;
    private final Clock clock;
    private volatile JsonObject facility;
    private volatile JsonObject profile;
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
        return server.me().compose(response -> {
            if (response.statusCode() == 200) {
                facility = response.bodyAsJsonObject().getJsonObject("facility");
                // The profile is a nicety: when it cannot be read, the last one (or the defaults) stays.
                return server.profile().map(p -> {
                    if (p.statusCode() == 200) {
                        profile = p.bodyAsJsonObject();
                    }
                    return remember("OK");
                }).recover(e -> Future.succeededFuture(remember("OK")));
            }
            return Future.succeededFuture(
                    remember(response.statusCode() == 401 || response.statusCode() == 403 ? "UNAUTHORIZED" : "UNREACHABLE"));
        }).recover(e -> Future.succeededFuture(remember("UNREACHABLE")));
    }

    /** {code, name, timeZone}; name and zone stay null until the server has been reached once. */
    Future<JsonObject> facility() {
        if (facility != null) {
            return Future.succeededFuture(facility);
        }
        return server().map(s -> facility != null ? facility : new JsonObject().putNull("code").putNull("name").putNull("timeZone"));
    }

    /**
     * What the page needs to run: the facility, the languages to offer (Indonesian first), the idle time and
     * whether to speak each step.
     */
    Future<JsonObject> kiosk() {
        return server().compose(state -> facility()).map(f -> {
            JsonObject p = profile;
            JsonArray languages = p == null || p.getJsonArray("languages") == null || p.getJsonArray("languages").isEmpty()
                    ? DEFAULT_LANGUAGES : p.getJsonArray("languages");
            Integer idle = p == null ? null : p.getInteger("kioskIdleSeconds");
            // Off until the profile says otherwise: a kiosk never starts talking on its own.
            boolean spoken = p != null && Boolean.TRUE.equals(p.getBoolean("spokenGuidance"));
            return new JsonObject().put("facility", f).put("languages", languages.copy())
                    .put("idleSeconds", idle == null ? DEFAULT_IDLE_SECONDS : idle)
                    .put("spokenGuidance", spoken);
        });
    }

    private String remember(String now) {
        state = now;
        checkedAt = clock.instant();
        return now;
    }
}
