package id.antrean.auth;

import static org.assertj.core.api.Assertions.assertThat;

import id.antrean.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pace of failed logins: a few a minute, then waits that double up to half a minute, then a fresh start. */
class FailureCounterTest {
    private final MutableClock clock = MutableClock.at("2026-11-27T01:00:00Z");
    private final FailureCounter counter = new FailureCounter(5, clock);

    @Test
    void theFifthFailureInAMinuteStartsAOneSecondWaitAndEachFurtherOneDoublesIt() {
        for (int i = 0; i < 4; i++) {
            counter.count("a");
            assertThat(counter.waitMillis("a")).isZero();
        }
        long[] expected = {1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
        for (long wait : expected) {
            counter.count("a");
            assertThat(counter.waitMillis("a")).isEqualTo(wait);
            clock.advance(Duration.ofMillis(wait));
            assertThat(counter.waitMillis("a")).isZero();
        }
        assertThat(counter.waitMillis("b")).isZero();
    }

    @Test
    void failuresSpreadOverTheMinuteNeverWait() {
        for (int i = 0; i < 50; i++) {
            counter.count("a");
            assertThat(counter.waitMillis("a")).isZero();
            clock.advance(Duration.ofSeconds(12));
        }
    }

    @Test
    void onceTheBucketHasDrainedTheDelaysStartOver() {
        for (int i = 0; i < 7; i++) {
            counter.count("a");
        }
        assertThat(counter.waitMillis("a")).isEqualTo(4_000);

        clock.advance(Duration.ofSeconds(84));    // 7 failures drain at 5 a minute
        for (int i = 0; i < 4; i++) {
            counter.count("a");
        }
        assertThat(counter.waitMillis("a")).isZero();
        counter.count("a");
        assertThat(counter.waitMillis("a")).isEqualTo(1_000);
    }

    @Test
    void aRefundedAttemptTakesBackItsCountAndTheWaitItCaused() {
        for (int i = 0; i < 4; i++) {
            counter.count("a");
        }
        FailureCounter.Receipt fifth = counter.count("a");
        assertThat(counter.waitMillis("a")).isEqualTo(1_000);

        counter.refund(fifth);

        assertThat(counter.waitMillis("a")).isZero();
        counter.count("a");
        assertThat(counter.waitMillis("a")).isEqualTo(1_000);
    }

    @Test
    void zeroTurnsItOff() {
        FailureCounter off = new FailureCounter(0, clock);
        for (int i = 0; i < 100; i++) {
            off.refund(off.count("a"));
            off.count("a");
        }
        assertThat(off.waitMillis("a")).isZero();
        assertThat(off.size()).isZero();
    }

    @Test
    void keysThatHaveDrainedAreForgottenAsTheMapGrows() {
        for (int i = 0; i < 5_000; i++) {
            counter.count("user-" + i);
            clock.advance(Duration.ofMillis(20));
        }
        assertThat(counter.size()).isLessThan(2_100);
    }
}
