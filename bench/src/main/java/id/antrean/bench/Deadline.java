package id.antrean.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polling with a deadline, for conditions no event tells us about (a process's port, a file). */
public final class Deadline {
    private static final Duration POLL = Duration.ofMillis(50);

    private Deadline() {
    }

    /** Waits until {@code condition} holds; false when {@code within} passed first. */
    public static boolean await(Duration within, BooleanSupplier condition) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause();
        }
        return condition.getAsBoolean();
    }

    static void pause() {
        LockSupport.parkNanos(POLL.toNanos());
    }
}
