package id.antrean.bpjs.simulator;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/**
 * Runs the BPJS simulator on its own: {@code java -cp server/target/server.jar id.antrean.bpjs.simulator.SimulatorMain}.
 * Environment: {@code PORT} (default 8099), {@code BPJS_CONS_ID}, {@code BPJS_SECRET}, {@code BPJS_USER_KEY}
 * (defaults: the demo consumer). It listens on 127.0.0.1 only (see {@link BpjsSimulator#start}).
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) {
        var env = System.getenv();
        BpjsSimulator.Consumer consumer = new BpjsSimulator.Consumer(
                env.getOrDefault("BPJS_CONS_ID", DemoBpjs.CONS_ID),
                env.getOrDefault("BPJS_SECRET", DemoBpjs.SECRET),
                env.getOrDefault("BPJS_USER_KEY", DemoBpjs.USER_KEY));
        int port = Integer.parseInt(env.getOrDefault("PORT", "8099"));
        BpjsSimulator simulator = BpjsSimulator.start(Vertx.vertx(), port, Clock.systemUTC(), List.of(consumer)).await();
        System.out.println("BPJS simulator: PCare at " + simulator.pcareBaseUrl() + " for consumer " + consumer.consId());
    }
}
