package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** bcrypt runs on a few threads of its own behind a short queue; beyond it a check is refused at once. */
class PasswordPoolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void atMostItsThreadsRunAtOnceAndAJobBeyondTheQueueIsRefusedWithoutWaiting() throws Exception {
        PasswordPool pool = new PasswordPool(vertx, new Passwords(4), 2, 3);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<Boolean>> admitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            admitted.add(pool.run(() -> release.await(WAIT.toSeconds(), TimeUnit.SECONDS)));
        }
        awaitUntil(() -> pool.started() == 2);

        // Two running, three waiting: the sixth is refused while the others still hold the threads.
        Future<Boolean> refused = pool.run(() -> true);
        assertThat(refused.failed()).isTrue();
        assertThat(refused.cause()).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(p.retryAfterSeconds()).isEqualTo(1);
        });
        assertThat(admitted).noneMatch(Future::isComplete);

        release.countDown();
        for (Future<Boolean> job : admitted) {
            assertThat(job.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        assertThat(pool.started()).isEqualTo(5);
        assertThat(pool.mostRunningAtOnce()).isEqualTo(2);
        // The queue has emptied: checks are taken again.
        assertThat(pool.run(() -> true).await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void checksAndHashesGoThroughThePool() {
        PasswordPool pool = new PasswordPool(vertx, new Passwords(4), 1, 0);

        String hash = pool.hash("rahasia").await();

        assertThat(pool.matches(hash, "rahasia").await()).isTrue();
        assertThat(pool.matches(hash, "salah").await()).isFalse();
        assertThat(pool.matches(pool.decoyHash(), "rahasia").await()).isFalse();
        assertThat(pool.started()).isEqualTo(4);
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
