package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.junit.SimTest;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sim.Sim;
import dev.heddle.time.Clock;
import dev.heddle.time.Sleep;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code tokio/tests/time_sleep.rs}: {@link Sleep}, the sleep as an object, and sleeps near
 * the ends of the timer's range. Tokio's {@code time::pause()} at the top of a test switches its
 * clock to virtual time that jumps to the next timer when every task waits: a simulation's clock
 * always is that, so the call has no translation. Where Tokio polls a sleep by hand, the task that
 * holds it polls it with a biased select against a deadline already passed ({@link #ready(Sleep)}).
 *
 * <p>Several tests name levels of Tokio's timer wheel (level 0, wrapping it, past its maximum):
 * what they check is observable, a sleep of N ms ending at N ms of virtual time whichever level
 * holds its timer, and the translation checks that on Heddle's wheel. Tests that sleep for years
 * raise the simulation's time budget ({@code maxTimeSeconds}) above its one-day default.
 */
class TimeSleepTest {
    private static final long MS = 1_000_000;
    private static final long DAY_SECONDS = 86_400;
    /** Tokio's far future, where a sleep whose deadline overflows ends, is thirty years away; a year more. */
    private static final long PAST_FAR_FUTURE = 31 * 365 * DAY_SECONDS;

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    /** Tokio's {@code assert_elapsed!}: at least {@code expected} has passed since {@code start}, at most 1 ms more. */
    private static void assertElapsed(long start, Duration expected) {
        long elapsed = Heddle.now() - start;
        assertTrue(elapsed >= expected.toNanos() && elapsed <= expected.toNanos() + MS,
                "actual = " + elapsed + " ns, expected = " + expected);
    }

    /** Tokio's {@code sleep.poll()} in the task that holds the sleep: whether it completes now, without waiting. */
    private static boolean ready(Sleep sleep) {
        return Select.<Boolean>select().biased()
                .sleep(sleep, () -> true)
                .deadline(Heddle.now(), () -> false)
                .run();
    }

    // Tokio: immediate_sleep, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void immediateSleep(Sim sim) {
        long now = Heddle.now();
        Sleep sleep = sim.clock().newSleepUntil(now);
        assertFalse(sleep.isElapsed(), "not elapsed before it is awaited, though its deadline is now");
        sleep.await();
        assertElapsed(now, ms(0));
        assertTrue(sleep.isElapsed());
    }

    // Tokio: is_elapsed, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void isElapsed(Sim sim) {
        Sleep sleep = sim.clock().newSleep(ms(10));
        assertFalse(sleep.isElapsed());
        assertFalse(ready(sleep));
        assertFalse(sleep.isElapsed());
        sleep.await();
        assertTrue(sleep.isElapsed());
    }

    // Tokio: delayed_sleep_level_0, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void delayedSleepLevel0(Sim sim) {
        for (long i : new long[] {1, 10, 60}) {
            long now = Heddle.now();
            Duration dur = ms(i);
            sim.clock().newSleepUntil(now + dur.toNanos()).await();
            assertElapsed(now, dur);
            assertEquals(now + dur.toNanos(), Heddle.now(), "a whole-millisecond sleep ends exactly at its deadline");
        }
    }

    // Tokio: sub_ms_delayed_sleep, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void subMsDelayedSleep(Sim sim) {
        for (int i = 0; i < 5; i++) {
            long now = Heddle.now();
            long deadline = now + MS + 1;
            sim.clock().newSleepUntil(deadline).await();
            assertElapsed(now, ms(1));
        }
    }

    // Tokio: delayed_sleep_wrapping_level_0, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void delayedSleepWrappingLevel0(Sim sim) {
        sim.clock().sleep(ms(5));
        long now = Heddle.now();
        sim.clock().newSleepUntil(now + 60 * MS).await();
        assertElapsed(now, ms(60));
        assertEquals(now + 60 * MS, Heddle.now());
    }

    // Tokio: reset_future_sleep_before_fire, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void resetFutureSleepBeforeFire(Sim sim) {
        long now = Heddle.now();
        Sleep sleep = sim.clock().newSleepUntil(now + 100 * MS);
        assertFalse(ready(sleep));
        sleep.reset(Heddle.now() + 200 * MS);
        sleep.await();
        assertElapsed(now, ms(200));
    }

    // Tokio: reset_past_sleep_before_turn, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void resetPastSleepBeforeTurn(Sim sim) {
        long now = Heddle.now();
        Sleep sleep = sim.clock().newSleepUntil(now + 100 * MS);
        assertFalse(ready(sleep));
        sleep.reset(now + 80 * MS);
        sleep.await();
        assertElapsed(now, ms(80));
    }

    // Tokio: reset_past_sleep_before_fire, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void resetPastSleepBeforeFire(Sim sim) {
        long now = Heddle.now();
        Sleep sleep = sim.clock().newSleepUntil(now + 100 * MS);
        assertFalse(ready(sleep));
        sim.clock().sleep(ms(10));
        sleep.reset(now + 80 * MS);
        sleep.await();
        assertElapsed(now, ms(80));
    }

    // Tokio: reset_future_sleep_after_fire, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void resetFutureSleepAfterFire(Sim sim) {
        long now = Heddle.now();
        Sleep sleep = sim.clock().newSleepUntil(now + 100 * MS);
        sleep.await();
        assertElapsed(now, ms(100));
        sleep.reset(now + 110 * MS);
        sleep.await();
        assertElapsed(now, ms(110));
    }

    // Tokio: reset_sleep_to_past, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void resetSleepToPast(Sim sim) {
        long now = Heddle.now();
        Sleep sleep = sim.clock().newSleepUntil(now + 100 * MS);
        assertFalse(ready(sleep));
        sim.clock().sleep(ms(50));
        assertFalse(sleep.isElapsed(), "not woken: its deadline is 50 ms away");
        sleep.reset(now + 40 * MS);
        assertTrue(ready(sleep));
        assertTrue(sleep.isElapsed());
    }

    // Tokio: creating_sleep_outside_of_context, tokio/tests/time_sleep.rs
    // Real runtime: none at all: the test is about a sleep made on a plain thread outside every runtime,
    // where Tokio panics and Heddle's time API fails with a message that says where it works.
    @Test
    void creatingSleepOutsideOfContext() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Heddle.clock().newSleepUntil(500 * MS));
        assertTrue(e.getMessage().startsWith("no Heddle runtime on thread"), e.getMessage());
    }

    // Tokio: greater_than_max, tokio/tests/time_sleep.rs
    // Five years is past the range of Tokio's wheel (about two years), whose top level then holds the timer.
    @SimTest(seeds = 20, maxTimeSeconds = 6 * 365 * DAY_SECONDS)
    void greaterThanMax(Sim sim) {
        long fiveYears = 5L * 365 * 24 * 60 * 60 * 1000;
        long deadline = Heddle.now() + fiveYears * MS;
        sim.clock().newSleepUntil(deadline).await();
        assertEquals(deadline, Heddle.now());
    }

    // Tokio: short_sleeps, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void shortSleeps(Sim sim) {
        long start = Heddle.now();
        for (int i = 0; i < 1000; i++) {
            sim.clock().sleep(ms(0));
        }
        assertTrue(Heddle.now() - start <= 1000 * MS, "a sleep of zero takes at most its timer's millisecond");
    }

    // Tokio: multi_long_sleeps, tokio/tests/time_sleep.rs
    @SimTest(seeds = 20, maxTimeSeconds = 16 * 365 * DAY_SECONDS)
    void multiLongSleeps(Sim sim) {
        Clock clock = sim.clock();
        for (int i = 0; i < 5; i++) {
            clock.sleep(Duration.ofSeconds(365 * DAY_SECONDS));
        }
        long deadline = Heddle.now() + Duration.ofSeconds(10 * 365 * DAY_SECONDS).toNanos();
        clock.newSleepUntil(deadline).await();
        assertTrue(Heddle.now() >= deadline);
    }

    // Tokio: long_sleeps, tokio/tests/time_sleep.rs
    @SimTest(seeds = 20, maxTimeSeconds = 11 * 365 * DAY_SECONDS)
    void longSleeps(Sim sim) {
        long deadline = Heddle.now() + Duration.ofSeconds(10 * 365 * DAY_SECONDS).toNanos();
        sim.clock().newSleepUntil(deadline).await();
        assertTrue(Heddle.now() >= deadline);
        assertTrue(Heddle.now() <= deadline + MS);
    }

    // Tokio: reset_after_firing, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void resetAfterFiring(Sim sim) {
        Clock clock = sim.clock();
        Sleep timer = clock.newSleep(ms(1));
        long deadline = timer.deadline();
        timer.await();
        assertTrue(ready(timer));
        timer.reset(Heddle.now() + Duration.ofSeconds(600).toNanos());
        assertNotEquals(deadline, timer.deadline());
        assertFalse(ready(timer));
        assertFalse(ready(timer));
    }

    // Tokio: exactly_max, tokio/tests/time_sleep.rs
    // Tokio's sleep(Duration::MAX) overflows Instant and ends at its far future, thirty years away.
    @SimTest(seeds = 20, maxTimeSeconds = PAST_FAR_FUTURE)
    void exactlyMax(Sim sim) {
        sim.clock().sleep(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
        assertEquals(Duration.ofDays(30 * 365).toNanos(), Heddle.now());
    }

    // Tokio: issue_5183, tokio/tests/time_sleep.rs
    @CurrentThreadTest
    void issue5183(Sim sim) {
        Duration big = Duration.ofSeconds(Long.divideUnsigned(-1L, 10));
        String won = Select.<String>select().biased()
                .sleep(big, () -> "big")
                .sleep(Duration.ofNanos(1), () -> "short")
                .run();
        assertEquals("short", won);
    }

    // Tokio: no_out_of_bounds_close_to_max, tokio/tests/time_sleep.rs
    @SimTest(seeds = 20, maxTimeSeconds = PAST_FAR_FUTURE)
    void noOutOfBoundsCloseToMax(Sim sim) {
        sim.clock().sleep(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999).minusMillis(1));
        assertEquals(Duration.ofDays(30 * 365).toNanos(), Heddle.now());
    }

    // Tokio: drop_after_reschedule_at_new_scheduled_time, tokio/tests/time_sleep.rs
    // Tokio polls three sleeps (5, 5 and 10 ms) so each has a timer, moves the second to 10 ms, the
    // slot of the third, lets the first fire and drops the second. Here each timer is a waiting task:
    // the second task's select is interrupted so that it re-arms its sleep at 10 ms, and the drop is
    // an abort of that task, which cancels its timer. The third must still fire at 10 ms, the second never.
    @CurrentThreadTest
    void dropAfterRescheduleAtNewScheduledTime(Sim sim) {
        Clock clock = sim.clock();
        long start = Heddle.now();
        Sleep a = clock.newSleep(ms(5));
        Sleep b = clock.newSleep(ms(5));
        Sleep c = clock.newSleep(ms(10));
        var move = Oneshot.<Boolean>channel();
        boolean[] bFired = {false};
        JoinHandle<Long> cWaiter = sim.spawn(() -> {
            c.await();
            return Heddle.now();
        });
        JoinHandle<Void> bWaiter = sim.spawn(() -> {
            boolean moved = Select.<Boolean>select().biased()
                    .sleep(b, () -> false)
                    .on(move.receiver().recvOp(), v -> v)
                    .run();
            assertTrue(moved, "b's first deadline, 5 ms, must not pass before it is moved");
            b.reset(start + 10 * MS);
            b.await();
            bFired[0] = true;
        });
        Heddle.yieldNow();
        move.sender().send(true);
        a.await();
        assertEquals(start + 5 * MS, Heddle.now());
        bWaiter.abort();
        assertTrue(assertThrows(JoinException.class, bWaiter::join).isCancelled());
        assertEquals(start + 10 * MS, cWaiter.join());
        assertFalse(bFired[0], "the dropped sleep's timer was cancelled");
    }
}
