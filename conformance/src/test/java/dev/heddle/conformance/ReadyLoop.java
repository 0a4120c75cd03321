package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tokio's {@code *_is_cooperative} tests: a loop of operations that never have to wait
 * ({@code select! { _ = async { loop { tx.send(()); rx.recv().await; } } => {}, _ = yield_now() => {} }})
 * must still let the rest of the program run, because each operation spends the task's
 * cooperative budget and, once it is spent, yields first. Tokio's test ends when
 * {@code yield_now} gets its turn; without the budget it never ends.
 *
 * <p>Here the loop is a task, and the test body is the other party: it waits until the loop
 * has started, then aborts it. On one carrier the body runs again only if the loop yields, and
 * the abort reaches the loop only at a suspension point, so the loop ends cancelled only if it
 * yields. The loop is bounded so that a loop that never yields fails the test quickly (it runs
 * to its end, and the abort comes too late) instead of hanging the run.
 */
final class ReadyLoop {
    /** Iterations before the loop counts as one that never yields: hundreds of Tokio's 128-unit budgets. */
    static final int BOUND = 100_000;

    private ReadyLoop() {}

    /** Runs {@code iteration} in an always-ready loop of its own task and checks the loop lets this task run. */
    static void assertYieldsToOthers(Sim sim, Runnable iteration) {
        AtomicBoolean started = new AtomicBoolean();
        JoinHandle<Integer> loop = sim.spawn(() -> {
            started.set(true);
            for (int i = 0; i < BOUND; i++) {
                iteration.run();
            }
            return BOUND;
        });
        while (!started.get()) {
            Heddle.yieldNow();
        }
        loop.abort();
        JoinException stopped = assertThrows(JoinException.class, loop::join, "the always-ready loop ran "
                + BOUND + " iterations without letting the other task run: its operations spent no cooperative budget");
        assertTrue(stopped.isCancelled(), stopped::toString);
    }
}
