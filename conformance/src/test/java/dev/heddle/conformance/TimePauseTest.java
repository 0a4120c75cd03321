package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sim.Sim;
import dev.heddle.sim.SimTime;
import dev.heddle.time.Clock;
import dev.heddle.time.Interval;
import dev.heddle.time.MissedTickBehavior;
import dev.heddle.time.Sleep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code tokio/tests/time_pause.rs}: Tokio's paused clock and {@code time::advance}. A
 * simulation's clock always is what Tokio calls paused time (virtual, jumping to the next timer
 * when every task waits), and {@link SimTime#advance(Duration)} is {@code advance}. Tokio's
 * {@code pause()} puts the clock under the test's control; Heddle's nearest call is
 * {@link SimTime#pauseAutoAdvance()}, which also stops the jumps, and which a task of a real
 * runtime cannot make, as Tokio's multi-thread runtime refuses {@code pause()}.
 *
 * <p>Where Tokio polls a sleep by hand ({@code assert_pending!(sleep.poll())}), the test polls it
 * in the same task with a biased select against a deadline already passed ({@link #ready(Sleep)});
 * where it asks whether the timer woke the hand-polled task ({@code is_woken}), a spawned task
 * waits on the same deadline with auto-advance paused, so only the advance can wake it.
 */
class TimePauseTest {
    private static final long MS = 1_000_000;
    private static final long US = 1_000;

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    /** Tokio's {@code assert_elapsed!}: at least {@code expected} has passed since {@code start}, at most 1 ms more. */
    private static void assertElapsed(long start, Duration expected) {
        long elapsed = Heddle.now() - start;
        assertTrue(elapsed >= expected.toNanos() && elapsed <= expected.toNanos() + MS,
                "actual = " + elapsed + " ns, expected = " + expected);
    }

    /**
     * Tokio's {@code sleep.poll()} in the task that holds the sleep: whether it completes now,
     * without waiting (a biased select that offers the sleep first and a deadline already passed
     * second).
     */
    private static boolean ready(Sleep sleep) {
        return Select.<Boolean>select().biased()
                .sleep(sleep, () -> true)
                .deadline(Heddle.now(), () -> false)
                .run();
    }

    /** Tokio's {@code poll_tick} answering pending: the interval's next tick is not due yet. */
    private static void assertTickPending(Interval interval) {
        assertTrue(interval.nextTick() > Heddle.now(),
                "next tick at " + interval.nextTick() + " ns is due at " + Heddle.now() + " ns");
    }

    /** Tokio's {@code assert_ready_eq!(poll_next(&mut i), expected)}: the tick is due and completes without waiting. */
    private static void assertTickReady(Interval interval, long expected) {
        long now = Heddle.now();
        assertEquals(expected, interval.tick());
        assertEquals(now, Heddle.now(), "a due tick takes no time");
    }

    /** Lets the tasks an advance woke run, whatever order the seed picks. */
    private static void settle() {
        for (int i = 0; i < 20; i++) {
            Heddle.yieldNow();
        }
    }

    // Tokio: pause_time_in_main, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void pauseTimeInMain() {
        SimTime time = SimTime.current();
        time.pauseAutoAdvance();
        assertTrue(time.isAutoAdvancePaused());
        long before = Heddle.now();
        time.advance(ms(5));
        assertEquals(before + 5 * MS, Heddle.now(), "a paused clock moves when the test says so");
    }

    // Tokio: pause_time_in_task, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void pauseTimeInTask(Sim sim) {
        JoinHandle<Void> t = sim.spawn(() -> SimTime.current().pauseAutoAdvance());
        t.join();
        assertTrue(sim.time().isAutoAdvancePaused(), "paused from a spawned task, for the whole simulation");
    }

    // Tokio: pause_time_in_main_threads, tokio/tests/time_pause.rs
    // Real runtime: Tokio's test is about its real multi-thread runtime, whose clock cannot be paused;
    // Heddle's real runtimes run on real time, and the main task's call fails with a clear message.
    @Test
    void pauseTimeInMainThreads() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(1).build()) {
            IllegalStateException e = rt.blockOn(() -> assertThrows(IllegalStateException.class,
                    () -> SimTime.current().pauseAutoAdvance()));
            assertTrue(e.getMessage().contains("whose time is real and can be neither paused nor advanced"),
                    e.getMessage());
        }
    }

    // Tokio: pause_time_in_spawn_threads, tokio/tests/time_pause.rs
    // Real runtime: as pause_time_in_main_threads, from a spawned task: the task fails and its join says why.
    @Test
    void pauseTimeInSpawnThreads() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(1).build()) {
            JoinException e = rt.blockOn(() -> {
                JoinHandle<Void> t = Heddle.spawn(() -> SimTime.current().pauseAutoAdvance());
                return assertThrows(JoinException.class, t::join);
            });
            assertTrue(e.isFailed(), e.toString());
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
    }

    /**
     * Tokio's {@code paused_time_stress_run}: ten thousand sleeps of seeded random lengths under
     * one second, each sleep's end measured from the start.
     */
    private static List<Long> pausedTimeStressRun() {
        SplittableRandom rng = new SplittableRandom(1);
        List<Long> times = new ArrayList<>();
        long start = Heddle.now();
        for (int i = 0; i < 10_000; i++) {
            Heddle.sleep(Duration.ofNanos(rng.nextLong(1_000_000_000L)));
            times.add(Heddle.now() - start);
        }
        return times;
    }

    // Tokio: paused_time_is_deterministic, tokio/tests/time_pause.rs
    // Tokio runs the stress in two runtimes and compares the results; checkDeterminism runs every
    // seed twice and compares the two runs' traces, which hold every timer and every jump of time.
    // One task drawing from its own fixed seed, as Tokio's: every seed runs the same schedule, so two
    // seeds check all there is (twenty would spend five seconds repeating it).
    @SimTest(seeds = 2, checkDeterminism = true)
    void pausedTimeIsDeterministic(Sim sim) {
        List<Long> times = pausedTimeStressRun();
        assertEquals(10_000, times.size());
        sim.always("each sleep ends no earlier than the one before", times.equals(times.stream().sorted().toList()));
    }

    // Tokio: advance_after_poll, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void advanceAfterPoll(Sim sim) {
        sim.sleep(ms(1));
        long start = Heddle.now();
        Sleep sleep = sim.clock().newSleepUntil(start + 300 * MS);
        assertFalse(ready(sleep));
        long before = Heddle.now();
        sim.time().advance(ms(100));
        assertElapsed(before, ms(100));
        assertFalse(ready(sleep));
    }

    // Tokio: sleep_no_poll, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void sleepNoPoll(Sim sim) {
        long start = Heddle.now();
        sim.time().advance(ms(1));
        Sleep sleep = sim.clock().newSleepUntil(start + 300 * MS);
        long before = Heddle.now();
        sim.time().advance(ms(100));
        assertElapsed(before, ms(100));
        assertFalse(ready(sleep));
    }

    /**
     * Tokio's {@code Tester} future: the task holding the sleep (polled first or not) advances
     * time itself, then finds 100 ms passed and the sleep still pending.
     */
    private static void sleepSameTask(Sim sim, boolean poll) {
        long start = Heddle.now();
        sim.time().advance(ms(1));
        Sleep sleep = sim.clock().newSleepUntil(start + 300 * MS);
        if (poll) {
            assertFalse(ready(sleep));
        }
        long before = Heddle.now();
        sim.time().advance(ms(100));
        assertElapsed(before, ms(100));
        assertFalse(ready(sleep));
    }

    // Tokio: sleep_same_task, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void sleepSameTask(Sim sim) {
        sleepSameTask(sim, true);
    }

    // Tokio: sleep_same_task_no_poll, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void sleepSameTaskNoPoll(Sim sim) {
        sleepSameTask(sim, false);
    }

    // Tokio: interval, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void interval(Sim sim) {
        long start = Heddle.now();
        sim.time().advance(ms(1));
        Interval i = new Interval(sim.clock(), start, ms(300), MissedTickBehavior.BURST);
        assertTickReady(i, start);
        assertTickPending(i);

        long before = Heddle.now();
        sim.time().advance(ms(100));
        assertElapsed(before, ms(100));
        assertTickPending(i);

        before = Heddle.now();
        sim.time().advance(ms(200));
        assertElapsed(before, ms(200));
        assertTickReady(i, start + 300 * MS);
        assertTickPending(i);

        before = Heddle.now();
        sim.time().advance(ms(400));
        assertElapsed(before, ms(400));
        assertTickReady(i, start + 600 * MS);
        assertTickPending(i);

        before = Heddle.now();
        sim.time().advance(ms(500));
        assertElapsed(before, ms(500));
        assertTickReady(i, start + 900 * MS);
        assertTickReady(i, start + 1200 * MS);
        assertTickPending(i);
    }

    // Tokio: test_time_advance_sub_ms, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void testTimeAdvanceSubMs(Sim sim) {
        long now = Heddle.now();
        Duration dur = Duration.ofNanos(51_592 * US);
        sim.time().advance(dur);
        assertEquals(dur.toNanos(), Heddle.now() - now);

        now = Heddle.now();
        dur = Duration.ofNanos(1 * US);
        sim.time().advance(dur);
        assertEquals(dur.toNanos(), Heddle.now() - now);
    }

    // Tokio: test_time_advance_3ms_and_change, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void testTimeAdvance3msAndChange(Sim sim) {
        long now = Heddle.now();
        Duration dur = Duration.ofNanos(3_141_592 * US);
        sim.time().advance(dur);
        assertEquals(dur.toNanos(), Heddle.now() - now);

        now = Heddle.now();
        dur = Duration.ofNanos(3_123_456 * US);
        sim.time().advance(dur);
        assertEquals(dur.toNanos(), Heddle.now() - now);
    }

    // Tokio: regression_3710_with_submillis_advance, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void regression3710WithSubmillisAdvance(Sim sim) {
        long start = Heddle.now();
        sim.time().advance(ms(1));
        Sleep sleep = sim.clock().newSleepUntil(start + Duration.ofSeconds(60).toNanos());
        assertFalse(ready(sleep));
        long before = Heddle.now();
        Duration dur = Duration.ofNanos(51_592 * US);
        sim.time().advance(dur);
        assertEquals(dur.toNanos(), Heddle.now() - before);
        assertFalse(ready(sleep));
    }

    // Tokio: exact_1ms_advance, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void exact1msAdvance(Sim sim) {
        for (int i = 0; i < 2; i++) {
            long now = Heddle.now();
            sim.time().advance(ms(1));
            assertEquals(MS, Heddle.now() - now);
        }
    }

    /**
     * A task that waits for {@code sleep}'s deadline: with auto-advance paused, it can only be
     * woken by an advance (Tokio's {@code is_woken} on the hand-polled sleep).
     */
    private static JoinHandle<Long> waiter(Sim sim, Sleep sleep) {
        long deadline = sleep.deadline();
        return sim.spawn(() -> {
            sim.clock().sleepUntil(deadline);
            return Heddle.now();
        });
    }

    // Tokio: advance_once_with_timer, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void advanceOnceWithTimer(Sim sim) {
        sim.time().pauseAutoAdvance();
        Clock clock = sim.clock();
        Sleep sleep = clock.newSleep(ms(1));
        JoinHandle<Long> woken = waiter(sim, sleep);
        assertFalse(ready(sleep));

        sim.time().advance(Duration.ofNanos(250 * US));
        settle();
        assertFalse(ready(sleep));
        assertFalse(woken.isFinished());

        sim.time().advance(Duration.ofNanos(1500 * US));
        assertEquals(1750 * US, woken.join(), "woken by the advance: auto-advance is paused");
        assertTrue(ready(sleep));
    }

    // Tokio: advance_multi_with_timer, tokio/tests/time_pause.rs
    @CurrentThreadTest
    void advanceMultiWithTimer(Sim sim) {
        sim.time().pauseAutoAdvance();
        Sleep sleep = sim.clock().newSleep(ms(1));
        JoinHandle<Long> woken = waiter(sim, sleep);
        assertFalse(ready(sleep));
        for (int i = 0; i < 3; i++) {
            sim.time().advance(Duration.ofNanos(250 * US));
            settle();
            assertFalse(ready(sleep), "pending at " + Heddle.now() + " ns");
            assertFalse(woken.isFinished());
        }
        sim.time().advance(Duration.ofNanos(250 * US));
        assertEquals(MS, woken.join(), "woken by the advance: auto-advance is paused");
        assertTrue(ready(sleep));
    }
}
