package id.antrean.app;

import java.time.Clock;

/** Starts the server with the configuration from the environment and prints where it can be reached. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        AppConfig config;
        try {
            config = AppConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Antrean app = Antrean.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "antrean-shutdown"));

        String base = "http://localhost:" + app.port();
        StringBuilder urls = new StringBuilder()
                .append("\nAntrean is running.\n")
                .append("  API           ").append(base).append("/api/v1/facilities\n")
                .append("  OpenAPI       ").append(base).append("/api/v1/openapi.yaml\n")
                .append("  Health        ").append(base).append("/health\n");
        urls.append("  Console       ").append(base).append("/console/\n");
        if (config.demo()) {
            urls.append(StartBanner.demo(base, config.auth(), System.getenv()));
        }
        if (app.setupOffer() != null) {
            urls.append(StartBanner.setup(base, app.setupOffer()));
        }
        urls.append(app.bpjsSimulator() != null
                ? "  BPJS          simulator (demo) at " + app.bpjs().pcareBaseUrl() + "\n"
                : app.bpjs() != null ? "  BPJS          " + app.bpjs().pcareBaseUrl() + "\n"
                : "  BPJS          not configured: eligibility from the facility's roster only\n");
        urls.append(config.databaseUrl() == null
                ? "  Database      embedded PostgreSQL, data in " + config.dataDir().toAbsolutePath().normalize()
                        + " (its socket in run/, its password in db-password" + (config.embeddedDbPort() == 0 ? ""
                        : "; also on 127.0.0.1:" + config.embeddedDbPort()) + ")\n"
                : "  Database      " + app.database().connectOptions().getHost() + "\n");
        System.out.println(urls);
    }
}
