package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MutexTest {

    @Test
    void tryLockFailsWhileHeldAndSucceedsAfterTheGuardCloses() {
        Mutex<String> m = new Mutex<>("a");
        MutexGuard<String> g = m.tryLock().orElseThrow();
        assertTrue(m.isLocked());
        assertTrue(m.tryLock().isEmpty());
        g.set("b");
        g.close();
        g.close();
        assertFalse(m.isLocked());
        try (MutexGuard<String> again = m.tryLock().orElseThrow()) {
            assertEquals("b", again.get());
        }
        assertThrows(IllegalStateException.class, g::get);
    }

    @Test
    void tasksOnAMultiThreadRuntimeExcludeEachOther() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int total = rt.blockOn(() -> {
                Mutex<int[]> counter = new Mutex<>(new int[1]);
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(Heddle.spawn(() -> {
                        for (int i = 0; i < 2_000; i++) {
                            try (MutexGuard<int[]> g = counter.lock()) {
                                int v = g.get()[0];
                                if (i % 64 == 0) {
                                    Heddle.yieldNow();
                                }
                                g.get()[0] = v + 1;
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                try (MutexGuard<int[]> g = counter.lock()) {
                    return g.get()[0];
                }
            });
            assertEquals(8_000, total);
        }
    }

    @Test
    void platformThreadsExcludeEachOther() throws InterruptedException {
        Mutex<int[]> counter = new Mutex<>(new int[1]);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 5_000; i++) {
                    try (MutexGuard<int[]> g = counter.lock()) {
                        g.get()[0]++;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertEquals(20_000, counter.tryLock().orElseThrow().get()[0]);
    }

    @Test
    void waitersGetTheLockInArrivalOrderOnACurrentThreadRuntime() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            List<Integer> order = rt.blockOn(() -> {
                Mutex<List<Integer>> m = new Mutex<>(new ArrayList<>());
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                MutexGuard<List<Integer>> held = m.lock();
                for (int i = 0; i < 5; i++) {
                    int id = i;
                    tasks.add(Heddle.spawn(() -> {
                        try (MutexGuard<List<Integer>> g = m.lock()) {
                            g.get().add(id);
                        }
                    }));
                    Heddle.yieldNow();
                }
                held.close();
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                return m.lock().get();
            });
            assertEquals(List.of(0, 1, 2, 3, 4), order);
        }
    }

    @Test
    void anAbortedWaiterNeverHoldsTheLock() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                Mutex<Void> m = new Mutex<>();
                MutexGuard<Void> held = m.lock();
                JoinHandle<Void> waiter = Heddle.spawn(() -> {
                    m.lock();
                    throw new AssertionError("the aborted waiter got the lock");
                });
                Heddle.yieldNow();
                waiter.abort();
                JoinException e = assertThrows(JoinException.class, waiter::join);
                assertTrue(e.isCancelled());
                held.close();
                assertTrue(m.tryLock().isPresent(), "the lock was lost by the aborted waiter");
                return null;
            });
        }
    }

    @Test
    void aLockThatTimesOutTakesNothing() {
        Simulation.ofSeed(1).run(sim -> {
            Mutex<Void> m = new Mutex<>();
            MutexGuard<Void> held = m.lock();
            assertThrows(Elapsed.class, () -> sim.clock().timeout(Duration.ofSeconds(1), () -> m.lock()));
            held.close();
            assertFalse(m.isLocked());
            assertTrue(m.tryLock().isPresent());
        });
    }

    /** A select's losing branch on a second mutex must leave that mutex untouched. */
    @Test
    void theLosingLockOpOfTwoLeavesNoTrace() throws InterruptedException {
        Mutex<String> a = new Mutex<>("a");
        Mutex<String> b = new Mutex<>("b");
        MutexGuard<String> heldA = a.lock();
        MutexGuard<String> heldB = b.lock();
        CountDownLatch queued = new CountDownLatch(1);
        List<Object> outcome = new ArrayList<>();
        Thread selector = Thread.ofPlatform().start(() -> {
            SelectableOp<MutexGuard<String>> opA = a.lockOp();
            SelectableOp<MutexGuard<String>> opB = b.lockOp();
            Waiter w = new Waiter();
            opA.enqueue(w, 0);
            opB.enqueue(w, 1);
            queued.countDown();
            int branch = w.awaitClaim();
            opA.dequeue();
            opB.dequeue();
            outcome.add(branch);
            outcome.add((branch == 0 ? opA : opB).result().get());
        });
        assertTrue(queued.await(60, TimeUnit.SECONDS));
        heldB.close();
        selector.join(TimeUnit.SECONDS.toMillis(60));
        assertEquals(List.of(1, "b"), outcome);
        heldA.close();
        assertFalse(a.isLocked(), "the losing branch took mutex a");
        assertTrue(b.isLocked(), "the winning branch holds mutex b");
    }

    @Test
    void mutualExclusionAndFifoOrderHoldOverManySeeds() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Mutex<Void> m = new Mutex<>();
                int[] inside = new int[1];
                List<Integer> arrivals = new ArrayList<>();
                List<Integer> grants = new ArrayList<>();
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 3; i++) {
                            Heddle.yieldNow();
                            arrivals.add(id);
                            try (MutexGuard<Void> g = m.lock()) {
                                grants.add(id);
                                inside[0]++;
                                assertEquals(1, inside[0], "two tasks inside the mutex");
                                Heddle.yieldNow();
                                inside[0]--;
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                assertEquals(arrivals, grants, "the lock was not granted in arrival order");
            });
        }
    }

    @Test
    void abortingWaitersAtRandomPointsNeverLosesTheLock() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Mutex<Void> m = new Mutex<>();
                int[] inside = new int[1];
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 5; i++) {
                            try (MutexGuard<Void> g = m.lock()) {
                                inside[0]++;
                                try {
                                    assertEquals(1, inside[0], "two tasks inside the mutex");
                                    Heddle.yieldNow();
                                } finally {
                                    inside[0]--;
                                }
                            }
                        }
                    }));
                }
                for (int k = 0; k < 2; k++) {
                    int yields = sim.random().nextInt(12);
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
                Optional<MutexGuard<Void>> after = m.tryLock();
                assertTrue(after.isPresent(), "the lock is still held after every task ended");
            });
        }
    }

    /**
     * A lock() waiter takes the lock itself when its turn comes, a select's lockOp is given it
     * by the unlock: both kinds share one queue, in arrival order, and a select branch on a
     * mutex that never frees loses without a trace.
     */
    @Test
    void lockCallsAndSelectLockOpsShareOneFifoOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Mutex<Void> m = new Mutex<>();
                Mutex<Void> neverFree = new Mutex<>();
                MutexGuard<Void> blocker = neverFree.lock();
                int[] inside = new int[1];
                List<Integer> arrivals = new ArrayList<>();
                List<Integer> grants = new ArrayList<>();
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 3; i++) {
                            Heddle.yieldNow();
                            arrivals.add(id);
                            MutexGuard<Void> guard = Heddle.random().nextBoolean() ? m.lock()
                                    : Select.<MutexGuard<Void>>select()
                                            .on(neverFree.lockOp(), x -> x)
                                            .on(m.lockOp(), x -> x)
                                            .run();
                            try (guard) {
                                grants.add(id);
                                inside[0]++;
                                assertEquals(1, inside[0], "two tasks inside the mutex");
                                Heddle.yieldNow();
                                inside[0]--;
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                assertEquals(arrivals, grants, "the lock was not granted in arrival order");
                assertFalse(m.isLocked());
                blocker.close();
                assertTrue(neverFree.tryLock().isPresent(), "a losing select branch took the other mutex");
            });
        }
    }
}
