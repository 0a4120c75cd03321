package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.agent.test.Adders;
import dev.heddle.agent.test.LockOrder;
import dev.heddle.agent.test.ThreadApi;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Host;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Platform threads that instrumented code ({@link Adders}, {@link LockOrder}, {@link ThreadApi})
 * starts run as tasks of the simulation, with the {@code Thread} API the code expects; outside a
 * simulation they are the JDK's. Runs in the JVM started with
 * {@code -javaagent:sim-agent.jar=dev.heddle.agent.test}.
 */
class PlatformThreadsAgentIT {
    private static final int SEEDS = 100;

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    @Test
    void aLostUpdateBetweenTwoNewThreadsIsFoundBySomeSeedAndReplays() {
        long found = -1;
        for (long seed = 0; seed < SEEDS && found < 0; seed++) {
            AtomicReference<Integer> count = new AtomicReference<>();
            Simulation.ofSeed(seed).strategy(Strategy.RANDOM).schedulingPoints(true)
                    .run(sim -> count.set(Adders.racingAdds(3)));
            if (count.get() < 6) {
                found = seed;
            }
        }
        assertTrue(found >= 0, "no seed of " + SEEDS + " lost an update");
        long seed = found;
        List<Integer> replays = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Simulation.ofSeed(seed).strategy(Strategy.RANDOM).schedulingPoints(true)
                    .run(sim -> replays.add(Adders.racingAdds(3)));
        }
        assertTrue(replays.get(0) < 6 && replays.get(0).equals(replays.get(1)), "seed " + seed + ": " + replays);
        Simulation.ofSeed(seed).strategy(Strategy.RANDOM).schedulingPoints(true)
                .checkDeterminism(sim -> Adders.racingAdds(3));
    }

    @Test
    void withoutSchedulingPointsEachThreadRunsToItsEndAndNoUpdateIsLost() throws InterruptedException {
        for (long seed = 0; seed < 20; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).run(sim -> assertEquals(6, Adders.racingAdds(3)));
            assertEquals(3, result.tasks(), "the main task and the two threads' runners");
        }
        assertEquals(6, Adders.racingAdds(3));
    }

    @Test
    void theThreadApiAnswersAsTheJdksDoesInsideAndOutside() throws InterruptedException {
        List<String> expected = List.of("before start NEW, alive false", "name worker-1", "is the started thread true",
                "alive true, RUNNABLE", "interrupted true", "interrupted() true, then false",
                "after join TERMINATED, alive false", "a second start is refused");
        assertEquals(expected, ThreadApi.lifeOfAThread());
        for (long seed = 0; seed < 10; seed++) {
            Simulation.ofSeed(seed).checkDeterminism(sim -> assertEquals(expected, ThreadApi.lifeOfAThread()));
        }
    }

    @Test
    void aSubclassOverridingRunRunsAsItself() throws InterruptedException {
        List<String> expected = List.of("running as ticker, current is this true", "interrupted true");
        assertEquals(expected, ThreadApi.subclassOverridingRun());
        Simulation.ofSeed(2).checkDeterminism(sim -> assertEquals(expected, ThreadApi.subclassOverridingRun()));
    }

    @Test
    void unparkingTheThreadObjectTheWorkRecordedWakesItsRunner() throws InterruptedException {
        String expected = "woke parker, the started thread true";
        assertEquals(expected, ThreadApi.unparkTheRecordedThread());
        for (long seed = 0; seed < 10; seed++) {
            Simulation.ofSeed(seed).spuriousWakeups(true)
                    .checkDeterminism(sim -> assertEquals(expected, ThreadApi.unparkTheRecordedThread()));
        }
    }

    @Test
    void anInterruptEndsABlockedWorkersWait() throws InterruptedException {
        List<String> expected = List.of("interrupted in take, flag false", "joined, alive false");
        assertEquals(expected, ThreadApi.interruptABlockedWorker());
        for (long seed = 0; seed < 10; seed++) {
            Simulation.ofSeed(seed).run(sim -> assertEquals(expected, ThreadApi.interruptABlockedWorker()));
        }
    }

    @Test
    void theThreadsHandlerGetsItsUncaughtException() throws InterruptedException {
        List<String> expected = List.of("handler got 'doomed-with-handler' true boom");
        assertEquals(expected, ThreadApi.handlerOfTheThread());
        Simulation.ofSeed(1).run(sim -> assertEquals(expected, ThreadApi.handlerOfTheThread()));
    }

    @Test
    void anUncaughtExceptionNoHandlerTakesFailsTheRunNamingTheThread() {
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> Simulation.ofSeed(1).run(sim -> ThreadApi.throwingThread("doomed-1")));
        assertEquals(FailureKind.TASK_FAILED, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("thread 'doomed-1'"), f.getMessage());
        assertTrue(f.getMessage().contains("no one catches this"), f.getMessage());
        assertTrue(f.getCause() instanceof IllegalStateException, String.valueOf(f.getCause()));
    }

    @Test
    void theDefaultHandlerGetsAnUncaughtExceptionOfAThreadWithoutItsOwn() {
        List<String> caught = new ArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> caught.add(t.getName() + ": " + e.getMessage()));
        try {
            Simulation.ofSeed(1).run(sim -> ThreadApi.throwingThread("handled-by-default"));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertEquals(List.of("handled-by-default: no one catches this"), caught);
    }

    @Test
    void threadsOfThePlatformBuilderRunInTheSimulationUnderTheirNames() throws InterruptedException {
        List<String> expected = List.of("built-1", "built-2", "made-1");
        assertEquals(expected, ThreadApi.platformBuilders());
        SimulationResult result = Simulation.ofSeed(3).run(sim -> assertEquals(expected, ThreadApi.platformBuilders()));
        assertEquals(4, result.tasks(), "the main task and three runners");
    }

    @Test
    void aNonDaemonThreadLeftWaitingIsListedAndADaemonIsAbandoned() {
        SimulationResult daemon = Simulation.ofSeed(1).failOnLeakedTasks(true).run(sim -> ThreadApi.leaveWaiting(true));
        assertEquals(List.of(), daemon.tasksLeftWaiting());
        SimulationResult plain = Simulation.ofSeed(1).run(sim -> ThreadApi.leaveWaiting(false));
        assertEquals(1, plain.tasksLeftWaiting().size(), plain.tasksLeftWaiting().toString());
        assertTrue(plain.tasksLeftWaiting().getFirst().startsWith("waiter#"), plain.tasksLeftWaiting().toString());
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> Simulation.ofSeed(1).failOnLeakedTasks(true).run(sim -> ThreadApi.leaveWaiting(false)));
        assertEquals(FailureKind.LEAKED_TASKS, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("waiter#"), f.getMessage());
    }

    @Test
    void aThreadStartedOnASimulatedHostRunsOnThatHost() {
        Simulation.ofSeed(4).run(sim -> {
            Host db = sim.host("db1", self -> assertEquals("db1", ThreadApi.hostOfANewThread()));
            db.mainTask().join();
            assertEquals("none", ThreadApi.hostOfANewThread());
        });
    }

    @Test
    void aLatchNoThreadOfTheRunCountsDownIsADeadlock() {
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> Simulation.ofSeed(1).run(sim -> ThreadApi.joinAThreadWaitingOnALatchForEver()));
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("main#1 waits for the end of latch-waiter#2"), f.getMessage());
        assertTrue(f.getMessage().contains("latch-waiter#2 waits for java.util.concurrent.CountDownLatch"),
                f.getMessage());
        assertTrue(f.getMessage().contains("no thread of this run escaped it"), f.getMessage());
    }

    @Test
    void crossedLockOrdersDeadlockForSomeSeedNamingBothThreads() {
        SimulationFailure deadlock = null;
        for (long seed = 0; seed < SEEDS && deadlock == null; seed++) {
            try {
                Simulation.ofSeed(seed).schedulingPoints(true).run(sim -> LockOrder.crossed());
            } catch (SimulationFailure f) {
                deadlock = f;
            }
        }
        assertTrue(deadlock != null, "no seed of " + SEEDS + " deadlocked");
        String report = deadlock.getMessage();
        assertEquals(FailureKind.DEADLOCK, deadlock.kind(), report);
        assertTrue(report.contains("locker-a#") && report.contains("locker-b#"), report);
        assertTrue(report.contains("main#1 waits for the end of locker-a#"), report);
        assertTrue(!report.contains("platform thread"), report);
    }
}
