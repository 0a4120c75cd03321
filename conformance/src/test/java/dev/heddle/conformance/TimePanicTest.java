package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.sim.SimTime;
import dev.heddle.time.Interval;
import dev.heddle.time.MissedTickBehavior;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code tokio/tests/time_panic.rs}: misuse of the time API panics at the caller's line
 * ({@code #[track_caller]}). In Java the misuse throws at once, on the caller's thread, an
 * exception whose message says what was wrong; each test checks the exception, its message,
 * and that it was thrown from the caller's call (the caller's frame is in its stack trace), not
 * from another task or thread later on.
 */
class TimePanicTest {

    private static void assertThrownFromThisTest(Throwable e) {
        assertTrue(Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(
                TimePanicTest.class.getName())), "not thrown from the caller's call: " + e);
    }

    // Tokio: pause_panic_caller, tokio/tests/time_panic.rs
    @CurrentThreadTest
    void pausePanicCaller() {
        SimTime time = SimTime.current();
        time.pauseAutoAdvance();
        IllegalStateException e = assertThrows(IllegalStateException.class, time::pauseAutoAdvance);
        assertEquals("auto-advance is already paused; resume it before pausing again", e.getMessage());
        assertThrownFromThisTest(e);
    }

    // Tokio: resume_panic_caller, tokio/tests/time_panic.rs
    @CurrentThreadTest
    void resumePanicCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SimTime.current().resumeAutoAdvance());
        assertEquals("auto-advance is not paused; there is nothing to resume", e.getMessage());
        assertThrownFromThisTest(e);
    }

    // Tokio: interval_panic_caller, tokio/tests/time_panic.rs
    @CurrentThreadTest
    void intervalPanicCaller() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Heddle.clock().interval(Duration.ofMillis(0)));
        assertEquals("period must be positive, was PT0S", e.getMessage());
        assertThrownFromThisTest(e);
    }

    // Tokio: interval_at_panic_caller, tokio/tests/time_panic.rs
    @CurrentThreadTest
    void intervalAtPanicCaller() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Interval(Heddle.clock(), Heddle.now(), Duration.ofMillis(0), MissedTickBehavior.BURST));
        assertEquals("period must be positive, was PT0S", e.getMessage());
        assertThrownFromThisTest(e);
    }

    /**
     * Tokio builds a runtime without a timer and calls {@code timeout} in it. Every Heddle runtime
     * has its clock; what has no timer to arm is a thread that is no task of it, where a runtime's
     * clock refuses a timeout, naming the call.
     */
    // Tokio: timeout_panic_caller, tokio/tests/time_panic.rs
    // Real runtime: a real runtime's clock, called from the test's own thread, which is none of its tasks.
    @Test
    void timeoutPanicCaller() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> rt.clock().timeout(Duration.ofMillis(5), () -> 1));
            assertTrue(e.getMessage().startsWith("Clock.timeout must be called from a Heddle task"), e.getMessage());
            assertThrownFromThisTest(e);
        }
    }

    // Tokio: timeout_at_panic_caller, tokio/tests/time_panic.rs
    // Real runtime: as timeout_panic_caller, for a deadline.
    @Test
    void timeoutAtPanicCaller() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> rt.clock().timeoutAt(rt.clock().now(), () -> 1));
            assertTrue(e.getMessage().startsWith("Clock.timeoutAt must be called from a Heddle task"), e.getMessage());
            assertThrownFromThisTest(e);
        }
    }
}
