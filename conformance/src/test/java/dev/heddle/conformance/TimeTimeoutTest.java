package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.junit.SimTest;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import dev.heddle.time.Clock;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code tokio/tests/time_timeout.rs}: {@link Clock#timeout} and {@link Clock#timeoutAt} (Tokio's
 * {@code timeout} and {@code timeout_at}). Tokio's tests step a paused clock by hand
 * ({@code time::pause()}, {@code advance}); here auto-advance is paused and
 * {@link dev.heddle.sim.SimTime#advance} steps the simulation's clock. Where Tokio polls the
 * timeout future by hand and asserts it is pending, a spawned task runs the timeout and the test
 * asserts it has not finished; {@code pending()} is a receive on a oneshot channel nobody sends on.
 */
class TimeTimeoutTest {

    private static Duration ms(long n) {
        return Duration.ofMillis(n);
    }

    /** Lets the tasks an advance or a send woke run, whatever order the seed picks. */
    private static void settle() {
        for (int i = 0; i < 20; i++) {
            Heddle.yieldNow();
        }
    }

    private static void assertElapsed(JoinHandle<?> fut) {
        JoinException e = assertThrows(JoinException.class, fut::join);
        assertInstanceOf(Elapsed.class, e.getCause());
    }

    // Tokio: simultaneous_deadline_future_completion, tokio/tests/time_timeout.rs
    @CurrentThreadTest
    void simultaneousDeadlineFutureCompletion() {
        assertEquals("ready", Heddle.clock().timeoutAt(Heddle.now(), () -> "ready"),
                "a body that completes at once wins against a deadline of now");
    }

    // Tokio: completed_future_past_deadline, tokio/tests/time_timeout.rs
    @CurrentThreadTest
    void completedFuturePastDeadline() {
        assertEquals("ready", Heddle.clock().timeoutAt(Heddle.now() - ms(1000).toNanos(), () -> "ready"),
                "a body that completes at once wins against a deadline already past");
    }

    // Tokio: future_and_deadline_in_future, tokio/tests/time_timeout.rs
    @CurrentThreadTest
    void futureAndDeadlineInFuture(Sim sim) {
        sim.time().pauseAutoAdvance();
        var ch = Oneshot.<String>channel();
        long deadline = Heddle.now() + ms(100).toNanos();
        JoinHandle<String> fut = sim.spawn(() -> Heddle.clock().timeoutAt(deadline, () -> ch.receiver().recv()));
        settle();
        assertFalse(fut.isFinished());
        sim.time().advance(ms(90));
        settle();
        assertFalse(fut.isFinished());
        ch.sender().send("value");
        assertEquals("value", fut.join());
    }

    // Tokio: future_and_timeout_in_future, tokio/tests/time_timeout.rs
    @CurrentThreadTest
    void futureAndTimeoutInFuture(Sim sim) {
        sim.time().pauseAutoAdvance();
        var ch = Oneshot.<String>channel();
        JoinHandle<String> fut = sim.spawn(() -> Heddle.clock().timeout(ms(100), () -> ch.receiver().recv()));
        settle();
        assertFalse(fut.isFinished());
        sim.time().advance(ms(90));
        settle();
        assertFalse(fut.isFinished());
        ch.sender().send("value");
        assertEquals("value", fut.join());
    }

    /** Tokio's {@code Duration::MAX}; the simulation's time budget is raised so that ten years can pass. */
    // Tokio: very_large_timeout, tokio/tests/time_timeout.rs
    @SimTest(seeds = 20, maxTimeSeconds = 3660L * 86_400)
    void veryLargeTimeout(Sim sim) {
        sim.time().pauseAutoAdvance();
        var ch = Oneshot.<String>channel();
        Duration max = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        JoinHandle<String> fut = sim.spawn(() -> Heddle.clock().timeout(max, () -> ch.receiver().recv()));
        settle();
        assertFalse(fut.isFinished());
        sim.time().advance(Duration.ofSeconds(86_400L * 365 * 10));
        settle();
        assertFalse(fut.isFinished());
        ch.sender().send("value");
        assertEquals("value", fut.join());
    }

    // Tokio: deadline_now_elapses, tokio/tests/time_timeout.rs
    @CurrentThreadTest
    void deadlineNowElapses(Sim sim) {
        sim.time().pauseAutoAdvance();
        var never = Oneshot.<String>channel();
        long deadline = Heddle.now();
        JoinHandle<String> fut = sim.spawn(() -> Heddle.clock().timeoutAt(deadline, () -> never.receiver().recv()));
        sim.time().advance(ms(1));
        assertElapsed(fut);
        never.sender().send("kept open until here");
    }

    // Tokio: deadline_future_elapses, tokio/tests/time_timeout.rs
    @CurrentThreadTest
    void deadlineFutureElapses(Sim sim) {
        sim.time().pauseAutoAdvance();
        var never = Oneshot.<String>channel();
        long deadline = Heddle.now() + ms(300).toNanos();
        JoinHandle<String> fut = sim.spawn(() -> Heddle.clock().timeoutAt(deadline, () -> never.receiver().recv()));
        settle();
        assertFalse(fut.isFinished());
        sim.time().advance(ms(301));
        assertElapsed(fut);
        never.sender().send("kept open until here");
    }

    /**
     * A body that never waits (Tokio reads from {@code io::empty()}, always ready; here a channel
     * that always holds a value) exhausts its budget again and again; the timeout still fires,
     * at one of the yields the budget forces.
     */
    // Tokio: timeout_is_not_exhausted_by_future, tokio/tests/time_timeout.rs
    // Real runtime: the 1 ms passes in real time while the body runs; the simulator's clock is Tokio's paused
    // clock, which stands still while a task is ready (CooperativeBudgetTest covers the simulated case).
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void timeoutIsNotExhaustedByFuture() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                Channel<Integer> alwaysReady = Mpsc.bounded(1);
                alwaysReady.sender().trySend(0);
                assertThrows(Elapsed.class, () -> Heddle.clock().timeout(ms(1), () -> {
                    while (true) {
                        alwaysReady.sender().trySend(alwaysReady.receiver().recv());
                    }
                }));
                return null;
            });
        }
    }
}
