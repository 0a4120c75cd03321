package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Both;
import dev.heddle.select.Join;
import dev.heddle.sim.Sim;
import dev.heddle.sync.Semaphore;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Tokio's {@code tokio/tests/macros_try_join.rs}. A {@code try_join!} of two futures is
 * {@link Join#tryJoin}, of any number {@link Join#tryJoinAll}; Tokio's {@code Ok(v)} is a body
 * that returns {@code v}, an {@code Err} a body that throws, which the join rethrows as a
 * {@link JoinException} after aborting the other bodies. As in {@link MacrosJoinTest},
 * {@code biased;} has no counterpart where a test only checks the values.
 */
class MacrosTryJoinTest {

    // Tokio: sync_one_lit_expr_comma, tokio/tests/macros_try_join.rs
    @CurrentThreadTest
    void syncOneLitExprComma() {
        List<Callable<Integer>> bodies = List.of(() -> 1);
        assertEquals(List.of(1), Join.tryJoinAll(bodies));
        // try_join!(biased; async { ok(1) },): the same single body.
        assertEquals(List.of(1), Join.tryJoinAll(bodies));
    }

    // Tokio: sync_two_lit_expr_comma, tokio/tests/macros_try_join.rs
    @CurrentThreadTest
    void syncTwoLitExprComma() {
        assertEquals(new Both<>(1, 2), Join.tryJoin(() -> 1, () -> 2));
        // try_join!(biased; ...): the values come back in the written order all the same.
        assertEquals(new Both<>(1, 2), Join.tryJoin(() -> 1, () -> 2));
    }

    // Tokio: two_await, tokio/tests/macros_try_join.rs
    @CurrentThreadTest
    void twoAwait(Sim sim) {
        var c1 = Oneshot.<String>channel();
        var c2 = Oneshot.<Integer>channel();
        JoinHandle<Both<String, Integer>> join = sim.spawn(() -> Join.tryJoin(c1.receiver()::recv,
                c2.receiver()::recv));
        MacrosJoinTest.awaitWaiting(c1.receiver(), join);
        MacrosJoinTest.awaitWaiting(c2.receiver(), join);
        c2.sender().send(123);
        while (!c2.receiver().isClosed()) {
            Heddle.yieldNow();
        }
        assertFalse(join.isFinished(), "the join ended before its first body had a value");
        c1.sender().send("hello");
        assertEquals(new Both<>("hello", 123), join.join());
    }

    /**
     * The first body's receive fails (its sender closed without sending) while the third still
     * waits for a value that never comes: the join fails at once with that error, aborting the
     * third body rather than waiting for it.
     */
    // Tokio: err_abort_early, tokio/tests/macros_try_join.rs
    @CurrentThreadTest
    void errAbortEarly(Sim sim) {
        var c1 = Oneshot.<String>channel();
        var c2 = Oneshot.<Integer>channel();
        var c3 = Oneshot.<Integer>channel();
        JoinHandle<List<Object>> join = sim.spawn(() -> Join.tryJoinAll(List.<Callable<Object>>of(
                c1.receiver()::recv, c2.receiver()::recv, c3.receiver()::recv)));
        MacrosJoinTest.awaitWaiting(c1.receiver(), join);
        MacrosJoinTest.awaitWaiting(c2.receiver(), join);
        MacrosJoinTest.awaitWaiting(c3.receiver(), join);
        c2.sender().send(123);
        while (!c2.receiver().isClosed()) {
            Heddle.yieldNow();
        }
        assertFalse(join.isFinished(), "the join ended before any body failed");
        c1.sender().close();
        JoinException err = assertThrows(JoinException.class, join::join);
        assertTrue(err.getCause() instanceof JoinException inner && inner.getCause() instanceof ChannelClosedException,
                "the join failed with something else than the first body's closed receive: " + err);
        assertEquals(0, c3.receiver().queuedWaiters(), "the third body still waits after the join failed");
    }

    // Tokio: try_join_does_not_allow_tasks_to_starve, tokio/tests/macros_try_join.rs
    @CurrentThreadTest
    void tryJoinDoesNotAllowTasksToStarve() {
        Semaphore permits = new Semaphore(10);
        Both<Integer, Integer> results = Join.tryJoin(() -> MacrosJoinTest.nonCooperativeTask(permits),
                () -> MacrosJoinTest.poorLittleTask(permits));
        assertEquals(5, results.first());
        assertEquals(5, results.second());
    }

    // Tokio: empty_try_join, tokio/tests/macros_try_join.rs
    @CurrentThreadTest
    void emptyTryJoin() {
        assertEquals(List.of(), Join.tryJoinAll(List.<Callable<Object>>of()));
        // try_join!(biased;): the same empty join.
        assertEquals(List.of(), Join.tryJoinAll(List.<Callable<Object>>of()));
    }
}
