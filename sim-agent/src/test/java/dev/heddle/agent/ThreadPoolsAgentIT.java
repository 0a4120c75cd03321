package dev.heddle.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.agent.test.Pools;
import dev.heddle.sim.Simulation;
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
        assertEquals(List.of("result 6", "ran true"), outside.subList(0, 2));
        for (long seed = 0; seed < 20; seed++) {
            SimulationResult result = Simulation.ofSeed(seed).checkDeterminism(sim -> assertEquals(List.of(
                    "result 6", "ran true", "supplied on [ForkJoinPool.commonPool-worker-N]"), Pools.asyncChain()));
            assertEquals(5, result.tasks(), "the main task and one task for each of the four async steps");
        }
    }
}
