package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.select.Select;
import dev.heddle.time.Clock;
import dev.heddle.time.Elapsed;
import dev.heddle.time.Sleep;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code tokio/tests/time_rt.rs}: timers on each kind of runtime. Most of Tokio's tests build
 * runtimes on real time and talk to them from the test's own thread, so they run here on
 * Heddle's real runtimes; the one that needs no real runtime runs in the simulator.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TimeRtTest {

    /** Tokio's {@code rt_combinations}: current-thread, and multi-thread with one worker and with four. */
    private static List<RuntimeBuilder> rtCombinations() {
        return List.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(1),
                HeddleRuntime.multiThread().workerThreads(4));
    }

    /** Tokio's {@code sleep.poll()} from the task that holds it: whether it is over, without waiting for it. */
    private static boolean ready(Sleep sleep) {
        return Select.<Boolean>select().biased()
                .sleep(sleep, () -> true)
                .deadline(Heddle.now(), () -> false)
                .run();
    }

    // Tokio: timer_with_threaded_runtime, tokio/tests/time_rt.rs
    // Real runtime: a task of a real multi-thread runtime sleeps, and the test's own thread waits for its message.
    @Test
    void timerWithThreadedRuntime() throws InterruptedException {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().build()) {
            BlockingQueue<String> tx = new ArrayBlockingQueue<>(1);
            rt.spawn(() -> {
                Clock clock = Heddle.clock();
                long when = clock.now() + Duration.ofMillis(10).toNanos();
                clock.sleepUntil(when);
                assertTrue(clock.now() >= when);
                tx.add("slept");
            });
            assertEquals("slept", tx.take());
        }
    }

    // Tokio: timer_with_current_thread_scheduler, tokio/tests/time_rt.rs
    // Real runtime: blockOn on a real current-thread runtime, reporting to the test's own thread.
    @Test
    void timerWithCurrentThreadScheduler() throws InterruptedException {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            BlockingQueue<String> tx = new ArrayBlockingQueue<>(1);
            rt.blockOn(() -> {
                Clock clock = Heddle.clock();
                long when = clock.now() + Duration.ofMillis(10).toNanos();
                clock.sleepUntil(when);
                assertTrue(clock.now() >= when);
                tx.add("slept");
                return null;
            });
            assertEquals("slept", tx.take());
        }
    }

    /**
     * Tokio's {@code Starve} polls a sleep and, while it is pending, wakes itself at once: the
     * task never waits, yet the timer must still fire. Here: a task that checks its sleep and
     * yields, never waiting on it.
     */
    // Tokio: starving, tokio/tests/time_rt.rs
    // Real runtime: the sleep must end while the task keeps running, as real time passes; the simulator's
    // clock is Tokio's paused clock, which stands still while a task is ready.
    @Test
    void starving() {
        for (RuntimeBuilder builder : rtCombinations()) {
            try (HeddleRuntime rt = builder.build()) {
                long polls = rt.blockOn(() -> {
                    long when = Heddle.now() + Duration.ofMillis(10).toNanos();
                    Sleep sleep = Heddle.clock().newSleepUntil(when);
                    long pending = 0;
                    while (!ready(sleep)) {
                        pending++;
                        Heddle.yieldNow();
                    }
                    assertTrue(Heddle.now() >= when);
                    return pending;
                });
                assertTrue(polls > 0, "the sleep was over before the first poll, on " + builder);
            }
        }
    }

    // Tokio: timeout_value, tokio/tests/time_rt.rs
    @CurrentThreadTest
    void timeoutValue() {
        var never = Oneshot.<String>channel();
        long now = Heddle.now();
        Duration dur = Duration.ofMillis(10);
        assertThrows(Elapsed.class, () -> Heddle.clock().timeout(dur, () -> never.receiver().recv()));
        assertTrue(Heddle.now() >= now + dur.toNanos());
        never.sender().send("kept open until here");
    }

    /**
     * Two runtimes whose clocks started at different times (Tokio's "tick spaces"): a sleep made on
     * the older one and reset from a task of the newer one keeps its deadline on the older one's
     * clock, so awaited there it ends 2 ms after it was made. On paused time Tokio asserts exactly
     * 2 ms; on real time the sleep ends at its reset deadline on its own clock, not before.
     */
    // Tokio: tickspace, tokio/tests/time_rt.rs
    // Real runtime: the test is about two runtimes' clocks started a millisecond apart; a simulation has one.
    @Test
    void tickspace() throws InterruptedException {
        try (HeddleRuntime rtPast = HeddleRuntime.currentThread().build()) {
            Thread.sleep(1);
            try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
                Sleep sleep = rtPast.clock().newSleep(Duration.ofMillis(1));
                long deadline = sleep.deadline();
                rt.blockOn(() -> {
                    sleep.reset(deadline + Duration.ofMillis(1).toNanos());
                    return null;
                });
                long ended = rtPast.blockOn(() -> {
                    sleep.await();
                    return rtPast.clock().now();
                });
                assertTrue(ended >= deadline + Duration.ofMillis(1).toNanos(),
                        "ended at " + ended + " ns on the sleep's clock, before its reset deadline "
                                + (deadline + Duration.ofMillis(1).toNanos()));
                assertTrue(rtPast.clock().now() - rt.clock().now() >= Duration.ofMillis(1).toNanos(),
                        "the two runtimes' clocks started less than 1 ms apart, so the test shows nothing");
            }
        }
    }
}
