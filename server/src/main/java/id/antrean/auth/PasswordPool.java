package id.antrean.auth;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where every bcrypt of a running server happens (staff logins, Mobile JKN's {@code /auth}, setting its password):
 * a few threads of their own with a short queue in front. bcrypt is slow on purpose (a few hundred milliseconds at
 * cost 12); on Vert.x's shared worker pool a flood of wrong passwords queued without limit and took the processors
 * from everything else — 16 concurrent wrong Mobile JKN passwords slowed staff logins from 0.44 s to 8.7 s and the
 * waiting-room board from 11 ms to 191 ms. Here at most {@code threads} checks run at once and at most {@code queue}
 * wait; any further one is refused at once (429 with {@code Retry-After}) rather than queued behind them.
 */
public final class PasswordPool {
    /** A queue this short empties within a second or two: the caller may try again that soon. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final WorkerExecutor workers;
    private final Passwords passwords;
    private final int threads;
    private final int capacity;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();
    private final String decoyHash;

    public PasswordPool(Vertx vertx, Passwords passwords, int threads, int queue) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("threads must be at least 1 and queue at least 0");
        }
        this.workers = vertx.createSharedWorkerExecutor("antrean-passwords", threads);
        this.passwords = passwords;
        this.threads = threads;
        this.capacity = threads + queue;
        this.decoyHash = passwords.hash(Tokens.newToken());
    }

    /**
     * A hash of a random password, made at start-up: compared against when the account is unknown, so that a wrong
     * username costs as much time as a wrong password and tells nothing.
     */
    public String decoyHash() {
        return decoyHash;
    }

    /** Whether the password is the hash's; a failed future (429) when the pool is full. */
    public Future<Boolean> matches(String hash, String password) {
        return run(() -> passwords.matches(hash, password));
    }

    /** A new hash of the password; a failed future (429) when the pool is full. */
    public Future<String> hash(String password) {
        return run(() -> passwords.hash(password));
    }

    /** Runs a job on the pool's threads, or refuses it at once when {@code threads + queue} jobs are already in. */
    <T> Future<T> run(Callable<T> job) {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            return Future.failedFuture(Problem.retryAfter(ErrorCode.RATE_LIMITED, RETRY_AFTER_SECONDS));
        }
        Future<T> result;
        try {
            result = workers.executeBlocking(() -> {
                started.incrementAndGet();
                mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    return job.call();
                } finally {
                    running.decrementAndGet();
                }
            }, false);
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result.onComplete(done -> admitted.decrementAndGet());
    }

    public int threads() {
        return threads;
    }

    /** Jobs the pool has started since it was made: how many bcrypts ran (refused ones never start). */
    public long started() {
        return started.get();
    }

    /** The most jobs that ever ran at the same moment: never more than {@link #threads()}. */
    public int mostRunningAtOnce() {
        return mostRunning.get();
    }
}
