package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.select.Select;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimTime;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.Semaphore;
import dev.heddle.sync.SemaphorePermit;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cooperative budget (Tokio's coop): a loop of operations that are always ready still
 * yields every 128 of them, so the other tasks on its worker run and an abort or a timeout
 * around it takes effect; {@code try*} methods spend nothing; {@link Heddle#unconstrained}
 * switches it off. On the real runtimes and in simulation. Without the budget these loops never
 * give their worker back: the tests would hang, which {@link Timeout} turns into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CooperativeBudgetTest {
    private static final int SEEDS = 20;

    /** The real runtimes; one worker at most where the test needs the looping task's worker to be the only one. */
    static Stream<RuntimeBuilder> runtimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(1),
                HeddleRuntime.multiThread().workerThreads(2));
    }

    static Stream<RuntimeBuilder> singleWorkerRuntimes() {
        return Stream.of(HeddleRuntime.currentThread(), HeddleRuntime.multiThread().workerThreads(1));
    }

    private static <T> T onRuntime(RuntimeBuilder builder, Callable<T> body) {
        try (HeddleRuntime rt = builder.build()) {
            return rt.blockOn(body);
        }
    }

    /** The simulator's two schedulers: one pool of ready tasks, and the multi-thread replay with one worker. */
    private static final List<LongFunction<Simulation>> SIMULATORS =
            List.of(Simulation::ofSeed, seed -> Simulation.ofSeed(seed).workers(1));

    private static void overSeeds(LongFunction<Simulation> simulator, Callable<?> body) {
        for (long seed = 0; seed < SEEDS; seed++) {
            simulator.apply(seed).run(sim -> body.call());
        }
    }

    /** One send and one receive through a channel that always has room and a value: never waits. */
    private static Callable<Void> endlessReadySendAndRecv() {
        Channel<Integer> ch = Mpsc.bounded(1);
        return () -> {
            while (true) {
                ch.sender().send(1);
                ch.receiver().recv();
            }
        };
    }

    // ---- timeouts and aborts reach an always-ready loop ----

    @ParameterizedTest
    @MethodSource("runtimes")
    void aTimeoutAroundAnEndlessReadySendAndRecvLoopFires(RuntimeBuilder builder) {
        Elapsed e = onRuntime(builder, () -> assertThrows(Elapsed.class,
                () -> Heddle.clock().timeout(Duration.ofMillis(1), endlessReadySendAndRecv())));
        assertEquals(Duration.ofMillis(1), e.limit());
    }

    /**
     * Virtual time stands still while a task is ready (as under Tokio's paused clock), so in
     * simulation the 1 ms passes when another task moves time, which it can only do because
     * the loop yields for its budget; the timeout is then delivered at the loop's next yield.
     */
    @Test
    void inSimulationATimeoutAroundAnEndlessReadyLoopFiresOnceTimeMoves() {
        for (LongFunction<Simulation> settings : SIMULATORS) {
            overSeeds(settings, () -> {
                AtomicBoolean looping = new AtomicBoolean();
                Callable<Void> loop = endlessReadySendAndRecv();
                JoinHandle<String> h = Heddle.spawn(() -> {
                    try {
                        Heddle.clock().timeout(Duration.ofMillis(1), () -> {
                            looping.set(true);
                            return loop.call();
                        });
                        return "the endless loop ended";
                    } catch (Elapsed e) {
                        return "timed out";
                    }
                });
                while (!looping.get()) {
                    Heddle.yieldNow();
                }
                SimTime.current().advance(Duration.ofMillis(1));
                assertEquals("timed out", h.join());
                return null;
            });
        }
    }

    /** With nobody to move time, the simulator names an endless ready loop as a busy loop rather than hanging in it. */
    @Test
    void inSimulationAnEndlessReadyLoopAloneIsReportedAsABusyLoop() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).maxSteps(200)
                .run(sim -> Heddle.clock().timeout(Duration.ofMillis(1), endlessReadySendAndRecv())));
        assertEquals(FailureKind.STEP_BUDGET_EXCEEDED, f.kind(), f.getMessage());
    }

    /** The body shared by the runtimes and the simulation: abort a task that loops on ready operations. */
    private static Void abortTheEndlessLoop() {
        CancellationToken looping = new CancellationToken();
        Callable<Void> loop = endlessReadySendAndRecv();
        JoinHandle<Void> h = Heddle.spawn(() -> {
            looping.cancel();
            return loop.call();
        });
        // On one worker this task runs again only when the loop yields for its budget.
        looping.awaitCancellation();
        h.abort();
        JoinException e = assertThrows(JoinException.class, h::join);
        assertTrue(e.isCancelled(), e.getMessage());
        return null;
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void anAbortOfAnEndlessReadySendAndRecvLoopTakesEffect(RuntimeBuilder builder) {
        onRuntime(builder, CooperativeBudgetTest::abortTheEndlessLoop);
    }

    @Test
    void inSimulationAnAbortOfAnEndlessReadySendAndRecvLoopTakesEffect() {
        for (LongFunction<Simulation> settings : SIMULATORS) {
            overSeeds(settings, CooperativeBudgetTest::abortTheEndlessLoop);
        }
    }

    // ---- every kind of ready operation lets the other tasks of its worker run ----

    /** An operation that is ready every time, made fresh for each run: one call per loop iteration. */
    private record ReadyOp(String name, Supplier<Runnable> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ReadyOp> readyOps() {
        return Stream.of(
                new ReadyOp("recv from an always-full channel", () -> {
                    Channel<Integer> ch = Mpsc.bounded(1);
                    ch.sender().trySend(0);
                    return () -> ch.sender().trySend(ch.receiver().recv() + 1);
                }),
                new ReadyOp("bounded send", () -> {
                    Channel<Integer> ch = Mpsc.bounded(1);
                    return () -> {
                        ch.sender().send(1);
                        ch.receiver().tryRecv();
                    };
                }),
                new ReadyOp("uncontended lock", () -> {
                    Mutex<Integer> m = new Mutex<>(0);
                    return () -> {
                        try (var g = m.lock()) {
                            g.set(g.get() + 1);
                        }
                    };
                }),
                new ReadyOp("available permit", () -> {
                    Semaphore s = new Semaphore(1);
                    return () -> s.acquire().close();
                }),
                new ReadyOp("select with a ready branch", () -> {
                    Semaphore s = new Semaphore(1);
                    return () -> Select.<SemaphorePermit>select().on(s.acquireOp(1), p -> p).run().close();
                }),
                new ReadyOp("sleep of zero", () -> () -> Heddle.sleep(Duration.ZERO)),
                new ReadyOp("join of an ended task", () -> {
                    JoinHandle<Integer> ended = Heddle.spawn(() -> 1);
                    return ended::join;
                }),
                new ReadyOp("consumeBudget", () -> Heddle::consumeBudget));
    }

    /**
     * Loops on {@code op} until another task, spawned once the loop runs, has run: on one worker
     * that task runs only if the loop yields. Returns the iterations.
     */
    private static long loopUntilAnotherTaskRuns(ReadyOp op) {
        Runnable step = op.make().get();
        AtomicBoolean otherRan = new AtomicBoolean();
        CancellationToken looping = new CancellationToken();
        JoinHandle<Long> loop = Heddle.spawn(() -> {
            looping.cancel();
            long n = 0;
            while (!otherRan.get()) {
                step.run();
                n++;
            }
            return n;
        });
        looping.awaitCancellation();
        Heddle.spawn(() -> otherRan.set(true));
        long n = loop.join();
        assertTrue(n > 0, op + ": the loop never ran");
        return n;
    }

    static Stream<Arguments> readyOpsOnSingleWorkerRuntimes() {
        return singleWorkerRuntimes().flatMap(rt -> readyOps().map(op -> Arguments.of(rt, op)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("readyOpsOnSingleWorkerRuntimes")
    void aLoopOfReadyOperationsLetsAnotherTaskOnItsWorkerRun(RuntimeBuilder builder, ReadyOp op) {
        onRuntime(builder, () -> loopUntilAnotherTaskRuns(op));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readyOps")
    void inSimulationALoopOfReadyOperationsLetsAnotherTaskRun(ReadyOp op) {
        for (LongFunction<Simulation> settings : SIMULATORS) {
            overSeeds(settings, () -> loopUntilAnotherTaskRuns(op));
        }
    }

    // ---- what spends, how much, and unconstrained ----

    /** 128 units per resume, spent by consumeBudget and by operations that complete at once, never by try*. */
    private static Void countTheBudget() {
        Heddle.yieldNow();
        Channel<Integer> ch = Mpsc.unbounded();
        Mutex<Integer> m = new Mutex<>(0);
        Semaphore s = new Semaphore(1);
        for (int i = 0; i < 1000; i++) {
            ch.sender().trySend(i);
            assertEquals(i, ch.receiver().tryRecv());
            m.tryLock().orElseThrow().close();
            s.tryAcquire().orElseThrow().close();
            ch.sender().send(i); // an unbounded send never waits, so it spends nothing, as in Tokio
            assertEquals(i, ch.receiver().tryRecv());
        }
        assertTrue(Heddle.hasBudgetRemaining(), "try* methods and unbounded sends spent budget");
        for (int i = 0; i < 128; i++) {
            ch.sender().send(i);
        }
        for (int i = 0; i < 127; i++) {
            ch.receiver().recv();
        }
        assertTrue(Heddle.hasBudgetRemaining(), "127 receives left no budget");
        ch.receiver().recv();
        assertFalse(Heddle.hasBudgetRemaining(), "128 receives left budget");
        Heddle.consumeBudget(); // yields first, then spends one unit of the fresh budget
        assertTrue(Heddle.hasBudgetRemaining());
        for (int i = 0; i < 127; i++) {
            Heddle.consumeBudget();
        }
        assertFalse(Heddle.hasBudgetRemaining());
        Heddle.yieldNow();
        assertTrue(Heddle.hasBudgetRemaining(), "a yield refills the budget");
        return null;
    }

    @ParameterizedTest
    @MethodSource("runtimes")
    void everyTaskGets128UnitsPerResumeAndTryMethodsSpendNone(RuntimeBuilder builder) {
        onRuntime(builder, CooperativeBudgetTest::countTheBudget);
    }

    @Test
    void inSimulationEveryTaskGets128UnitsPerResumeAndTryMethodsSpendNone() {
        overSeeds(Simulation::ofSeed, CooperativeBudgetTest::countTheBudget);
    }

    /**
     * Inside {@link Heddle#unconstrained} a thousand ready receives never yield, so a task spawned
     * before them runs only after; outside, the same loop lets it run. Sections nest, and the
     * budget applies again once they are left.
     */
    private static Void unconstrainedNeverYields() {
        Channel<Integer> ch = Mpsc.unbounded();
        for (int i = 0; i < 2000; i++) {
            ch.sender().send(i);
        }
        AtomicInteger otherRuns = new AtomicInteger();
        Heddle.spawn(otherRuns::incrementAndGet);
        int received = Heddle.unconstrained(() -> {
            Heddle.unconstrained(() -> ch.receiver().recv());
            for (int i = 1; i < 1000; i++) {
                ch.receiver().recv();
                assertTrue(Heddle.hasBudgetRemaining());
            }
            return 1000;
        });
        assertEquals(1000, received);
        assertEquals(0, otherRuns.get(), "a task ran while the unconstrained section received");
        for (int i = 0; i < 1000 && otherRuns.get() == 0; i++) {
            ch.receiver().recv();
        }
        assertEquals(1, otherRuns.get(), "the constrained loop never let the other task run");
        return null;
    }

    @Test
    void unconstrainedSwitchesTheBudgetOffOnTheCurrentThreadRuntime() {
        onRuntime(HeddleRuntime.currentThread(), CooperativeBudgetTest::unconstrainedNeverYields);
    }

    @Test
    void inSimulationUnconstrainedSwitchesTheBudgetOff() {
        for (LongFunction<Simulation> settings : SIMULATORS) {
            overSeeds(settings, CooperativeBudgetTest::unconstrainedNeverYields);
        }
    }

    @Test
    void outsideATaskTheBudgetIsUnconstrained() {
        for (int i = 0; i < 1000; i++) {
            Heddle.consumeBudget();
        }
        assertTrue(Heddle.hasBudgetRemaining());
        assertEquals(7, Heddle.unconstrained(() -> 7));
    }

    /** A blocking task has no budget, as Tokio stops it for {@code spawn_blocking}: there is nothing to yield to. */
    @Test
    void aBlockingTaskIsUnconstrained() {
        Callable<Boolean> body = () -> Heddle.spawnBlocking(() -> {
            for (int i = 0; i < 1000; i++) {
                Heddle.consumeBudget();
            }
            return Heddle.hasBudgetRemaining();
        }).join();
        assertTrue(onRuntime(HeddleRuntime.multiThread().workerThreads(1), body));
        Simulation.ofSeed(3).run(sim -> assertTrue(body.call()));
    }

    // ---- in the simulator, a yield for the budget is a scheduling decision ----

    /**
     * Two tasks spend their budgets in turn; which runs after each yield is the simulator's
     * seeded choice: the same seed gives the same order, and seeds give different ones.
     */
    @Test
    void inSimulationAYieldForTheBudgetIsASeededSchedulingDecision() {
        Set<List<String>> orders = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            List<List<String>> runs = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                List<String> order = new ArrayList<>();
                Simulation.ofSeed(seed).checkDeterminism(sim -> {
                    order.clear();
                    JoinHandle<Void> a = Heddle.spawn(() -> spendInTurns("a", order));
                    JoinHandle<Void> b = Heddle.spawn(() -> spendInTurns("b", order));
                    a.join();
                    b.join();
                });
                runs.add(List.copyOf(order));
            }
            assertEquals(runs.get(0), runs.get(1), "seed " + seed + " ordered the yields differently on a rerun");
            assertEquals(20, runs.get(0).size());
            orders.add(runs.get(0));
        }
        assertTrue(orders.size() > 1, "every seed ordered the two tasks' yields the same way: " + orders);
    }

    /** Spends ten budgets, noting each yield it is about to make. */
    private static Void spendInTurns(String name, List<String> order) {
        Heddle.yieldNow();
        for (int i = 0; i < 10 * 128; i++) {
            if (!Heddle.hasBudgetRemaining()) {
                order.add(name);
            }
            Heddle.consumeBudget();
        }
        order.add(name);
        return null;
    }
}
