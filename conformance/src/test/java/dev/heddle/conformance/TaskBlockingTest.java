package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/task_blocking.rs}: spawnBlocking and blockInPlace. In simulation a
 * spawnBlocking body is a simulated task on virtual time, so Tokio's {@code thread::sleep} in a
 * blocking body becomes a {@link Heddle#sleep} where the test waits for it, and plain work where
 * the test needs it to take real time but no runtime time (the paused-clock tests): a simulation
 * never lets real time into its clock.
 */
class TaskBlockingTest {
    private static final String BLOCKING_ONLY_MULTI_THREADED =
            "can call blocking only when running on the multi-threaded runtime";

    /** Work that takes real time and no virtual time, as Tokio's thread::sleep in a blocking body does. */
    private static void plainWork() {
        long x = 0;
        for (int i = 0; i < 10_000; i++) {
            x += i;
        }
        if (x < 0) {
            throw new AssertionError();
        }
    }

    // Tokio: basic_blocking, tokio/tests/task_blocking.rs
    @CurrentThreadTest
    void basicBlocking() {
        for (int i = 0; i < 100; i++) {
            String out = Heddle.spawn(() -> Heddle.spawnBlocking(() -> {
                Heddle.sleep(Duration.ofMillis(5));
                return "hello";
            }).join()).join();
            assertEquals("hello", out);
        }
    }

    // Tokio: block_in_blocking, tokio/tests/task_blocking.rs
    @MultiThreadTest
    void blockInBlocking() {
        for (int i = 0; i < 100; i++) {
            String out = Heddle.spawn(() -> Heddle.spawnBlocking(() -> {
                Heddle.blockInPlace(() -> Heddle.sleep(Duration.ofMillis(5)));
                return "hello";
            }).join()).join();
            assertEquals("hello", out);
        }
    }

    // Tokio: block_in_block, tokio/tests/task_blocking.rs
    @MultiThreadTest
    void blockInBlock() {
        for (int i = 0; i < 100; i++) {
            String out = Heddle.spawn(() -> Heddle.blockInPlace(() -> {
                Heddle.blockInPlace(() -> Heddle.sleep(Duration.ofMillis(5)));
                return "hello";
            })).join();
            assertEquals("hello", out);
        }
    }

    // Tokio: no_block_in_current_thread_scheduler, tokio/tests/task_blocking.rs
    @CurrentThreadTest
    void noBlockInCurrentThreadScheduler() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Heddle.blockInPlace(() -> { }));
        assertTrue(e.getMessage().startsWith(BLOCKING_ONLY_MULTI_THREADED), e.getMessage());
    }

    // Tokio: yes_block_in_threaded_block_on, tokio/tests/task_blocking.rs
    @MultiThreadTest
    void yesBlockInThreadedBlockOn() {
        assertEquals(1, Heddle.blockInPlace(() -> 1));
    }

    // Tokio: no_block_in_current_thread_block_on, tokio/tests/task_blocking.rs
    @CurrentThreadTest
    void noBlockInCurrentThreadBlockOn() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Heddle.blockInPlace(() -> { }));
        assertTrue(e.getMessage().startsWith(BLOCKING_ONLY_MULTI_THREADED), e.getMessage());
    }

    // Tokio: can_enter_current_thread_rt_from_within_block_in_place, tokio/tests/task_blocking.rs
    // Real runtime: builds and drives a second, real runtime from inside blockInPlace.
    @Test
    void canEnterCurrentThreadRtFromWithinBlockInPlace() {
        try (HeddleRuntime outer = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int v = outer.blockOn(() -> Heddle.blockInPlace(() -> {
                try (HeddleRuntime inner = HeddleRuntime.currentThread().build()) {
                    return inner.blockOn(() -> Heddle.spawn(() -> 7).join());
                }
            }));
            assertEquals(7, v);
        }
    }

    // Tokio: useful_panic_message_when_dropping_rt_in_rt, tokio/tests/task_blocking.rs
    // Real runtime: builds a second, real runtime inside a task of the first and closes it there.
    @Test
    void usefulPanicMessageWhenDroppingRtInRt() {
        try (HeddleRuntime outer = HeddleRuntime.multiThread().workerThreads(2).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> outer.blockOn(() -> {
                HeddleRuntime inner = HeddleRuntime.currentThread().build();
                try {
                    inner.close();
                } finally {
                    inner.shutdown(Duration.ZERO);
                }
                return null;
            }));
            assertTrue(e.getMessage().contains("Cannot drop a runtime"), "Wrong panic message: " + e.getMessage());
        }
    }

    // Tokio: can_shutdown_with_zero_timeout_in_runtime, tokio/tests/task_blocking.rs
    // Real runtime: builds a second, real runtime inside a task of the first and shuts it down there.
    @Test
    void canShutdownWithZeroTimeoutInRuntime() {
        try (HeddleRuntime outer = HeddleRuntime.multiThread().workerThreads(2).build()) {
            assertTrue(outer.blockOn(() -> HeddleRuntime.currentThread().build().shutdown(Duration.ofNanos(0))));
        }
    }

    /** Tokio's {@code shutdown_background} is {@code shutdown_timeout(0)}. */
    // Tokio: can_shutdown_now_in_runtime, tokio/tests/task_blocking.rs
    // Real runtime: builds a second, real runtime inside a task of the first and shuts it down there.
    @Test
    void canShutdownNowInRuntime() {
        try (HeddleRuntime outer = HeddleRuntime.multiThread().workerThreads(2).build()) {
            assertTrue(outer.blockOn(() -> HeddleRuntime.multiThread().workerThreads(1).build()
                    .shutdown(Duration.ZERO)));
        }
    }

    private static Channel<Integer> twoHundredQueuedAndClosed() {
        Channel<Integer> ch = Mpsc.unbounded();
        for (int i = 0; i < 200; i++) {
            ch.sender().send(i);
        }
        ch.sender().close();
        return ch;
    }

    private static int countAll(Channel<Integer> ch) {
        int n = 0;
        while (ch.receiver().recv() != null) {
            n++;
        }
        assertTrue(Heddle.hasBudgetRemaining(), "201 ready receives inside blockInPlace spent no budget");
        return n;
    }

    /** The body of blockInPlace runs without a cooperative budget, so 200 ready receives never yield there. */
    // Tokio: coop_disabled_in_block_in_place, tokio/tests/task_blocking.rs
    @MultiThreadTest
    void coopDisabledInBlockInPlace() throws Exception {
        Channel<Integer> ch = twoHundredQueuedAndClosed();
        JoinHandle<Integer> jh = Heddle.spawn(() -> Heddle.blockInPlace(() -> countAll(ch)));
        int n = Heddle.clock().timeout(Duration.ofSeconds(1), jh::join);
        assertEquals(200, n, "timed out (probably hanging)");
    }

    // Tokio: coop_disabled_in_block_in_place_in_block_on, tokio/tests/task_blocking.rs
    @MultiThreadTest
    void coopDisabledInBlockInPlaceInBlockOn() {
        Channel<Integer> ch = twoHundredQueuedAndClosed();
        assertEquals(200, Heddle.blockInPlace(() -> countAll(ch)));
    }

    // Tokio: blocking_when_paused, tokio/tests/task_blocking.rs
    @CurrentThreadTest
    void blockingWhenPaused() throws Exception {
        // Do not auto-advance time while a blocking task that has not finished runs.
        Heddle.clock().timeout(Duration.ofSeconds(3), () -> Heddle.spawnBlocking(() -> {
            plainWork();
            return null;
        }).join());
        // Not even when the timeout is shorter than the blocking work takes in real time.
        Heddle.clock().timeout(Duration.ofMillis(1), () -> Heddle.spawnBlocking(() -> {
            plainWork();
            plainWork();
            return null;
        }).join());
    }

    /** Tokio measures real time on a paused clock; here the simulation's clock shows whether it waited. */
    // Tokio: blocking_task_wakes_paused_runtime, tokio/tests/task_blocking.rs
    @CurrentThreadTest
    void blockingTaskWakesPausedRuntime() throws Exception {
        long t0 = Heddle.now();
        Heddle.clock().timeout(Duration.ofSeconds(15), () -> Heddle.spawnBlocking(() -> {
            plainWork();
            return null;
        }).join());
        assertTrue(Heddle.now() - t0 < Duration.ofSeconds(10).toNanos(),
                "completing a spawn_blocking should wake the scheduler if it's parked while time is paused");
    }

    // Tokio: unawaited_blocking_task_wakes_paused_runtime, tokio/tests/task_blocking.rs
    @CurrentThreadTest
    void unawaitedBlockingTaskWakesPausedRuntime() {
        long t0 = Heddle.now();
        JoinHandle<Void> a = Heddle.spawnBlocking(() -> {
            plainWork();
            return null;
        });
        Heddle.sleep(Duration.ofSeconds(15));
        assertTrue(a.isFinished(), "the blocking task finished while the sleep waited");
        a.join();
        assertEquals(Duration.ofSeconds(15).toNanos(), Heddle.now() - t0,
                "time auto-advanced to the sleep's end once the blocking task was done");
    }

    // Tokio: panicking_blocking_task_wakes_paused_runtime, tokio/tests/task_blocking.rs
    @CurrentThreadTest
    void panickingBlockingTaskWakesPausedRuntime() throws Exception {
        long t0 = Heddle.now();
        JoinException result = Heddle.clock().timeout(Duration.ofSeconds(15), () -> assertThrows(JoinException.class,
                () -> Heddle.spawnBlocking(() -> {
                    plainWork();
                    throw new IllegalStateException("blocking task panicked");
                }).join()));
        assertTrue(result.isFailed(), "blocking task should have panicked");
        assertTrue(Heddle.now() - t0 < Duration.ofSeconds(10).toNanos(),
                "completing a spawn_blocking should wake the scheduler if it's parked while time is paused");
    }
}
