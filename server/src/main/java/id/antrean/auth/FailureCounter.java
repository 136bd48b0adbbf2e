package id.antrean.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed logins per key (an account, a client address), as a bucket that drains at {@code perMinute} a minute.
 * While the bucket holds fewer than {@code perMinute} failures nothing happens. The failure that fills it, and
 * every failure after it until the bucket has drained empty again, makes the key wait before its next attempt:
 * 1 s, then 2 s, 4 s … at most {@link #MAX_DELAY}. So a key gets about {@code perMinute} attempts a minute
 * however it spaces them, a burst is slowed down more and more, and nobody is ever locked out for long — a
 * lockout of the real user is the other side of any per-account limit, so the delays stay short.
 *
 * <p>In this node's memory, not thread-safe: {@link LoginThrottle} holds its lock around every call. Keys that
 * have drained and wait for nothing are forgotten as the map grows, so a spray of made-up usernames costs little.
 */
final class FailureCounter {
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    private static final int FIRST_SWEEP = 1024;

    /** What counting one attempt did, so that it can be taken back when the attempt was no failure after all. */
    record Receipt(String key, boolean struck, int strike, long previousLockEnd) {
    }

    private static final class State {
        double level;
        long drainedAt;
        int strikes;
        long lockedUntil;
    }

    private final int perMinute;
    private final Clock clock;
    private final Map<String, State> states = new HashMap<>();
    private int sweepAt = FIRST_SWEEP;

    /** @param perMinute failures a minute before delays start; 0 turns the counter off */
    FailureCounter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Milliseconds the key must still wait before its next attempt; 0 when it may go ahead. */
    long waitMillis(String key) {
        State state = states.get(key);
        return state == null ? 0 : Math.max(0, state.lockedUntil - clock.millis());
    }

    /**
     * Counts an attempt as a failure before its outcome is known, so that many concurrent attempts cannot all slip
     * through before the first one fails; {@link #refund} takes it back when it was not one. Null when off.
     */
    Receipt count(String key) {
        if (perMinute <= 0) {
            return null;
        }
        long now = clock.millis();
        State state = states.computeIfAbsent(key, k -> new State());
        drain(state, now);
        state.level += 1;
        if (state.level < perMinute && state.strikes == 0) {
            sweepIfLarge(now);
            return new Receipt(key, false, 0, 0);
        }
        long previousLockEnd = state.lockedUntil;
        state.strikes++;
        state.lockedUntil = now + delay(state.strikes).toMillis();
        return new Receipt(key, true, state.strikes, previousLockEnd);
    }

    /** Takes back a counted attempt (and the wait it caused, unless a later failure has made its own since). */
    void refund(Receipt receipt) {
        if (receipt == null) {
            return;
        }
        State state = states.get(receipt.key());
        if (state == null) {
            return;
        }
        drain(state, clock.millis());
        state.level = Math.max(0, state.level - 1);
        if (receipt.struck() && state.strikes == receipt.strike()) {
            state.strikes--;
            state.lockedUntil = receipt.previousLockEnd();
        }
    }

    /** A successful login: the account starts afresh. */
    void forget(String key) {
        states.remove(key);
    }

    int size() {
        return states.size();
    }

    static Duration delay(int strike) {
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(strike - 1, 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private void drain(State state, long now) {
        if (state.drainedAt != 0) {
            double drained = (now - state.drainedAt) * perMinute / 60_000.0;
            state.level = Math.max(0, state.level - Math.max(0, drained));
        }
        state.drainedAt = now;
        if (state.level == 0) {
            state.strikes = 0;     // a quiet spell long enough to empty the bucket: the delays start over
        }
    }

    private void sweepIfLarge(long now) {
        if (states.size() < sweepAt) {
            return;
        }
        states.values().removeIf(state -> {
            drain(state, now);
            return state.level == 0 && state.lockedUntil <= now;
        });
        sweepAt = Math.max(FIRST_SWEEP, states.size() * 2);
    }
}
