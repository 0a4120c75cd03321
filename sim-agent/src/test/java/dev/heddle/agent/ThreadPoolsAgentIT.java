package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.agent.test.Pools;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK's thread pools and {@code CompletableFuture}'s async methods, called from instrumented
 * code ({@link Pools}): in a simulation their work runs as tasks of the run, under the names the
 * code would see; outside one they are the JDK's. Runs in the JVM started with
 * {@code -javaagent:sim-agent.jar=dev.heddle.agent.test}.
 */
class ThreadPoolsAgentIT {

    @BeforeAll
    static void needsTheAgent() {
        AgentInThisJvm.required();
    }

    private static final Set<String> TWO_WORKERS = Set.of("threads [pool-N-thread-1]", "threads [pool-N-thread-2]",
            "threads [pool-N-thread-1, pool-N-thread-2]");

    private static void assertFixedPool(List<String> seen) {
        assertEquals("count 6", seen.get(0));
        assertTrue(TWO_WORKERS.contains(seen.get(1)), seen.toString());
        assertEquals("shut down true", seen.get(2));
    }

    @Test
    void aFixedPoolsWorkersAreTasksOfTheRunAndTheSeedDecidesWhichRunsWhat() throws Exception {
        assertFixedPool(Pools.fixedPool());
        for (long seed = 0; seed < 20; seed++) {
            SimulationResult result = Simulation.ofSeed(seed)
                    .checkDeterminism(sim -> assertFixedPool(Pools.fixedPool()));
            assertEquals(3, result.tasks(), "the main task and the pool's two workers");
            assertEquals(List.of(), result.tasksLeftWaiting(), "the shut-down pool's workers ended");
        }
    }

    @Test
    void aSingleThreadExecutorWithAFactoryRunsItsTasksInOrderOnTheFactorysThread()
            throws InterruptedException, ExecutionException {
        List<String> expected = List.of("0 on single (daemon)", "1 on single (daemon)", "2 on single (daemon)");
        assertEquals(expected, Pools.singleThreadWithFactory());
        for (long seed = 0; seed < 10; seed++) {
            Simulation.ofSeed(seed).checkDeterminism(sim -> assertEquals(expected, Pools.singleThreadWithFactory()));
        }
    }

    @Test
    void completableFutureAsyncStepsRunAsTasksNamedAsCommonPoolWorkers() {
        List<String> outside = Pools.asyncChain();
        assertEquals(List.of("result 6, then 7", "ran true"), outside.subList(0, 2));
        for (long seed = 0; seed < 20; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).checkDeterminism(sim -> assertEquals(List.of(
                    "result 6, then 7", "ran true", "supplied on [ForkJoinPool.commonPool-worker-N]"),
                    Pools.asyncChain()));
            assertEquals(6, result.tasks(), "the main task and one task for each of the five async steps");
        }
    }

    @Test
    void theCommonPoolsTasksRunAsTasksOfTheRun() throws Exception {
        List<String> outside = Pools.commonPool();
        assertEquals(List.of("executed", "invoked 6", "same pool true", "shut down false"), outside.subList(1, 5));
        assertTrue(outside.getFirst().startsWith("submitted on ForkJoinPool.commonPool-worker-"), outside.toString());
        for (long seed = 0; seed < 10; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).checkDeterminism(sim -> assertEquals(List.of(
                    "submitted on ForkJoinPool.commonPool-worker-N", "executed", "invoked 6", "same pool true",
                    "shut down false"), Pools.commonPool()));
            assertEquals(4, result.tasks(), "the main task and one task for each of the three submissions");
        }
    }

    @Test
    void aScheduledPoolsWorkersAreTasksOfTheRunAndShutDownInOrder() throws Exception {
        List<String> outside = Pools.scheduledPool();
        assertEquals("count 4", outside.get(0));
        for (long seed = 0; seed < 20; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).checkDeterminism(sim -> {
                List<String> seen = Pools.scheduledPool();
                assertEquals("count 4", seen.get(0));
                assertTrue(TWO_WORKERS.contains(seen.get(1)), seen.toString());
                assertEquals("shut down true", seen.get(2));
            });
            assertEquals(3, result.tasks(), "the main task and the pool's two workers");
            assertEquals(List.of(), result.tasksLeftWaiting(), "the shut-down pool's workers ended");
        }
    }

    @Test
    void anExceptionThatKillsAPoolsWorkerFailsTheRunNamingTheWorker() {
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> Simulation.ofSeed(1).run(sim -> Pools.failingExecute()));
        assertEquals(FailureKind.TASK_FAILED, f.kind(), f.getMessage());
        assertTrue(f.getMessage().matches("(?s).*thread 'pool-\\d+-thread-1'.*lost in the pool.*"), f.getMessage());
    }
}
