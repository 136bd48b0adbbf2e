package id.antrean.bpjs;

import id.antrean.protocol.Env;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach BPJS, from the environment. Secrets are kept out of {@link #toString()} and logs.
 *
 * @param pcareBaseUrl  {@code BPJS_BASE_URL}: the primary-care (PCare) service, e.g.
 *                      {@code https://apijkn.bpjs-kesehatan.go.id/pcare-rest}; null = BPJS not configured
 * @param consId        {@code BPJS_CONS_ID}; null with the secret and user key = no server-wide credentials
 * @param secret        {@code BPJS_SECRET}
 * @param userKey       {@code BPJS_USER_KEY}
 * @param pcareUser     {@code BPJS_PCARE_USERNAME}: for the {@code X-authorization} header; may be null
 * @param pcarePassword {@code BPJS_PCARE_PASSWORD}
 * @param appCode       {@code BPJS_APP_CODE}, default {@code 095}
 * @param timeout       {@code BPJS_TIMEOUT_MS}, default and at most 3000
 * @param antreanBaseUrl {@code BPJS_ANTREAN_BASE_URL}: the FKTP queue service ({@code …/antreanfktp}) the
 *                      facility reports its queue to; null = no reporting
 * @param antreanUserKey {@code BPJS_ANTREAN_USER_KEY}: that service's user key (default: {@code BPJS_USER_KEY})
 */
public record BpjsConfig(String pcareBaseUrl, String consId, String secret, String userKey, String pcareUser,
                         String pcarePassword, String appCode, Duration timeout, String antreanBaseUrl,
                         String antreanUserKey) {
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(3);

    /**
     * Null when {@code BPJS_BASE_URL} is not set. {@code BPJS_CONS_ID}, {@code BPJS_SECRET} and {@code BPJS_USER_KEY}
     * come together or not at all: without them each facility must enter its own (see {@link #hasCredentials()}).
     */
    public static BpjsConfig fromEnv(Map<String, String> env) {
        String base = Env.text(env, "BPJS_BASE_URL");
        if (base == null) {
            return null;
        }
        // Out of range is clamped, not refused: a timeout is a preference, and above MAX_TIMEOUT it is ours.
        long timeoutMs = Math.min(Math.max(
                Env.longInteger(env, "BPJS_TIMEOUT_MS", MAX_TIMEOUT.toMillis(), " of milliseconds"), 100),
                MAX_TIMEOUT.toMillis());
        String antrean = Env.text(env, "BPJS_ANTREAN_BASE_URL");
        if (Env.text(env, "BPJS_CONS_ID") == null && Env.text(env, "BPJS_SECRET") == null
                && Env.text(env, "BPJS_USER_KEY") == null) {
            // A district server: BPJS's addresses only, each facility enters its own credentials.
            return new BpjsConfig(stripSlash(base), null, null, null, null, null, "095", Duration.ofMillis(timeoutMs),
                    antrean == null ? null : stripSlash(antrean), null);
        }
        return new BpjsConfig(stripSlash(base), required(env, "BPJS_CONS_ID"), required(env, "BPJS_SECRET"),
                required(env, "BPJS_USER_KEY"), Env.text(env, "BPJS_PCARE_USERNAME"),
                Env.text(env, "BPJS_PCARE_PASSWORD"),
                env.getOrDefault("BPJS_APP_CODE", "095"), Duration.ofMillis(timeoutMs),
                antrean == null ? null : stripSlash(antrean),
                Env.text(env, "BPJS_ANTREAN_USER_KEY", required(env, "BPJS_USER_KEY")));
    }

    /** Whether these are credentials to sign with; false for a server that leaves them to each facility. */
    public boolean hasCredentials() {
        return consId != null;
    }

    @Override
    public String toString() {
        return "BpjsConfig[pcareBaseUrl=" + pcareBaseUrl + ", antreanBaseUrl=" + antreanBaseUrl + ", consId=" + consId
                + ", secret=***, userKey=***, timeout=" + timeout.toMillis() + "ms]";
    }

    private static String required(Map<String, String> env, String name) {
        return Env.required(env, name, " when BPJS_BASE_URL is set");
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
