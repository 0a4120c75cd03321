package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.instrument.SchedulingPoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's side of scheduling points, with the points written by hand where the agent
 * would insert them (its own tests, in sim-agent, run instrumented code). The agent announces
 * itself with a system property, which these tests set as it would.
 */
class InterleavingPointsTest {
    private static final String READ = "InterleavingPointsTest.increment(InterleavingPointsTest.java:1) read count";
    private static final String WRITE = "InterleavingPointsTest.increment(InterleavingPointsTest.java:1) write count";
    private int count;
    private boolean flag;

    @BeforeEach
    void announceAnAgent() {
        System.setProperty(SchedulingPoints.AGENT_PACKAGES_PROPERTY, "dev.heddle.sim");
    }

    @AfterEach
    void forgetTheAgent() {
        System.clearProperty(SchedulingPoints.AGENT_PACKAGES_PROPERTY);
    }

    /** {@code count = count + 1}, as the agent instruments it: a point before the read and before the write. */
    private void increment() {
        SchedulingPoints.point(READ);
        int read = count;
        SchedulingPoints.point(WRITE);
        count = read + 1;
    }

    private int lostUpdateSeeds(boolean points, Strategy strategy) {
        return lostUpdateSeeds(points, strategy, 0);
    }

    private int lostUpdateSeeds(boolean points, Strategy strategy, int workers) {
        int failing = 0;
        for (long seed = 0; seed < 100; seed++) {
            count = 0;
            // PCT's change points must fall inside these runs of about 10 steps.
            Simulation simulation = Simulation.ofSeed(seed).strategy(strategy).pctHorizon(10);
            if (workers > 0) {
                simulation.workers(workers);
            }
            simulation.schedulingPoints(points).run(sim -> {
                JoinHandle<Void> a = sim.spawn(this::increment);
                JoinHandle<Void> b = sim.spawn(this::increment);
                a.join();
                b.join();
            });
            failing += count == 2 ? 0 : 1;
        }
        return failing;
    }

    @Test
    void aLostUpdateWithNoSuspensionBetweenReadAndWriteIsFoundOnlyWithPoints() {
        assertEquals(0, lostUpdateSeeds(false, Strategy.RANDOM));
        assertTrue(lostUpdateSeeds(true, Strategy.RANDOM) > 0);
        assertTrue(lostUpdateSeeds(true, Strategy.PCT) > 0);
        assertEquals(100, lostUpdateSeeds(true, Strategy.FIFO), "FIFO switches at every point: the running task"
                + " goes to the back of the line");
    }

    /** With logical workers a point is a yield into the acting worker's queue, and the seed picks the worker. */
    @Test
    void logicalWorkersChooseAtPointsToo() {
        assertEquals(0, lostUpdateSeeds(false, Strategy.RANDOM, 2));
        assertTrue(lostUpdateSeeds(true, Strategy.RANDOM, 2) > 0);
    }

    /** Both runs of every seed make the same choices at every point, a lost update included. */
    @Test
    void aRunWithPointsIsDeterministic() {
        for (long seed = 0; seed < 100; seed++) {
            Simulation.ofSeed(seed).schedulingPoints(true).checkDeterminism(sim -> {
                count = 0;
                JoinHandle<Void> a = sim.spawn(this::increment);
                JoinHandle<Void> b = sim.spawn(this::increment);
                a.join();
                b.join();
            });
            if (count != 2) {
                return;
            }
        }
        throw new AssertionError("no seed of 100 lost an update");
    }

    @Test
    void aSwitchIsTracedWithItsSite() {
        Trace trace = new Trace(1, true);
        trace.name(2, "task#2");
        trace.pointSite(1, WRITE);
        trace.record(Trace.Event.POINT, 2, 1);
        assertEquals("    #0 switch from task#2 at " + WRITE + "\n", trace.describe(0, 1));
    }

    @Test
    void aBusyWaitOnAPlainFieldFinishes() {
        for (long seed = 0; seed < 20; seed++) {
            flag = false;
            SimulationResult r = Simulation.ofSeed(seed).schedulingPoints(true).run(sim -> {
                JoinHandle<Void> waiter = sim.spawn(() -> {
                    while (true) {
                        SchedulingPoints.point("InterleavingPointsTest(InterleavingPointsTest.java:2) loop");
                        if (flag) {
                            break;
                        }
                    }
                });
                sim.spawn(() -> {
                    SchedulingPoints.point("InterleavingPointsTest(InterleavingPointsTest.java:3) write flag");
                    flag = true;
                }).join();
                waiter.join();
            });
            assertTrue(r.steps() > 2, "steps " + r.steps());
        }
    }

    @Test
    void anEndlessLoopMeetsTheStepBudgetWithItsStack() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(3).schedulingPoints(true)
                .maxSteps(10_000).run(sim -> sim.spawn(this::spinForever).join()));
        assertEquals(FailureKind.STEP_BUDGET_EXCEEDED, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("spinForever(InterleavingPointsTest.java"), f.getMessage());
        assertTrue(f.getMessage().contains(".schedulingPoints(true)"), f.getMessage());
    }

    private void spinForever() {
        while (true) {
            SchedulingPoints.point("InterleavingPointsTest.spinForever(InterleavingPointsTest.java:4) loop");
        }
    }

    @Test
    void noSwitchWhileAMonitorEnteredInInstrumentedCodeIsHeld() {
        for (long seed = 0; seed < 50; seed++) {
            count = 0;
            Object lock = new Object();
            Simulation.ofSeed(seed).schedulingPoints(true).run(sim -> {
                Runnable locked = () -> {
                    SchedulingPoints.point("enter");
                    synchronized (lock) {
                        SchedulingPoints.monitorEntered();
                        increment();
                        SchedulingPoints.leavingSynchronizedMethod();
                    }
                    SchedulingPoints.point("after exit");
                };
                JoinHandle<Void> a = sim.spawn(locked);
                JoinHandle<Void> b = sim.spawn(locked);
                a.join();
                b.join();
            });
            assertEquals(2, count, "seed " + seed);
        }
    }

    @Test
    void virtualThreadsATaskStartsGetPointsToo() throws Exception {
        int failing = 0;
        for (long seed = 0; seed < 100; seed++) {
            count = 0;
            Simulation.ofSeed(seed).schedulingPoints(true).run(sim -> {
                Thread a = Thread.ofVirtual().start(this::increment);
                Thread b = Thread.ofVirtual().start(this::increment);
                a.join();
                b.join();
            });
            failing += count == 2 ? 0 : 1;
        }
        assertTrue(failing > 0);
    }

    @Test
    void pointsWithoutTheAgentFailFastSayingWhatToAdd() {
        System.clearProperty(SchedulingPoints.AGENT_PACKAGES_PROPERTY);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Simulation.ofSeed(1).schedulingPoints(true).run(sim -> { }));
        assertTrue(e.getMessage().contains("-javaagent:"), e.getMessage());
        System.setProperty(SchedulingPoints.AGENT_PACKAGES_PROPERTY, "");
        e = assertThrows(IllegalStateException.class,
                () -> Simulation.ofSeed(1).schedulingPoints(true).run(sim -> { }));
        assertTrue(e.getMessage().contains("instruments no package"), e.getMessage());
    }

    @Test
    void outsideASimulationAPointDoesNothing() {
        count = 0;
        increment();
        assertEquals(1, count);
    }
}
