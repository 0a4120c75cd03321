package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import org.junit.jupiter.api.Test;

/**
 * {@code tokio/tests/task_yield_now.rs}: {@link Heddle#yieldNow()} where no worker of a runtime
 * runs it. Inside a runtime it is tested with the scheduler ({@code CooperativeBudgetTest} and the
 * runtime's own tests), as Tokio tests it in {@code rt_common}.
 */
class TaskYieldNowTest {

    /**
     * Tokio polls {@code yield_now} by hand with no runtime: it is pending once, wakes itself, and
     * is ready on the next poll. A plain thread is the Java form of "no runtime": there the call
     * lets other threads run and returns, where the calls that need a runtime fail.
     */
    // Tokio: yield_now_outside_of_runtime, tokio/tests/task_yield_now.rs
    // Real runtime: outside every runtime, on a plain thread, as Tokio's test polls yield_now with none; a
    // simulation runs only its own tasks.
    @Test
    void yieldNowOutsideOfRuntime() {
        assertThrows(IllegalStateException.class, Heddle::clock, "this thread is no task of any runtime");
        int returned = 0;
        for (int i = 0; i < 100; i++) {
            Heddle.yieldNow();
            returned++;
        }
        assertEquals(100, returned);
    }

    /**
     * Tokio runs {@code yield_now} on a foreign executor ({@code futures::executor::block_on})
     * inside {@code block_in_place}, on a worker thread handed over to blocking code: the yield
     * must neither panic nor hang there. Here the yield runs in blocking code of a task of the
     * multi-thread runtime, off its workers.
     */
    // Tokio: yield_now_external_executor_and_block_in_place, tokio/tests/task_yield_now.rs
    @MultiThreadTest
    void yieldNowExternalExecutorAndBlockInPlace() {
        JoinHandle<String> j = Heddle.spawn(() -> Heddle.spawnBlocking(() -> {
            Heddle.yieldNow();
            return "yielded";
        }).join());
        assertEquals("yielded", j.join());
    }
}
