package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.runtime.Heddle;

/**
 * {@code tokio/tests/rt_time_start_paused.rs}: a runtime started with paused time (a
 * simulation's clock always is) does not follow real time.
 */
class RtTimeStartPausedTest {

    /**
     * Tokio's {@code std::thread::sleep}: holds the thread for {@code nanos} of real time without
     * letting the runtime run anything else. A timed park would not do here: in a simulation its
     * wake-up comes from a JDK thread outside the run, which the simulator reports.
     */
    private static void blockTheThread(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    // Tokio: test_start_paused, tokio/tests/rt_time_start_paused.rs
    @CurrentThreadTest
    void testStartPaused() {
        long now = Heddle.now();
        for (int i = 0; i < 5; i++) {
            blockTheThread(1_000_000);
            assertEquals(now, Heddle.now(), "a millisecond of real time moved the virtual clock");
        }
    }
}
