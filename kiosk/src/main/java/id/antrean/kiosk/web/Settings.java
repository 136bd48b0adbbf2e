package id.antrean.kiosk.web;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kiosk's settings screen, behind {@code KIOSK_PIN}: a right PIN opens it for a few minutes; five wrong
 * ones in a minute lock it for the rest of that minute. Without a PIN configured it stays shut.
 */
final class Settings {
    static final Duration OPEN_FOR = Duration.ofMinutes(5);
    static final int TRIES_PER_MINUTE = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String pin;
    private final Clock clock;
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger tries = new AtomicInteger();
    private volatile long triesMinute;

    Settings(String pin, Clock clock) {
        this.pin = pin;
        this.clock = clock;
    }

    /** A settings session for the right PIN. */
    String unlock(String attempt) {
        if (pin == null) {
            throw new KioskProblem("PIN_NOT_SET", 403);
        }
        long minute = clock.instant().getEpochSecond() / 60;
        if (minute != triesMinute) {
            triesMinute = minute;
            tries.set(0);
        }
        if (tries.incrementAndGet() > TRIES_PER_MINUTE) {
            throw new KioskProblem("RATE_LIMITED", 429);
        }
        if (attempt == null || !MessageDigest.isEqual(pin.getBytes(StandardCharsets.UTF_8),
                attempt.getBytes(StandardCharsets.UTF_8))) {
            throw new KioskProblem("PIN_WRONG", 403);
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(session, clock.instant().plus(OPEN_FOR));
        return session;
    }

    void check(String session) {
        Instant until = session == null ? null : sessions.get(session);
        if (until == null || until.isBefore(clock.instant())) {
            throw new KioskProblem("SETTINGS_LOCKED", 403);
        }
    }
}
