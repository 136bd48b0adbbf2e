package id.antrean.app;

import id.antrean.auth.AuthConfig;
import id.antrean.backup.BackupConfig;
import id.antrean.auth.ThrottleConfig;
import id.antrean.bpjs.BpjsConfig;
import id.antrean.bpjs.credentials.MasterKey;
import id.antrean.protocol.Env;
import id.antrean.web.PublicUrl;
import id.antrean.web.http.HttpLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The server's configuration, from environment variables.
 *
 * @param port          {@code PORT}, default 8080 (0 = any free port)
 * @param databaseUrl   {@code DATABASE_URL}, a {@code postgresql://} URL; null = embedded PostgreSQL
 * @param dataDir       {@code DATA_DIR}, default {@code ./data}: where the embedded PostgreSQL keeps its data
 * @param embeddedDbPort {@code EMBEDDED_DB_PORT}: also let the embedded PostgreSQL listen on 127.0.0.1 at this port
 *                      (password in {@code DATA_DIR/db-password}); default 0 = its private Unix socket only
 * @param demo          {@code DEMO=1}: seed the demo facility
 * @param dbPoolSize    {@code DB_POOL_SIZE}, default 16
 * @param httpInstances {@code HTTP_INSTANCES}, default one per processor
 * @param bpjs          {@code BPJS_*}: how to reach BPJS; null = not configured (with {@code DEMO=1}: the simulator)
 * @param auth          demo credentials, login rate limit, token lifetime, bcrypt cost
 * @param throttle      bcrypt's pool, failed-login limits, devices' pace
 * @param http          {@code HTTP_*}: connection timeouts and the cap of connections per client address
 * @param secretKey     {@code SECRET_KEY}: the master key of the secrets kept in the database (base64 of 32 bytes,
 *                      refused at start otherwise); null = {@code DATA_DIR/secret.key}, made on first start
 * @param setupCode     {@code SETUP_CODE}: the first setup's one-time code (automation); null = a random one, printed
 * @param backups       {@code BACKUP_*}: where, when and how many backups
 * @param eligibilityNegativeTtl {@code ELIGIBILITY_NEGATIVE_TTL}, minutes, default 10: how long a NOT_FOUND or
 *                      INACTIVE answer of BPJS is kept (a positive one is kept for the facility's day)
 * @param metricsToken  {@code METRICS_TOKEN}: the bearer token Prometheus scrapes {@code /metrics} with; null = no
 *                      {@code /metrics} (404) and no meters kept
 * @param publicUrl     {@code PUBLIC_URL}: the base of the links handed to patients (a ticket's tracking link, in its
 *                      QR); unset = the origin each request came to (right on the facility's own network)
 * @param trackRateLimit {@code TRACK_RATE_LIMIT}: requests a minute of one client address to the tracking page and
 *                      its API (0 = off), default 120 (a facility's Wi-Fi may put many phones behind one address; a
 *                      code of 122 random bits is not found by trying, the limit only stops a flood)
 * @param notifyWebhookUrl {@code NOTIFY_WEBHOOK_URL}: the messaging gateway of facilities that set none of their own
 *                      (issue #19; {@code {phone}} and {@code {text}} may appear in it); null = none
 */
public record AppConfig(int port, String databaseUrl, Path dataDir, int embeddedDbPort, boolean demo, int dbPoolSize,
                        int httpInstances, BpjsConfig bpjs, AuthConfig auth, ThrottleConfig throttle, HttpLimits http,
                        MasterKey secretKey, String setupCode, BackupConfig backups,
                        Duration eligibilityNegativeTtl, String metricsToken, PublicUrl publicUrl,
                        int trackRateLimit, String notifyWebhookUrl) {

    public static AppConfig fromEnv(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "./data"));
        return new AppConfig(
                Env.integer(env, "PORT", 8080, 0, 65535),
                Env.text(env, "DATABASE_URL"),
                dataDir,
                Env.integer(env, "EMBEDDED_DB_PORT", 0, 0, 65535),
                Env.flag(env, "DEMO"),
                Env.integer(env, "DB_POOL_SIZE", 16, 1, 500),
                Env.integer(env, "HTTP_INSTANCES", Runtime.getRuntime().availableProcessors(), 1, 256),
                BpjsConfig.fromEnv(env),
                AuthConfig.fromEnv(env),
                ThrottleConfig.fromEnv(env),
                HttpLimits.fromEnv(env),
                Env.text(env, "SECRET_KEY") == null ? null : MasterKey.parse(env.get("SECRET_KEY"), "SECRET_KEY"),
                setupCode(Env.text(env, "SETUP_CODE")),
                BackupConfig.fromEnv(env, dataDir),
                Duration.ofMinutes(Env.integer(env, "ELIGIBILITY_NEGATIVE_TTL", 10, 0, 24 * 60)),
                metricsToken(Env.text(env, "METRICS_TOKEN")),
                PublicUrl.of(Env.text(env, "PUBLIC_URL")),
                Env.integer(env, "TRACK_RATE_LIMIT", 120, 0, 1_000_000),
                notifyWebhookUrl(Env.text(env, "NOTIFY_WEBHOOK_URL")));
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(newPort, databaseUrl, dataDir, embeddedDbPort, demo, dbPoolSize, httpInstances, bpjs, auth,
                throttle, http, secretKey, setupCode, backups, eligibilityNegativeTtl, metricsToken, publicUrl,
                trackRateLimit, notifyWebhookUrl);
    }

    /** A token worth the name: the scrape tells every facility's traffic. */
    private static String metricsToken(String value) {
        if (value != null && value.strip().length() < 16) {
            throw new IllegalArgumentException("METRICS_TOKEN must have at least 16 characters");
        }
        return value == null ? null : value.strip();
    }

    /** An http(s) URL, refused at start otherwise (a typo would only show as messages that never leave). */
    private static String notifyWebhookUrl(String value) {
        if (value != null && !value.strip().matches("^https?://[^\\s]+$")) {
            throw new IllegalArgumentException("NOTIFY_WEBHOOK_URL must be an http:// or https:// URL");
        }
        return value == null ? null : value.strip();
    }

    /** A code that can be typed, and not guessed in the few tries the throttle allows. */
    private static String setupCode(String value) {
        if (value != null && value.replaceAll("[\\s-]", "").length() < 8) {
            throw new IllegalArgumentException("SETUP_CODE must have at least 8 characters besides spaces and dashes");
        }
        return value;
    }

    @Override
    public String toString() {
        // As a record prints itself, but never the setup code (a secret until it is spent).
        return "AppConfig[port=" + port + ", databaseUrl=" + (databaseUrl == null ? "embedded" : "set") + ", dataDir="
                + dataDir + ", embeddedDbPort=" + embeddedDbPort + ", demo=" + demo + ", dbPoolSize=" + dbPoolSize
                + ", httpInstances=" + httpInstances + ", bpjs=" + bpjs + ", auth=" + auth + ", throttle=" + throttle
                + ", http=" + http + ", secretKey=" + secretKey + ", setupCode=" + (setupCode == null ? "random" : "set")
                + ", backups=" + backups + ", eligibilityNegativeTtl=" + eligibilityNegativeTtl
                + ", metricsToken=" + (metricsToken == null ? "off" : "set") + ", publicUrl=" + publicUrl
                + ", trackRateLimit=" + trackRateLimit
                // The URL may carry a gateway's key in its query: only whether it is set.
                + ", notifyWebhookUrl=" + (notifyWebhookUrl == null ? "none" : "set") + "]";
    }
}
