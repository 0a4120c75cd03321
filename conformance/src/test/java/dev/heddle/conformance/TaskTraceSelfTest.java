package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.TaskDump;
import dev.heddle.sim.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tokio/tests/task_trace_self.rs}: Tokio's {@code Trace::capture} / {@code trace_with}
 * record where a future is pending. A Heddle task is a virtual thread, so where it suspends is
 * its stack, which {@link Heddle#dump()} takes: the traces here are the traced task's entry in a
 * dump taken while it waits.
 */
class TaskTraceSelfTest {

    /** The line this is called from. */
    private static int line() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow()).getLineNumber();
    }

    /**
     * Tokio wraps a future and, once it has run for 500 ms, traces its next poll: the trace shows
     * the sleep inside the loop, and neither the yield nor the first sleep, which came earlier.
     * Here a tracer takes the traced task's stack at 505 ms of virtual time.
     */
    // Tokio: task_trace_self, tokio/tests/task_trace_self.rs
    @CurrentThreadTest
    void taskTraceSelf() {
        List<Integer> goodLines = new ArrayList<>();
        List<Integer> badLines = new ArrayList<>();
        JoinHandle<Void> traced = Heddle.spawn("traced", () -> {
            badLines.add(line() + 1);
            Heddle.yieldNow();
            badLines.add(line() + 1);
            Heddle.sleep(Duration.ofMillis(1));
            for (int i = 0; i < 100; i++) {
                goodLines.add(line() + 1);
                Heddle.sleep(Duration.ofMillis(10));
            }
        });
        Heddle.sleep(Duration.ofMillis(505));
        TaskDump.Task trace = Heddle.dump().task(traced.id());
        String file = TaskTraceSelfTest.class.getSimpleName() + ".java:";
        for (int line : goodLines) {
            assertTrue(trace.trace().contains(file + line + ")"), line + " in\n" + trace.trace());
        }
        for (int line : badLines) {
            assertFalse(trace.trace().contains(file + line + ")"), line + " in\n" + trace.trace());
        }
        traced.join();
    }

    private static void innerYieldPoint() {
        Heddle.yieldNow();
    }

    /**
     * Tokio traces a future each time it is pending: once, at the yield inside
     * {@code inner_yield_point}, with the frames from the yield out to the test, in that order,
     * and the future still returns 42. Here the trace is taken of the task while it is yielded, by
     * the test's task, which runs between the task's two steps in the order Tokio polls them: first
     * in, first out, which {@link Strategy#FIFO} replays (a random order may run the task's two
     * steps back to back, leaving no moment to trace it at its yield).
     */
    // Tokio: trace_with_callback_and_backtrace, tokio/tests/task_trace_self.rs
    @SimTest(seeds = 20, strategy = Strategy.FIFO)
    void traceWithCallbackAndBacktrace() {
        JoinHandle<Integer> task = Heddle.spawn(() -> {
            innerYieldPoint();
            return 42;
        });
        List<String> traces = new ArrayList<>();
        while (!task.isFinished()) {
            TaskDump.Task t = Heddle.dump().task(task.id());
            if (t != null && t.trace().contains("innerYieldPoint")) {
                traces.add(t.trace());
            }
            Heddle.yieldNow();
        }
        assertEquals(42, task.join());
        assertEquals(1, traces.size(), traces.toString());
        List<String> expectedInOrder = List.of("Suspension.yieldNow", "Heddle.yieldNow",
                "TaskTraceSelfTest.innerYieldPoint", "TaskTraceSelfTest.lambda$traceWithCallbackAndBacktrace");
        List<String> frames = traces.getFirst().lines().toList();
        assertEquals(expectedInOrder.size(), frames.size(), traces.getFirst());
        for (int i = 0; i < frames.size(); i++) {
            assertTrue(frames.get(i).contains(expectedInOrder.get(i)), expectedInOrder.get(i) + " at " + i + " in\n"
                    + traces.getFirst());
        }
    }
}
