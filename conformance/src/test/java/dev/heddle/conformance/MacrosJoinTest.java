package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.channel.oneshot.Receiver;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Both;
import dev.heddle.select.Join;
import dev.heddle.sim.Sim;
import dev.heddle.sync.Semaphore;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Tokio's {@code tokio/tests/macros_join.rs}. A {@code join!} of two futures is
 * {@link Join#join}, of any number {@link Join#joinAll}; a tuple {@code (a, b)} is a
 * {@link Both}, a one-tuple a list of one. Heddle runs each body as its own task, so Tokio's
 * {@code biased;} (the order join! polls its futures in, inside one task) has no counterpart;
 * where a test only checks the values, both of its joins are the same Heddle call.
 */
class MacrosJoinTest {

    // Tokio: sync_one_lit_expr_comma, tokio/tests/macros_join.rs
    @CurrentThreadTest
    void syncOneLitExprComma() {
        List<Callable<Integer>> bodies = List.of(() -> 1);
        assertEquals(List.of(1), Join.joinAll(bodies));
        // join!(biased; async { 1 },): the same single body.
        assertEquals(List.of(1), Join.joinAll(bodies));
    }

    // Tokio: sync_two_lit_expr_comma, tokio/tests/macros_join.rs
    @CurrentThreadTest
    void syncTwoLitExprComma() {
        assertEquals(new Both<>(1, 2), Join.join(() -> 1, () -> 2));
        // join!(biased; ...): the values come back in the written order all the same.
        assertEquals(new Both<>(1, 2), Join.join(() -> 1, () -> 2));
    }

    /** The join stays pending until both values came, whatever order they come in. */
    // Tokio: two_await, tokio/tests/macros_join.rs
    @CurrentThreadTest
    void twoAwait(Sim sim) {
        var c1 = Oneshot.<String>channel();
        var c2 = Oneshot.<Integer>channel();
        JoinHandle<Both<String, Integer>> join = sim.spawn(() -> Join.join(c1.receiver()::recv, c2.receiver()::recv));
        awaitWaiting(c1.receiver(), join);
        awaitWaiting(c2.receiver(), join);
        c2.sender().send(123);
        while (!c2.receiver().isClosed()) {
            Heddle.yieldNow();
        }
        assertFalse(join.isFinished(), "the join ended before its first body had a value");
        c1.sender().send("hello");
        assertEquals(new Both<>("hello", 123), join.join());
    }

    /** Yields until a body of {@code join} waits on {@code rx}: Tokio's {@code assert_pending!}. */
    static void awaitWaiting(Receiver<?> rx, JoinHandle<?> join) {
        while (rx.queuedWaiters() == 0) {
            assertFalse(join.isFinished(), "the join ended before its body waited");
            Heddle.yieldNow();
        }
    }

    /** Takes and releases the one permit 5 x 128 times without waiting for it (Tokio's budget-sized rounds). */
    static int nonCooperativeTask(Semaphore permits) {
        int exceededBudget = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 128; i++) {
                permits.acquire().close();
            }
            exceededBudget++;
        }
        return exceededBudget;
    }

    static int poorLittleTask(Semaphore permits) {
        int howManyTimesIGotToRun = 0;
        for (int i = 0; i < 5; i++) {
            permits.acquire().close();
            howManyTimesIGotToRun++;
        }
        return howManyTimesIGotToRun;
    }

    // Tokio: join_does_not_allow_tasks_to_starve, tokio/tests/macros_join.rs
    @CurrentThreadTest
    void joinDoesNotAllowTasksToStarve() {
        Semaphore permits = new Semaphore(1);
        Both<Integer, Integer> results = Join.join(() -> nonCooperativeTask(permits), () -> poorLittleTask(permits));
        assertEquals(5, results.first());
        assertEquals(5, results.second());
    }

    // Tokio: empty_join, tokio/tests/macros_join.rs
    @CurrentThreadTest
    void emptyJoin() {
        assertEquals(List.of(), Join.joinAll(List.<Callable<Object>>of()));
        // join!(biased;): the same empty join.
        assertEquals(List.of(), Join.joinAll(List.<Callable<Object>>of()));
    }
}
