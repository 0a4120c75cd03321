package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SemaphoreTest {

    @Test
    void permitsAreTakenAndReturnedByClosingThem() {
        Semaphore s = new Semaphore(3);
        SemaphorePermit two = s.tryAcquire(2).orElseThrow();
        assertEquals(2, two.permits());
        assertEquals(1, s.availablePermits());
        assertTrue(s.tryAcquire(2).isEmpty());
        two.close();
        two.close();
        assertEquals(3, s.availablePermits());
        s.tryAcquire().orElseThrow().forget();
        assertEquals(2, s.availablePermits());
        s.addPermits(5);
        assertEquals(7, s.availablePermits());
    }

    @Test
    void badCountsFailNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        Semaphore s = new Semaphore(1);
        e = assertThrows(IllegalArgumentException.class, () -> s.tryAcquire(0));
        assertTrue(e.getMessage().contains("was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.addPermits(Semaphore.MAX_PERMITS));
        assertTrue(e.getMessage().contains("MAX_PERMITS"), e.getMessage());
    }

    @Test
    void aLargeRequestAtTheHeadHoldsBackSmallerLaterOnes() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                Semaphore s = new Semaphore(1);
                JoinHandle<Integer> big = Heddle.spawn(() -> {
                    try (SemaphorePermit p = s.acquire(3)) {
                        return p.permits();
                    }
                });
                Heddle.yieldNow();
                assertTrue(s.hasWaiters());
                assertEquals(1, s.availablePermits());
                assertTrue(s.tryAcquire(1).isEmpty(), "tryAcquire jumped the queue past a waiting acquire(3)");
                s.addPermits(2);
                assertEquals(3, big.join());
                assertEquals(3, s.availablePermits());
                return null;
            });
        }
    }

    @Test
    void closeFailsCurrentAndLaterAcquirersButTakesBackPermits() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                Semaphore s = new Semaphore(1);
                SemaphorePermit held = s.acquire();
                JoinHandle<SemaphorePermit> waiting = Heddle.spawn(() -> s.acquire());
                Heddle.yieldNow();
                s.close();
                JoinException e = assertThrows(JoinException.class, waiting::join);
                assertTrue(e.getCause() instanceof SemaphoreClosedException, e.toString());
                assertThrows(SemaphoreClosedException.class, s::acquire);
                assertThrows(SemaphoreClosedException.class, s::tryAcquire);
                assertTrue(s.isClosed());
                held.close();
                assertEquals(1, s.availablePermits());
                return null;
            });
        }
    }

    @Test
    void platformThreadsNeverExceedThePermits() throws InterruptedException {
        Semaphore s = new Semaphore(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    try (SemaphorePermit p = s.acquire()) {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertTrue(most.get() <= 2, "more holders than permits: " + most.get());
        assertEquals(2, s.availablePermits());
    }

    /**
     * Requests of 2 or 3 of 3 permits never overlap, so each release serves at most one waiter
     * and the order in which holders run is the order in which they were served.
     */
    @Test
    void permitsAreGrantedInArrivalOrderOverManySeeds() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Semaphore s = new Semaphore(3);
                List<Integer> arrivals = new ArrayList<>();
                List<Integer> grants = new ArrayList<>();
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 3; i++) {
                            int n = 2 + Heddle.random().nextInt(2);
                            Heddle.yieldNow();
                            arrivals.add(id);
                            try (SemaphorePermit p = s.acquire(n)) {
                                grants.add(id);
                                Heddle.yieldNow();
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                assertEquals(arrivals, grants, "permits were not granted in arrival order");
                assertEquals(3, s.availablePermits());
            });
        }
    }

    @Test
    void abortingAcquirersAtRandomPointsNeverLosesAPermit() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Semaphore s = new Semaphore(3);
                int[] held = new int[1];
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 5; t++) {
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 4; i++) {
                            int n = 1 + Heddle.random().nextInt(3);
                            try (SemaphorePermit p = s.acquire(n)) {
                                held[0] += n;
                                try {
                                    assertTrue(held[0] <= 3, "permits overdrawn: " + held[0] + " held of 3");
                                    Heddle.yieldNow();
                                } finally {
                                    held[0] -= n;
                                }
                            }
                        }
                    }));
                }
                for (int k = 0; k < 3; k++) {
                    int yields = sim.random().nextInt(10);
                    for (int y = 0; y < yields; y++) {
                        Heddle.yieldNow();
                    }
                    tasks.get(sim.random().nextInt(tasks.size())).abort();
                }
                for (JoinHandle<Void> h : tasks) {
                    try {
                        h.join();
                    } catch (JoinException e) {
                        assertTrue(e.isCancelled(), "a task failed: " + e);
                    }
                }
                assertEquals(3, s.availablePermits(), "permits lost or made up by aborted acquirers");
                assertFalse(s.hasWaiters());
            });
        }
    }
}
