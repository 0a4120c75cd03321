package dev.heddle.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deterministic: the timeout only turns a hang (a looping wheel) into a failure. */
@Timeout(60)
class IntervalTest {
    private static final long MS = 1_000_000;

    /** A clock whose sleeps end at once at their deadline, and whose callers can spend time "working". */
    private static final class FakeClock implements Clock {
        private long now;
        private RuntimeException nextSleepFailure;

        @Override
        public long now() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.EPOCH.plusNanos(now);
        }

        @Override
        public void sleepUntil(long deadline) {
            if (nextSleepFailure != null) {
                RuntimeException failure = nextSleepFailure;
                nextSleepFailure = null;
                throw failure;
            }
            now = Math.max(now, deadline);
        }

        @Override
        public <T> T timeout(Duration limit, Callable<T> body) {
            try {
                return body.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }

        @Override
        public <T> T timeoutAt(long deadline, Callable<T> body) {
            return timeout(Duration.ZERO, body);
        }

        void work(long nanos) {
            now += nanos;
        }
    }

    private final FakeClock clock = new FakeClock();

    private Interval interval(long periodMs, MissedTickBehavior behavior) {
        return clock.interval(Duration.ofMillis(periodMs), behavior);
    }

    /** Ticks once and checks both the tick's scheduled time and the time it completed at. */
    private void assertTick(Interval interval, long scheduledMs, long completedMs) {
        assertEquals(scheduledMs * MS, interval.tick(), "scheduled time of the tick");
        assertEquals(completedMs * MS, clock.now(), "time the tick completed at");
    }

    @Test
    void theFirstTickIsAtOnceAndTheOthersArePeriodApart() {
        clock.work(7 * MS);
        Interval interval = clock.interval(Duration.ofMillis(10));
        assertEquals(MissedTickBehavior.BURST, interval.missedTickBehavior());
        assertEquals(Duration.ofMillis(10), interval.period());
        assertEquals(7 * MS, interval.nextTick());
        assertTick(interval, 7, 7);
        assertTick(interval, 17, 17);
        clock.work(4 * MS);
        assertTick(interval, 27, 27);
        assertEquals(37 * MS, interval.nextTick());
    }

    @Test
    void burstFiresMissedTicksAtOnceAndKeepsTheOriginalSchedule() {
        Interval interval = interval(50, MissedTickBehavior.BURST);
        assertTick(interval, 0, 0);
        clock.work(200 * MS);
        assertTick(interval, 50, 200);
        assertTick(interval, 100, 200);
        assertTick(interval, 150, 200);
        assertTick(interval, 200, 200);
        assertTick(interval, 250, 250);
    }

    @Test
    void delaySchedulesTheNextTickAFullPeriodAfterTheLateOne() {
        Interval interval = interval(50, MissedTickBehavior.DELAY);
        assertTick(interval, 0, 0);
        clock.work(75 * MS);
        assertTick(interval, 50, 75);
        assertTick(interval, 125, 125);
        clock.work(10 * MS);
        assertTick(interval, 175, 175);
        clock.work(130 * MS);
        assertTick(interval, 225, 305);
        assertTick(interval, 355, 355);
    }

    @Test
    void skipContinuesAtTheNextMultipleOfThePeriodOnTheOriginalSchedule() {
        Interval interval = interval(50, MissedTickBehavior.SKIP);
        assertTick(interval, 0, 0);
        clock.work(75 * MS);
        assertTick(interval, 50, 75);
        assertTick(interval, 100, 100);
        clock.work(230 * MS);
        assertTick(interval, 150, 330);
        assertTick(interval, 350, 350);
    }

    @Test
    void skipFromExactlyAMultipleOfThePeriodGoesToTheFollowingOne() {
        Interval interval = interval(50, MissedTickBehavior.SKIP);
        assertTick(interval, 0, 0);
        clock.work(100 * MS);
        assertTick(interval, 50, 100);
        assertTick(interval, 150, 150);
    }

