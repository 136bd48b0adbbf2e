package id.antrean.web.http;

import id.antrean.protocol.Env;
import java.util.Map;

/**
 * How long and how many connections the HTTP server keeps, from the environment.
 *
 * @param idleTimeoutSeconds    {@code HTTP_IDLE_TIMEOUT_SECONDS}, default 75: a connection with nothing read or
 *                              written for this long is closed, and so is a kept-alive one whose next request
 *                              does not arrive in time. Above the event stream's 15 s heartbeat, so screens stay;
 *                              above the 60 s keep-alive of Vert.x's clients (the kiosk agent), so they close an
 *                              idle connection first and never send a request on one the server is closing.
 * @param headerTimeoutSeconds  {@code HTTP_HEADER_TIMEOUT_SECONDS}, default 10: a new connection must have sent a
 *                              whole request head by then (a slow-header client holds a socket for nothing)
 * @param connectionsPerAddress {@code HTTP_CONNECTIONS_PER_ADDRESS}, default 200 (0 = off): simultaneous
 *                              connections from one client address; a waiting room's screens, kiosks and
 *                              consoles often share one NAT address, so the cap is generous
 */
public record HttpLimits(int idleTimeoutSeconds, int headerTimeoutSeconds, int connectionsPerAddress) {
    public static final HttpLimits DEFAULT = new HttpLimits(75, 10, 200);

    public static HttpLimits fromEnv(Map<String, String> env) {
        return new HttpLimits(
                Env.integer(env, "HTTP_IDLE_TIMEOUT_SECONDS", DEFAULT.idleTimeoutSeconds, 1, 86_400),
                Env.integer(env, "HTTP_HEADER_TIMEOUT_SECONDS", DEFAULT.headerTimeoutSeconds, 1, 3_600),
                Env.integer(env, "HTTP_CONNECTIONS_PER_ADDRESS", DEFAULT.connectionsPerAddress, 0, 1_000_000));
    }
}
