package id.antrean.auth;

import id.antrean.protocol.Env;
import java.time.Duration;
import java.util.Map;

/**
 * Authentication settings, from the environment.
 *
 * @param demoPassword      {@code DEMO_PASSWORD}: the demo accounts' password (random when unset)
 * @param demoDeviceToken   {@code DEMO_DEVICE_TOKEN}: the demo kiosk's token (random when unset)
 * @param demoDisplayToken  {@code DEMO_DISPLAY_TOKEN}: the demo display's token (random when unset); another token
 *                          than the kiosk's, because it travels in the display's URL and must not take numbers
 * @param loginRateLimit    {@code LOGIN_RATE_LIMIT}: login attempts per minute per client address (0 = off), default
 *                          60 — a whole facility may log in from behind one address at the change of shift; guessing
 *                          is held back by the failed-login limits ({@link ThrottleConfig})
 * @param tokenLifetime     {@code STAFF_TOKEN_HOURS}: how long a staff token lasts, default 12 (a working day)
 * @param bcryptCost        {@code BCRYPT_COST}: bcrypt work factor, default 12
 * @param mobileJknRateLimit {@code MOBILEJKN_RATE_LIMIT}: Mobile JKN calls ({@code /mobilejkn/...}) per minute per
 *                          client address (0 = off), default 600
 */
public record AuthConfig(String demoPassword, String demoDeviceToken, String demoDisplayToken, int loginRateLimit,
                         Duration tokenLifetime, int bcryptCost, int mobileJknRateLimit) {

    public AuthConfig {
        if (demoDeviceToken.equals(demoDisplayToken)) {
            // One token for both would be a kiosk's token in the display's URL.
            throw new IllegalArgumentException("DEMO_DISPLAY_TOKEN must differ from DEMO_DEVICE_TOKEN");
        }
    }

    public static AuthConfig fromEnv(Map<String, String> env) {
        return new AuthConfig(
                orRandom(env.get("DEMO_PASSWORD"), 9),
                orRandom(env.get("DEMO_DEVICE_TOKEN"), 24),
                orRandom(env.get("DEMO_DISPLAY_TOKEN"), 24),
                Env.integer(env, "LOGIN_RATE_LIMIT", 60, 0, 1_000_000),
                Duration.ofHours(Env.integer(env, "STAFF_TOKEN_HOURS", 12, 1, 24 * 30)),
                Env.integer(env, "BCRYPT_COST", 12, 4, 16),
                Env.integer(env, "MOBILEJKN_RATE_LIMIT", 600, 0, 1_000_000));
    }

    private static String orRandom(String value, int length) {
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        return Tokens.newToken().substring(0, length);
    }

    @Override
    public String toString() {
        return "AuthConfig[loginRateLimit=" + loginRateLimit + ", tokenLifetime=" + tokenLifetime + ", bcryptCost="
                + bcryptCost + ", mobileJknRateLimit=" + mobileJknRateLimit + "]";
    }
}
