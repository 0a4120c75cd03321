package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A task that waits for work handed to a thread outside the simulation is told so, with the
 * wait and the line, not reported as a deadlock among tasks.
 */
class OutsideWaitTest {

    @Test
    void joiningACompletableFutureOfTheCommonPoolIsNamed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try {
            SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim ->
                    CompletableFuture.supplyAsync(() -> awaitQuietly(release)).join()));
            assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
            assertTrue(f.getMessage().contains("waits in java.util.concurrent.CompletableFuture.join (at "
                    + OutsideWaitTest.class.getName()), f.getMessage());
            assertTrue(f.getMessage().contains("work handed to a thread outside the simulation"), f.getMessage());
            assertTrue(f.getMessage().contains("Heddle.spawn"), f.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aFutureOfAnExecutorOfPlatformThreadsIsNamed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim ->
                    pool.submit(() -> awaitQuietly(release)).get()));
            assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind());
            assertTrue(f.getMessage().contains("waits in java.util.concurrent.FutureTask.get"), f.getMessage());
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    @Test
    void aDeadlockAmongTasksIsStillADeadlock() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            var never = dev.heddle.channel.oneshot.Oneshot.<Integer>channel();
            never.receiver().recv();
        }));
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
