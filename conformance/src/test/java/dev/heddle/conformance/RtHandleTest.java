package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.EnterGuard;
import dev.heddle.runtime.Handle;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sync.Barrier;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/rt_handle.rs}: entering runtimes ({@link HeddleRuntime#enter()},
 * whose {@link EnterGuard}s close in reverse order) and runtime ids ({@link Handle#id()}). A Tokio
 * {@code should_panic} is an {@link IllegalStateException} here.
 */
class RtHandleTest {

    private static HeddleRuntime rt() {
        return HeddleRuntime.currentThread().build();
    }

    // Tokio: basic_enter, tokio/tests/rt_handle.rs
    // Real runtime: enters two real runtimes from the test's own thread.
    @Test
    void basicEnter() {
        try (HeddleRuntime rt1 = rt(); HeddleRuntime rt2 = rt()) {
            EnterGuard enter1 = rt1.enter();
            EnterGuard enter2 = rt2.enter();
            enter2.close();
            enter1.close();
            assertTrue(Handle.tryCurrent().isEmpty());
        }
    }

    // Tokio: interleave_enter_different_rt, tokio/tests/rt_handle.rs
    // Real runtime: enters two real runtimes from the test's own thread.
    @Test
    void interleaveEnterDifferentRt() {
        try (HeddleRuntime rt1 = rt(); HeddleRuntime rt2 = rt()) {
            try (EnterGuard enter1 = rt1.enter(); EnterGuard enter2 = rt2.enter()) {
                assertThrows(IllegalStateException.class, enter1::close);
            }
        }
    }

    // Tokio: interleave_enter_same_rt, tokio/tests/rt_handle.rs
    // Real runtime: enters a real runtime three times from the test's own thread.
    @Test
    void interleaveEnterSameRt() {
        try (HeddleRuntime rt1 = rt()) {
            try (EnterGuard enter1 = rt1.enter(); EnterGuard enter2 = rt1.enter(); EnterGuard enter3 = rt1.enter()) {
                assertThrows(IllegalStateException.class, enter2::close);
            }
        }
    }

    // Tokio: interleave_then_enter, tokio/tests/rt_handle.rs
    // Real runtime: enters real runtimes from the test's own thread.
    @Test
    void interleaveThenEnter() {
        try (HeddleRuntime rt1 = rt(); HeddleRuntime rt2 = rt()) {
            assertThrows(IllegalStateException.class, () -> {
                try (EnterGuard enter1 = rt1.enter(); EnterGuard enter2 = rt2.enter()) {
                    enter1.close();
                }
            });
        }
        // Can still enter.
        try (HeddleRuntime rt3 = rt(); EnterGuard enter = rt3.enter()) {
            assertEquals(rt3.handle(), Handle.current());
        }
    }

    /**
     * Each task polls the other's JoinHandle once (a biased select whose other branch, a zero sleep, is ready)
     * before the barrier; the cycle of handles must not keep the run from ending.
     */
    // Tokio: drop_tasks_with_reference_cycle, tokio/tests/rt_handle.rs
    @CurrentThreadTest
    void dropTasksWithReferenceCycle() {
        Channel<JoinHandle<Void>> ch = Mpsc.bounded(1);
        Barrier barrier = new Barrier(3);
        JoinHandle<Void> a = Heddle.spawn(() -> {
            JoinHandle<Void> b = ch.receiver().recv();
            Select.<Boolean>select().biased().join(b, v -> true).sleep(Duration.ZERO, () -> false).run();
            barrier.await();
        });
        JoinHandle<Void> b = Heddle.spawn(() -> {
            Select.<Boolean>select().biased().join(a, v -> true).sleep(Duration.ZERO, () -> false).run();
            barrier.await();
        });
        ch.sender().send(b);
        barrier.await();
    }

    // Tokio: runtime_id_is_same, tokio/tests/rt_handle.rs
    // Real runtime: compares the ids of a real runtime's handles.
    @Test
    void runtimeIdIsSame() {
        try (HeddleRuntime rt = rt()) {
            Handle handle1 = rt.handle();
            Handle handle2 = rt.handle();
            assertEquals(handle1.id(), handle2.id());
        }
    }

    // Tokio: runtime_ids_different, tokio/tests/rt_handle.rs
    // Real runtime: compares the ids of two real runtimes.
    @Test
    void runtimeIdsDifferent() {
        try (HeddleRuntime rt1 = rt(); HeddleRuntime rt2 = rt()) {
            assertNotEquals(rt1.handle().id(), rt2.handle().id());
        }
    }
}
