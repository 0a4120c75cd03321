package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Semaphore#forgetPermits}, {@link SemaphorePermit#merge} and {@link SemaphorePermit#split}. */
class SemaphoreForgetMergeSplitTest {

    // Tokio: forget_permits_basic, tokio/src/sync/tests/semaphore_batch.rs (a unit test of Tokio's semaphore)
    @Test
    void forgetPermitsBasic() {
        Semaphore s = new Semaphore(10);
        assertEquals(4, s.forgetPermits(4));
        assertEquals(6, s.availablePermits());
        assertEquals(6, s.forgetPermits(10));
        assertEquals(0, s.availablePermits());
        assertEquals(0, s.forgetPermits(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.forgetPermits(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void closedOrForgottenPermitsCannotBeMergedOrSplit() {
        Semaphore sem = new Semaphore(3);
        SemaphorePermit held = sem.tryAcquire().orElseThrow();
        SemaphorePermit closed = sem.tryAcquire().orElseThrow();
        closed.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> held.merge(closed));
        assertTrue(e.getMessage().contains("closed or forgotten"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> closed.split(0));
        assertThrows(IllegalArgumentException.class, () -> held.merge(held));
        assertThrows(IllegalArgumentException.class, () -> held.split(-1));
        assertEquals(1, held.permits());
        held.close();
        assertEquals(3, sem.availablePermits());
    }

    /**
     * Holders split their permits and return the parts at random points while others wait: the
     * permits out never exceed the total, waiters get parts as they come back, and every permit
     * comes home.
     */
    @Test
    void splitPartsReturnedApartServeWaitersOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Semaphore s = new Semaphore(4);
                int[] out = new int[1];
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 3; i++) {
                            int n = 1 + Heddle.random().nextInt(4);
                            SemaphorePermit whole = s.acquire(n);
                            out[0] += n;
                            assertTrue(out[0] <= 4, "permits overdrawn: " + out[0] + " out of 4");
                            int k = Heddle.random().nextInt(n + 1);
                            SemaphorePermit part = whole.split(k).orElseThrow();
                            Heddle.yieldNow();
                            out[0] -= k;
                            part.close();
                            Heddle.yieldNow();
                            out[0] -= n - k;
                            whole.close();
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                assertEquals(4, s.availablePermits());
                assertFalse(s.hasWaiters());
            });
        }
    }

    /** Merging never lets a waiter in between: the permits merged stay out until the merged permit is closed. */
    @Test
    void mergedPermitsStayOutUntilTheMergedPermitIsClosedOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Semaphore s = new Semaphore(2);
                SemaphorePermit a = s.acquire();
                SemaphorePermit b = s.acquire();
                boolean[] merged = new boolean[1];
                JoinHandle<Boolean> waiter = sim.spawn(() -> {
                    try (SemaphorePermit p = s.acquire()) {
                        return merged[0];
                    }
                });
                Heddle.yieldNow();
                a.merge(b);
                b.close();
                Heddle.yieldNow();
                merged[0] = true;
                a.close();
                assertTrue(waiter.join(), "a waiter got a permit before the merged permit was closed");
                assertEquals(2, s.availablePermits());
            });
        }
    }

    /** Forgetting races acquirers and releasers: the semaphore ends with exactly the permits not forgotten. */
    @Test
    void forgetPermitsRacingAcquirersOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Semaphore s = new Semaphore(6);
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 3; i++) {
                            try (SemaphorePermit p = s.acquire()) {
                                Heddle.yieldNow();
                            }
                        }
                    }));
                }
                int forgotten = 0;
                for (int i = 0; i < 3; i++) {
                    Heddle.yieldNow();
                    int free = s.availablePermits();
                    int took = s.forgetPermits(1);
                    assertEquals(free > 0 ? 1 : 0, took);
                    forgotten += took;
                }
                s.addPermits(3 - forgotten);
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                assertEquals(3, s.availablePermits());
            });
        }
    }

    @Test
    void splitAndMergeOnTheMultiThreadRuntime() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int left = rt.blockOn(() -> {
                Semaphore s = new Semaphore(8);
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    tasks.add(Heddle.spawn(() -> {
                        for (int i = 0; i < 200; i++) {
                            SemaphorePermit whole = s.acquire(3);
                            SemaphorePermit part = whole.split(2).orElseThrow();
                            SemaphorePermit again = whole.split(1).orElseThrow();
                            part.merge(again);
                            whole.close();
                            Heddle.yieldNow();
                            part.close();
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                return s.availablePermits();
            });
            assertEquals(8, left);
        }
    }
}
