package id.antrean.bpjs.simulator;

import id.antrean.bpjs.BpjsConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/**
 * The demo's BPJS: with {@code DEMO=1} and no {@code BPJS_BASE_URL}, the server starts the simulator on a
 * free loopback port and talks to it with these (public, demo-only) credentials.
 */
public final class DemoBpjs {
    static final String CONS_ID = "10001";
    static final String SECRET = "demo-secret-not-for-production";
    static final String USER_KEY = "demo-user-key";

    private DemoBpjs() {
    }

    public static Future<BpjsSimulator> start(Vertx vertx, Clock clock) {
        return BpjsSimulator.start(vertx, 0, clock, List.of(new BpjsSimulator.Consumer(CONS_ID, SECRET, USER_KEY)));
    }

    public static BpjsConfig config(BpjsSimulator simulator) {
        return new BpjsConfig(simulator.pcareBaseUrl(), CONS_ID, SECRET, USER_KEY, "demo", "demo", "095",
                BpjsConfig.MAX_TIMEOUT, simulator.antreanBaseUrl(), USER_KEY);
    }
}
