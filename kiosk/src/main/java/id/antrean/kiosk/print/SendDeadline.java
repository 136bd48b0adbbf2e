package id.antrean.kiosk.print;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes a socket or device channel when a blocking write takes too long. Java has no write timeout for sockets,
 * and a printer that stops reading (cover open, paper jam) would otherwise block the worker thread for ever;
 * closing the channel makes the blocked write fail at once.
 */
final class SendDeadline implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "antrean-print-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> alarm;

    private SendDeadline(Duration timeout, Closeable target) {
        this.alarm = TIMER.schedule(() -> {
            expired.set(true);
            try {
                target.close();
            } catch (IOException ignored) {
                // The write it interrupts reports the failure.
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    static SendDeadline closeAfter(Duration timeout, Closeable target) {
        return new SendDeadline(timeout, target);
    }

    /** True when the deadline passed and the target was closed: a following I/O error is a timeout. */
    boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        alarm.cancel(false);
    }
}
