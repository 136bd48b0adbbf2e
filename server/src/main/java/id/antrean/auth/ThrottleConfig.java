package id.antrean.auth;

import id.antrean.protocol.Env;
import java.util.Map;

/**
 * How hard the server works for whom, from the environment: the pool that runs bcrypt, the limits on failed
 * logins, and the pace of devices.
 *
 * @param loginFailuresPerAccount {@code LOGIN_FAILURES_PER_ACCOUNT}: failed logins a minute of one account (a staff
 *                                username; a facility's Mobile JKN user); the failure that reaches it and each one
 *                                after makes the account wait 1 s, 2 s, 4 s … 30 s (0 = off), default 5
 * @param loginFailuresPerAddress {@code LOGIN_FAILURES_PER_ADDRESS}: the same for all accounts together from one
 *                                client address (0 = off), default 20 — looser, as a whole facility may sit behind
 *                                one proxy address
 * @param bcryptThreads           {@code BCRYPT_THREADS}: threads that run bcrypt, default half the processors,
 *                                between 1 and 2
 * @param bcryptQueue             {@code BCRYPT_QUEUE}: password checks that may wait for those threads; any more
 *                                are refused at once (429), default 8
 * @param deviceRateLimit         {@code DEVICE_RATE_LIMIT}: requests a minute of one device token (0 = off), default
 *                                120; a display's event stream is counted apart
 */
public record ThrottleConfig(int loginFailuresPerAccount, int loginFailuresPerAddress, int bcryptThreads,
                             int bcryptQueue, int deviceRateLimit) {

    public static ThrottleConfig fromEnv(Map<String, String> env) {
        return new ThrottleConfig(
                Env.integer(env, "LOGIN_FAILURES_PER_ACCOUNT", 5, 0, 1_000_000),
                Env.integer(env, "LOGIN_FAILURES_PER_ADDRESS", 20, 0, 1_000_000),
                Env.integer(env, "BCRYPT_THREADS", defaultBcryptThreads(), 1, 64),
                Env.integer(env, "BCRYPT_QUEUE", 8, 0, 10_000),
                Env.integer(env, "DEVICE_RATE_LIMIT", 120, 0, 1_000_000));
    }

    /** bcrypt may take half the machine at most, so the event loops keep a core even on a 2-core box. */
    static int defaultBcryptThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() / 2));
    }
}
