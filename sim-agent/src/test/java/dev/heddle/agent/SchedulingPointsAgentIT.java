package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.agent.plain.Workload;
import dev.heddle.agent.test.Counter;
import dev.heddle.agent.test.Flag;
import dev.heddle.agent.test.Registry;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.Strategy;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM started with {@code -javaagent:sim-agent.jar=dev.heddle.agent.test}: the code
 * under test ({@link Counter}, {@link Flag}) is instrumented, this class is not.
 */
class SchedulingPointsAgentIT {
    private static final int SEEDS = 100;

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    /** The first of {@link #SEEDS} seeds whose two increments leave the counter below 2, or -1. */
    private static long firstLostUpdate(boolean points, Strategy strategy, Consumer<Counter> increment,
                                        boolean threadsFromAFactory) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Counter counter = new Counter();
            Simulation.ofSeed(seed).strategy(strategy).pctHorizon(20).schedulingPoints(points).run(sim -> {
                if (threadsFromAFactory) {
                    ThreadFactory threads = Thread.ofVirtual().name("worker-", 0).factory();
                    Thread a = threads.newThread(() -> increment.accept(counter));
                    Thread b = threads.newThread(() -> increment.accept(counter));
                    a.start();
                    b.start();
                    a.join();
                    b.join();
                } else {
                    JoinHandle<Void> a = sim.spawn(() -> increment.accept(counter));
                    JoinHandle<Void> b = sim.spawn(() -> increment.accept(counter));
                    a.join();
                    b.join();
                }
            });
            int total = counter.get() + counter.cell() + counter.atomic();
            if (total < 2) {
                return seed;
            }
        }
        return -1;
    }

    @Test
    void aPlainLostUpdateIsFoundWithinAHundredSeedsWithPointsAndNeverWithout() {
        assertEquals(-1, firstLostUpdate(false, Strategy.RANDOM, Counter::increment, false));
        long random = firstLostUpdate(true, Strategy.RANDOM, Counter::increment, false);
        long pct = firstLostUpdate(true, Strategy.PCT, Counter::increment, false);
        assertTrue(random >= 0 && pct >= 0, "first failing seed: RANDOM " + random + ", PCT " + pct);
    }

    @Test
    void aLostUpdateBetweenThreadsOfAThreadFactoryIsFoundToo() {
        assertEquals(-1, firstLostUpdate(false, Strategy.RANDOM, Counter::increment, true));
        assertTrue(firstLostUpdate(true, Strategy.RANDOM, Counter::increment, true) >= 0);
    }

    @Test
    void lostUpdatesOnAnArrayElementAndAcrossTwoAtomicCallsAreFound() {
        assertEquals(-1, firstLostUpdate(false, Strategy.RANDOM, Counter::incrementCell, false));
        assertTrue(firstLostUpdate(true, Strategy.RANDOM, Counter::incrementCell, false) >= 0);
        assertEquals(-1, firstLostUpdate(false, Strategy.RANDOM, Counter::incrementAtomicWithGetAndSet, false));
        assertTrue(firstLostUpdate(true, Strategy.RANDOM, Counter::incrementAtomicWithGetAndSet, false) >= 0);
    }

    /** The first of {@link #SEEDS} seeds where two tasks both claim one key, or -1. */
    private static long firstDoubleClaim(boolean points, boolean concurrentMap) {
        for (long seed = 0; seed < SEEDS; seed++) {
            Registry registry = new Registry();
            int[] claims = new int[1];
            Simulation.ofSeed(seed).schedulingPoints(points).run(sim -> {
                Runnable claim = () -> {
                    boolean won = concurrentMap ? registry.claimConcurrent("key", "me")
                            : registry.claimSynchronized("key", "me");
                    claims[0] += won ? 1 : 0;
                };
                JoinHandle<Void> a = sim.spawn(claim);
                JoinHandle<Void> b = sim.spawn(claim);
                a.join();
                b.join();
            });
            if (claims[0] > 1) {
                return seed;
            }
        }
        return -1;
    }

    @Test
    void checkThenActOnASynchronizedOrConcurrentMapIsFound() {
        assertEquals(-1, firstDoubleClaim(false, false));
        assertTrue(firstDoubleClaim(true, false) >= 0);
        assertEquals(-1, firstDoubleClaim(false, true));
        assertTrue(firstDoubleClaim(true, true) >= 0);
    }

    /**
     * Points switch inside the monitor too, and a task that then blocks on it is handed the
     * monitor when its holder leaves: mutual exclusion holds, no update is lost.
     */
    @Test
    void incrementsUnderAMonitorAreNeverLost() {
        assertEquals(-1, firstLostUpdate(true, Strategy.RANDOM, Counter::incrementSynchronized, false));
        assertEquals(-1, firstLostUpdate(true, Strategy.RANDOM, Counter::incrementInBlock, false));
        assertEquals(-1, firstLostUpdate(true, Strategy.RANDOM, Counter::incrementInBlock, true));
    }

    private static SimBody busyWait(Flag flag) {
        return sim -> {
            JoinHandle<Void> waiter = sim.spawn(flag::await);
            sim.spawn(flag::raise).join();
            waiter.join();
        };
    }

    @Test
    void aBusyWaitOnAPlainFieldFinishesWithPoints() {
        for (long seed = 0; seed < 20; seed++) {
            SimulationResult r = Simulation.ofSeed(seed).schedulingPoints(true).run(busyWait(new Flag()));
            assertTrue(r.steps() >= 4, "steps " + r.steps());
        }
    }

    /** Without points the waiter never lets the raiser run; the run is abandoned after a tenth of a second. */
    @Test
    void aBusyWaitOnAPlainFieldIsStuckWithoutPoints() {
        Flag flag = new Flag();
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1)
                .stuckAfter(Duration.ofMillis(100)).strategy(Strategy.FIFO).run(busyWait(flag)));
        // The abandoned carrier would spin until the JVM exits: raise the flag from here to let it end.
        flag.raise();
        assertEquals(FailureKind.STUCK, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("Flag.await(Flag.java:"), f.getMessage());
    }

    @Test
    void anEndlessLoopMeetsTheStepBudgetWithItsStack() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(7).schedulingPoints(true)
                .maxSteps(20_000).run(sim -> sim.spawn(Flag::spinForever).join()));
        assertEquals(FailureKind.STEP_BUDGET_EXCEEDED, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("dev.heddle.agent.test.Flag.spinForever(Flag.java:"), f.getMessage());
        assertTrue(f.getMessage().contains(".schedulingPoints(true)"), f.getMessage());
    }

    @Test
    void runsWithPointsAreDeterministic() {
        SimBody race = sim -> {
            Counter counter = new Counter();
            JoinHandle<Void> a = sim.spawn(counter::increment);
            JoinHandle<Void> b = sim.spawn(counter::incrementCell);
            counter.increment();
            a.join();
            b.join();
            sim.always("two increments", counter.get() == 2);
        };
        int failed = 0;
        for (long seed = 0; seed < 30; seed++) {
            try {
                SimulationResult r = Simulation.ofSeed(seed).schedulingPoints(true).checkDeterminism(race);
                assertEquals(r.traceHash(), Simulation.ofSeed(seed).schedulingPoints(true).run(race).traceHash());
            } catch (SimulationFailure f) {
                assertEquals(FailureKind.TASK_FAILED, f.kind(), f.getMessage());
                SimulationFailure again = assertThrows(SimulationFailure.class,
                        () -> Simulation.ofSeed(f.seed()).schedulingPoints(true).run(race));
                assertEquals(f.traceHash(), again.traceHash());
                failed++;
            }
        }
        assertTrue(failed > 0, "some seed loses an update, twice alike");
    }

    /**
     * Points reached inside a class initializer, where the JDK cannot unmount the thread: the
     * switch the run chose waits for the step to end, and the run goes on as usual. The class is
     * initialized once per JVM, so only the first run of this test takes that path.
     */
    @Test
    void pointsInAClassInitializerCannotSwitchAndDoNoHarm() {
        for (long seed = 0; seed < 10; seed++) {
            Counter other = new Counter();
            int[] seen = new int[1];
            Simulation.ofSeed(seed).schedulingPoints(true).run(sim -> {
                JoinHandle<Void> a = sim.spawn(() -> {
                    seen[0] = dev.heddle.agent.test.Initialized.value();
                });
                JoinHandle<Void> b = sim.spawn(other::increment);
                a.join();
                b.join();
            });
            assertEquals(2, seen[0]);
            assertEquals(1, other.get());
        }
    }

    /** The workload's own code is not instrumented; the JDK's and Heddle's classes it works never are. */
    @Test
    void theJdkAndHeddlesOwnClassesHaveNoPoints() {
        for (long seed = 0; seed < 5; seed++) {
            SimulationResult off = Simulation.ofSeed(seed).run(Workload::run);
            SimulationResult on = Simulation.ofSeed(seed).schedulingPoints(true).run(Workload::run);
            assertEquals(off.steps(), on.steps());
            assertEquals(off.traceHash(), on.traceHash());
        }
    }

    /**
     * The failure's schedule tells the lost update: each step is numbered as the run counted it
     * (points where a task went on are steps too), and each names where its task was, so the two
     * reads come before the writes, at the counter's line, never at the main task's.
     */
    @Test
    void theScheduleOfALostUpdateShowsTheReadsAndWritesWhereTheyHappened() {
        SimulationFailure f = null;
        for (long seed = 0; seed < SEEDS && f == null; seed++) {
            try {
                Simulation.ofSeed(seed).schedulingPoints(true).run(sim -> {
                    Counter counter = new Counter();
                    JoinHandle<Void> a = sim.spawn(counter::increment);
                    JoinHandle<Void> b = sim.spawn(counter::increment);
                    a.join();
                    b.join();
                    assertEquals(2, counter.get());
                });
            } catch (SimulationFailure failure) {
                f = failure;
            }
        }
        assertTrue(f != null, "no lost update within " + SEEDS + " seeds");
        String m = f.getMessage();
        assertTrue(m.contains(" read dev.heddle.agent.test.Counter.count"), m);
        long stepLines = m.lines().filter(l -> l.matches("  #\\d+ .*")).count();
        assertEquals(Math.min(40, f.steps()), stepLines, m);
        assertTrue(m.contains("Schedule: the last " + stepLines + " of " + f.steps() + " steps"), m);
        for (String line : m.lines().filter(l -> l.matches("  #\\d+ main#1 .*")).toList()) {
            assertTrue(!line.contains("Counter.increment"), "the main task never ran increment: " + line);
        }
    }
}
