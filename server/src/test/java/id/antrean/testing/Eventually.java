package id.antrean.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds or a deadline passes: tests wait for states, never for a fixed time. */
public final class Eventually {
    private Eventually() {
    }

    /** The first value of {@code action} that satisfies {@code done}; an AssertionError with the last one after {@code within}. */
    public static <T> T poll(Duration within, Supplier<T> action, Predicate<T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = action.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in " + within + "; last: " + last);
            }
            Thread.onSpinWait();
            last = action.get();
        }
        return last;
    }
}
