package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.time.Elapsed;
import dev.heddle.time.Sleep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code tokio/tests/time_alt.rs}: Tokio's tests of its alternative timer (per-worker timer
 * wheels, {@code enable_alt_timer}) on the multi-thread runtime. Heddle has one timer per
 * runtime; the tests check what a user of either sees: sleeps and timeouts from the main task
 * and from many worker tasks, and a sleep that stays on the clock of the runtime it was made on.
 */
class TimeAltTest {
    private static final int N = 512;
    private static final Duration TEN_MS = Duration.ofMillis(10);

    // Tokio: sleep, tokio/tests/time_alt.rs
    @MultiThreadTest
    void sleep() {
        long now = Heddle.now();
        Heddle.sleep(TEN_MS);
        assertTrue(Heddle.now() - now >= TEN_MS.toNanos());
        List<JoinHandle<Void>> jhs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            jhs.add(Heddle.spawn(() -> {
                long start = Heddle.now();
                Heddle.sleep(TEN_MS);
                assertTrue(Heddle.now() - start >= TEN_MS.toNanos());
            }));
        }
        for (JoinHandle<Void> jh : jhs) {
            jh.join();
        }
    }

    // Tokio: timeout, tokio/tests/time_alt.rs
    @MultiThreadTest
    void timeout() {
        var never = Oneshot.<String>channel();
        long now = Heddle.now();
        assertThrows(Elapsed.class, () -> Heddle.clock().timeout(TEN_MS, () -> never.receiver().recv()),
                "timeout should occur");
        assertTrue(Heddle.now() - now >= TEN_MS.toNanos());
        List<JoinHandle<Void>> jhs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            jhs.add(Heddle.spawn(() -> {
                long start = Heddle.now();
                assertThrows(Elapsed.class, () -> Heddle.clock().timeout(TEN_MS, () -> never.receiver().recv()),
                        "timeout should occur");
                assertTrue(Heddle.now() - start >= TEN_MS.toNanos());
            }));
        }
        for (JoinHandle<Void> jh : jhs) {
            jh.join();
        }
        never.sender().send("kept open until here");
    }

    /**
     * A sleep made by a task of {@code rt1} and reset by a task of {@code rt2} stays on
     * {@code rt1}'s timer. Tokio shows it by dropping {@code rt1}, which fires every timer
     * registered there, the reset one included. A Heddle sleep holds no timer until awaited, so
     * the test shows it by the clock the reset deadline is read on: {@code rt2} starts 50 ms
     * before {@code rt1}, so {@code rt1}'s deadline, read on {@code rt2}'s clock, would be already
     * past, and an await from a task of {@code rt2} would return at once.
     */
    private static void resetStaysOnTheSleepsRuntime(RuntimeBuilder second) throws InterruptedException {
        try (HeddleRuntime rt2 = second.build()) {
            Thread.sleep(50);
            try (HeddleRuntime rt1 = HeddleRuntime.multiThread().workerThreads(1).build()) {
                Sleep sleep = rt1.blockOn(() -> rt1.spawn(() -> Heddle.clock().newSleep(Duration.ofHours(1))).join());
                long deadline = rt2.blockOn(() -> rt2.spawn(() -> {
                    long d = rt1.clock().now() + Duration.ofMillis(20).toNanos();
                    sleep.reset(d);
                    return d;
                }).join());
                assertSame(rt1.clock(), sleep.clock(), "the reset moved the sleep to another runtime's clock");
                long ended = rt2.blockOn(() -> rt2.spawn(() -> {
                    sleep.await();
                    return rt1.clock().now();
                }).join());
                assertTrue(ended >= deadline, "the sleep ended at " + ended + " ns on its runtime's clock, before"
                        + " its deadline " + deadline + " ns: the deadline was read on the other runtime's clock");
            }
        }
    }

    // Tokio: reset_should_stay_on_same_runtime, tokio/tests/time_alt.rs
    // Real runtime: the test is about two real runtimes, each with its own timer and clock.
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void resetShouldStayOnSameRuntime() throws InterruptedException {
        resetStaysOnTheSleepsRuntime(HeddleRuntime.multiThread().workerThreads(1));
    }

    // Tokio: reset_should_stay_on_same_runtime2, tokio/tests/time_alt.rs
    // Real runtime: as reset_should_stay_on_same_runtime, with a current-thread runtime resetting the sleep.
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void resetShouldStayOnSameRuntime2() throws InterruptedException {
        resetStaysOnTheSleepsRuntime(HeddleRuntime.currentThread());
    }
}
