package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.select.Select;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/macros_select.rs}. A {@code select!} is a {@link Select}; a branch on
 * an {@code async { ... }} block that completes when polled is {@link Select#ready}, a branch on a
 * channel is its op ({@code recvOp()}), {@code , if cond} is {@link Select#when}, {@code biased;}
 * is {@link Select#biased()}, {@code else} is {@link Select#orElse}, and a refutable pattern
 * ({@code Some(x) = ...}) is a pattern branch. Tests that poll a task by hand
 * ({@code tokio_test::task::spawn}) spawn it, wait until its select waits on a channel
 * ({@code queuedWaiters()}), and check it has not finished where Tokio asserts pending.
 */
class MacrosSelectTest {

    private static int one() {
        return 1;
    }

    /** Yields until the task waits on {@code rx} (its select enqueued there): Tokio's {@code assert_pending!}. */
    private static void awaitWaiting(dev.heddle.channel.oneshot.Receiver<?> rx, JoinHandle<?> task) {
        while (rx.queuedWaiters() == 0) {
            assertFalse(task.isFinished(), "the selecting task ended before it waited");
            Heddle.yieldNow();
        }
        assertFalse(task.isFinished());
    }

    // Tokio: sync_one_lit_expr_comma, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void syncOneLitExprComma() {
        int foo = Select.<Integer>select().ready(() -> 1, v -> v).run();
        assertEquals(1, foo);
    }

    // Tokio: no_branch_else_only, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void noBranchElseOnly() {
        int foo = Select.<Integer>select().orElse(() -> 1).run();
        assertEquals(1, foo);
    }

    // Tokio: no_branch_else_only_biased, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void noBranchElseOnlyBiased() {
        int foo = Select.<Integer>select().biased().orElse(() -> 1).run();
        assertEquals(1, foo);
    }

    // Tokio: nested_one, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void nestedOne() {
        int foo = Select.<Integer>select()
                .ready(() -> 1, outer -> Select.<Integer>select().ready(() -> outer, bar -> bar).run())
                .run();
        assertEquals(1, foo);
    }

    // Tokio: sync_one_await, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void syncOneAwait() {
        int foo = Select.<Integer>select().ready(MacrosSelectTest::one, v -> v).run();
        assertEquals(1, foo);
    }

    /** The branch's operation made first and held in a variable, as Tokio binds the future to {@code one}. */
    // Tokio: sync_one_ident, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void syncOneIdent() {
        var channel = Oneshot.<Integer>channel();
        channel.sender().send(one());
        SelectableOp<Integer> oneOp = channel.receiver().recvOp();
        int foo = Select.<Integer>select().on(oneOp, v -> v).run();
        assertEquals(1, foo);
    }

    /** Both branches are ready when polled: the select polls one, takes it, and never runs the other. */
    // Tokio: sync_two, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void syncTwo() {
        AtomicInteger cnt = new AtomicInteger();
        int res = Select.<Integer>select()
                .ready(() -> {
                    cnt.incrementAndGet();
                    return 1;
                }, foo -> foo)
                .ready(() -> {
                    cnt.incrementAndGet();
                    return 2;
                }, bar -> bar)
                .run();
        assertEquals(1, cnt.get());
        assertTrue(res == 1 || res == 2, "res " + res);
    }

    // Tokio: one_ready, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void oneReady() {
        var c1 = Oneshot.<Integer>channel();
        var c2 = Oneshot.<Integer>channel();
        c1.sender().send(1);
        int v = Select.<Integer>select()
                .on(c1.receiver().recvOp(), res -> res)
                .on(c2.receiver().recvOp(), res -> fail("rx2 has no value and its sender is open"))
                .run();
        assertEquals(1, v);
    }

    /** {@code Some(x) = rx.recv()} is a receive branch: a closed, drained channel disables it. */
    // Tokio: select_streams, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void selectStreams(Sim sim) {
        var c1 = Mpsc.<Integer>unbounded();
        var c2 = Mpsc.<Integer>unbounded();
        sim.spawn(() -> {
            c2.sender().send(1);
            Heddle.yieldNow();
            c1.sender().send(2);
            Heddle.yieldNow();
            c2.sender().send(3);
            Heddle.yieldNow();
            c1.sender().close();
            c2.sender().close();
        });
        boolean[] rem = {true};
        List<Integer> msgs = new ArrayList<>();
        while (rem[0]) {
            Select.<Void>select()
                    .on(c1.receiver().recvOp(), x -> {
                        msgs.add(x);
                        return null;
                    })
                    .on(c2.receiver().recvOp(), y -> {
                        msgs.add(y);
                        return null;
                    })
                    .orElse(() -> {
                        rem[0] = false;
                        return null;
                    })
                    .run();
        }
        msgs.sort(null);
        assertEquals(List.of(1, 2, 3), msgs);
    }

    /** The losing receive leaves its value in its channel, where a later receive finds it. */
    // Tokio: move_uncompleted_futures, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void moveUncompletedFutures() {
        var c1 = Oneshot.<Integer>channel();
        var c2 = Oneshot.<Integer>channel();
        c1.sender().send(1);
        c2.sender().send(2);
        boolean ran = Select.<Boolean>select()
                .on(c1.receiver().recvOp(), res -> {
                    assertEquals(1, res);
                    assertEquals(2, c2.receiver().recv());
                    return true;
                })
                .on(c2.receiver().recvOp(), res -> {
                    assertEquals(2, res);
                    assertEquals(1, c1.receiver().recv());
                    return true;
                })
                .run();
        assertTrue(ran);
    }

    // Tokio: nested, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void nested() {
        int res = Select.<Integer>select()
                .ready(() -> 1, x -> Select.<Integer>select().ready(() -> 2, y -> x + y).run())
                .run();
        assertEquals(3, res);
    }

    /**
     * {@code Some(_) = f} where {@code f} completes with {@code None}: the branch is disabled after
     * its one poll, and polling {@code f} again would fail its assertion; the select waits for
     * {@code rx} instead.
     */
    // Tokio: future_panics_after_poll, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void futurePanicsAfterPoll(Sim sim) {
        var c = Oneshot.<Integer>channel();
        boolean[] polled = {false};
        JoinHandle<Integer> f = sim.spawn(() -> Select.<Integer>select()
                .ready(() -> {
                    assertFalse(polled[0], "f polled again after its branch was disabled");
                    polled[0] = true;
                    return Optional.<Integer>empty();
                }, Optional::isPresent, unreachable -> fail("None matched Some(_)"))
                .on(c.receiver().recvOp(), ret -> ret)
                .run());
        awaitWaiting(c.receiver(), f);
        Heddle.yieldNow();
        assertFalse(f.isFinished());
        c.sender().send(1);
        assertEquals(1, f.join());
    }

    // Tokio: disable_with_if, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void disableWithIf(Sim sim) {
        var c = Oneshot.<Boolean>channel();
        JoinHandle<String> f = sim.spawn(() -> Select.<String>select()
                .when(false).ready(() -> fail("a branch disabled by its if was polled"), v -> "f")
                .on(c.receiver().recvOp(), v -> "rx")
                .run());
        awaitWaiting(c.receiver(), f);
        c.sender().send(true);
        assertEquals("rx", f.join());
    }

    // Tokio: join_with_select, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void joinWithSelect(Sim sim) {
        var c1 = Oneshot.<Integer>channel();
        var c2 = Oneshot.<Integer>channel();
        Integer[] ab = {null, null};
        JoinHandle<List<Integer>> f = sim.spawn(() -> {
            while (ab[0] == null || ab[1] == null) {
                Select.<Void>select()
                        .when(ab[0] == null).on(c1.receiver().recvOp(), v1 -> {
                            ab[0] = v1;
                            return null;
                        })
                        .when(ab[1] == null).on(c2.receiver().recvOp(), v2 -> {
                            ab[1] = v2;
                            return null;
                        })
                        .run();
            }
            return List.of(ab[0], ab[1]);
        });
        awaitWaiting(c1.receiver(), f);
        c1.sender().send(123);
        // Woken, the task takes a and selects again, in one step: then it waits on rx2 alone.
        while (ab[0] == null) {
            Heddle.yieldNow();
        }
        assertFalse(f.isFinished());
        assertEquals(1, c2.receiver().queuedWaiters(), "the second select does not wait on rx2");
        assertEquals(0, c1.receiver().queuedWaiters(), "the second select waits on rx1 though a is set");
        c2.sender().send(456);
        assertEquals(List.of(123, 456), f.join());
    }

    // Tokio: use_future_in_if_condition, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void useFutureInIfCondition() {
        Select.<Void>select()
                .when(false).sleep(Duration.ofMillis(10), () -> fail("if condition ignored"))
                .ready(() -> 1, one -> null)
                .run();
    }

    // Tokio: use_future_in_if_condition_biased, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void useFutureInIfConditionBiased() {
        Select.<Void>select().biased()
                .when(false).sleep(Duration.ofMillis(10), () -> fail("if condition ignored"))
                .ready(() -> 1, one -> null)
                .run();
    }

    /** Tokio's macro takes at most 64 branches; a select of 64 ready branches returns one of them. */
    // Tokio: many_branches, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void manyBranches() {
        Select<Integer> select = Select.select();
        for (int i = 0; i < 64; i++) {
            select.ready(() -> 1, x -> x);
        }
        assertEquals(1, select.run());
    }

    // Tokio: biased_one_not_ready, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void biasedOneNotReady() {
        var c1 = Oneshot.<Integer>channel();
        var c2 = Oneshot.<Integer>channel();
        var c3 = Oneshot.<Integer>channel();
        c2.sender().send(2);
        c3.sender().send(3);
        int v = Select.<Integer>select().biased()
                .on(c1.receiver().recvOp(), x -> fail("rx1 has no value"))
                .on(c2.receiver().recvOp(), res -> res)
                .on(c3.receiver().recvOp(), x -> fail("rx2 is polled before rx3 because the select is biased"))
                .run();
        assertEquals(2, v);
    }

    /**
     * Tokio's {@code two} and {@code three} are futures that yield once: pending at the first
     * select, ready at the next. Here they are receives whose values arrive after the first
     * select ({@code one}'s handler sends them, where Tokio's yields have woken the task): the
     * biased select then takes {@code two} before {@code three}, each guard then disables its
     * branch, and {@code else} ends the loop.
     */
    // Tokio: biased_eventually_ready, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void biasedEventuallyReady() {
        var two = Oneshot.<Boolean>channel();
        var three = Oneshot.<Boolean>channel();
        int[] count = {0};
        boolean[] done = {false};
        while (!done[0]) {
            Select.<Void>select().biased()
                    .when(count[0] < 2).on(two.receiver().recvOp(), v -> {
                        count[0]++;
                        assertEquals(2, count[0]);
                        return null;
                    })
                    .when(count[0] < 3).on(three.receiver().recvOp(), v -> {
                        count[0]++;
                        assertEquals(3, count[0]);
                        return null;
                    })
                    .when(count[0] < 1).ready(() -> null, v -> {
                        count[0]++;
                        assertEquals(1, count[0]);
                        two.sender().send(true);
                        three.sender().send(true);
                        return null;
                    })
                    .orElse(() -> {
                        done[0] = true;
                        return null;
                    })
                    .run();
        }
        assertEquals(3, count[0]);
    }

    // Tokio: deterministic_select_current_thread, tokio/tests/macros_select.rs
    // Own simulations: builds two simulations from one seed and compares them, as Tokio builds two runtimes
    @Test
    void deterministicSelectCurrentThread() {
        assertEquals(selectValuesOfARun(Simulation.ofSeed(0x5eed)), selectValuesOfARun(Simulation.ofSeed(0x5eed)));
    }

    // Tokio: deterministic_select_multi_thread, tokio/tests/macros_select.rs
    // Own simulations: builds two simulations from one seed and compares them, as Tokio builds two runtimes
    @Test
    void deterministicSelectMultiThread() {
        assertEquals(selectValuesOfARun(Simulation.ofSeed(0x5eed).workers(1)),
                selectValuesOfARun(Simulation.ofSeed(0x5eed).workers(1)));
    }

    /** Tokio's {@code (select_0_to_9().await, select_0_to_9().await)} in a spawned task of one run. */
    private static List<Integer> selectValuesOfARun(Simulation simulation) {
        List<Integer> values = new ArrayList<>();
        simulation.run(sim -> {
            List<Integer> inTask = sim.spawn(() -> List.of(select0To9(), select0To9())).join();
            values.addAll(inTask);
        });
        return values;
    }

    private static int select0To9() {
        Select<Integer> select = Select.select();
        for (int i = 0; i < 10; i++) {
            int x = i;
            select.ready(() -> x, v -> v);
        }
        return select.run();
    }

    /**
     * A select spends one unit of the cooperative budget, as Tokio's {@code consume_budget}
     * branch does there: 128 ready selects complete within one run of the task, and the 129th
     * yields before it completes (Tokio's pending poll), which a fresh budget afterwards shows,
     * since only a suspension refills it.
     */
    // Tokio: select_is_budget_aware, tokio/tests/macros_select.rs
    @CurrentThreadTest
    void selectIsBudgetAware() {
        final int budget = 128;
        Heddle.yieldNow();
        for (int i = 0; i < budget; i++) {
            assertEquals("first", readySelect());
        }
        assertFalse(Heddle.hasBudgetRemaining(), "128 ready selects spent the budget without yielding");
        assertEquals("first", readySelect());
        assertTrue(Heddle.hasBudgetRemaining(), "the 129th select yielded first, and so resumed with a fresh budget");
    }

    private static String readySelect() {
        return Select.<String>select().biased().ready(() -> 1, v -> "first").ready(() -> 2, v -> "second").run();
    }
}