    @Test
    void aChangedMissedTickBehaviorAppliesFromTheNextMissedTick() {
        Interval interval = interval(50, MissedTickBehavior.BURST);
        assertTick(interval, 0, 0);
        clock.work(120 * MS);
        assertTick(interval, 50, 120);
        interval.setMissedTickBehavior(MissedTickBehavior.DELAY);
        assertEquals(MissedTickBehavior.DELAY, interval.missedTickBehavior());
        assertEquals(100 * MS, interval.nextTick(), "the tick already scheduled keeps its time");
        assertTick(interval, 100, 120);
        assertTick(interval, 170, 170);
        assertThrows(NullPointerException.class, () -> interval.setMissedTickBehavior(null));
    }

    @Test
    void aTickLessThanFiveMillisecondsLateIsNotMissed() {
        Interval delay = interval(50, MissedTickBehavior.DELAY);
        assertTick(delay, 0, 0);
        clock.work(55 * MS);
        assertTick(delay, 50, 55);
        assertTick(delay, 100, 100);
        clock.work(55 * MS + 1);
        assertEquals(150 * MS, delay.tick());
        assertEquals(205 * MS + 1, delay.nextTick());
    }

    @Test
    void resetStartsTheScheduleOverFromNow() {
        Interval interval = interval(50, MissedTickBehavior.BURST);
        assertTick(interval, 0, 0);
        clock.work(20 * MS);
        interval.reset();
        assertEquals(70 * MS, interval.nextTick());
        assertTick(interval, 70, 70);
        assertTick(interval, 120, 120);
    }

    @Test
    void aTickInterruptedWhileWaitingConsumesNoTick() {
        Interval interval = interval(50, MissedTickBehavior.BURST);
        assertTick(interval, 0, 0);
        clock.nextSleepFailure = new IllegalStateException("cancelled");
        assertThrows(IllegalStateException.class, interval::tick);
        assertEquals(50 * MS, interval.nextTick());
        assertTick(interval, 50, 50);
    }

    /** As Tokio's interval, whose {@code checked_add} fails over to its far future, thirty years from now. */
    @Test
    void aTickThatOverflowsNanosecondsComesThirtyYearsFromNow() {
        long thirtyYears = Duration.ofDays(30 * 365).toNanos();
        clock.work(7 * MS);
        Interval interval = clock.interval(Duration.ofSeconds(Long.MAX_VALUE), MissedTickBehavior.SKIP);
        assertTick(interval, 7, 7);
        assertEquals(7 * MS + thirtyYears, interval.nextTick());
        clock.work(3 * MS);
        interval.reset();
        assertEquals(10 * MS + thirtyYears, interval.nextTick(), "reset: one period from now, overflowing too");
        interval.resetAfter(Duration.ofSeconds(Long.MAX_VALUE));
        assertEquals(10 * MS + thirtyYears, interval.nextTick(), "resetAfter: a deadline that overflows");
        assertEquals(10 * MS + thirtyYears, interval.tick());
        assertEquals(10 * MS + 2 * thirtyYears, interval.nextTick(), "thirty years after the tick that came");
    }

    @Test
    void aPeriodMustBePositive() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new Interval(clock, 0, Duration.ZERO, MissedTickBehavior.BURST));
        assertTrue(zero.getMessage().contains("period") && zero.getMessage().contains("PT0S"), zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new Interval(clock, 0, Duration.ofMillis(-3), MissedTickBehavior.BURST));
        assertTrue(negative.getMessage().contains("period") && negative.getMessage().contains("-0.003S"),
                negative.getMessage());
        assertThrows(NullPointerException.class, () -> new Interval(clock, 0, Duration.ofMillis(1), null));
    }

    @Test
    void resetAtAPastDeadlineTicksAtOnceAndCountsTheMissedTicksFromIt() {
        Interval i = interval(10, MissedTickBehavior.SKIP);
        assertTick(i, 0, 0);
        clock.work(35 * MS);
        i.resetAt(5 * MS);
        assertTick(i, 5, 35);
        assertEquals(45 * MS, i.nextTick(), "SKIP continues on the schedule from the reset deadline");
    }
}
