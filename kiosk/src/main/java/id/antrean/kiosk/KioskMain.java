package id.antrean.kiosk;

import java.time.Clock;

/** Starts the kiosk agent with the configuration from the environment and says where its page is. */
public final class KioskMain {
    private KioskMain() {
    }

    public static void main(String[] args) {
        KioskConfig config;
        try {
            config = KioskConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Kiosk configuration error: " + e.getMessage());
            System.err.println("Needed: SERVER_URL, FACILITY, DEVICE_TOKEN; optional: PORT (8090), PRINTER (pdf:./tickets), "
                    + "PRINTER_WIDTH (58|80), KIOSK_PIN.");
            System.exit(2);
            return;
        }
        KioskAgent agent = KioskAgent.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "kiosk-shutdown"));
        System.out.println("\nAntrean kiosk is running for " + config.facility() + " at " + config.serverUrl() + "."
                + "\n  Kiosk page    http://localhost:" + agent.port() + "/"
                + "\n  Printer       " + agent.printer().describe() + "\n");
    }
}
