package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.TaskDump;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import dev.heddle.sync.RwLock;
import dev.heddle.sync.RwLockWriteGuard;
import dev.heddle.sync.Semaphore;
import dev.heddle.sync.SemaphorePermit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A deadlock's report names the cycle first and the wait-for graph, for every kind of lock a
 * task can wait for: Heddle's Mutex, RwLock and Semaphore, the JDK's ReentrantLock and
 * ReentrantReadWriteLock, and synchronized. Each task takes its first lock, yields, and then asks
 * for the next; under FIFO every task holds its first before any asks for its second.
 */
class WaitForGraphTest {

    /**
     * Runs {@code n} tasks named t1..tn, task i taking lock i then lock i+1 (mod n) of the {@code n}
     * locks {@code make} makes in the run, with {@code take} (given 0 for a task's first lock, 1 for its
     * second) returning a release.
     */
    private static <L> SimulationFailure lockInCircle(int n, Supplier<L> make, BiFunction<L, Integer, Runnable> take) {
        // The JDK's locks held across the yield would be reported as that, before they deadlock.
        return assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).strategy(Strategy.FIFO)
                .onLockHeldAcrossSuspension(LockHeldPolicy.IGNORE).run(sim -> {
            List<L> locks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                locks.add(make.get());
            }
            List<JoinHandle<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int first = i;
                tasks.add(sim.spawn("t" + (i + 1), () -> {
                    Runnable releaseFirst = take.apply(locks.get(first), 0);
                    Heddle.yieldNow();
                    Runnable releaseSecond = take.apply(locks.get((first + 1) % n), 1);
                    releaseSecond.run();
                    releaseFirst.run();
                }));
            }
            for (JoinHandle<Void> t : tasks) {
                t.join();
            }
        }));
    }

    private static void assertCycle(SimulationFailure f, String lockKind, int n) {
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
        WaitForGraph graph = f.waitForGraph().orElseThrow();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            expected.add("t" + i + "#" + (i + 1));
        }
        assertEquals(expected, graph.cycle(), f.getMessage());
        for (int i = 0; i < n; i++) {
            WaitForGraph.Wait w = graph.waitOf(expected.get(i));
            assertEquals(List.of(expected.get((i + 1) % n)), w.heldBy(), f.getMessage());
            assertTrue(w.waitsFor().startsWith(lockKind + "@"), w.waitsFor());
            assertEquals(1, w.holds().size(), f.getMessage());
            assertTrue(w.stack().getFirst().getClassName().startsWith(WaitForGraphTest.class.getName()), w.stack()
                    .toString());
        }
        String cycle = graph.cycleText();
        assertTrue(f.getMessage().contains("The tasks deadlock: " + cycle + "."), f.getMessage());
        assertTrue(f.getMessage().contains("  cycle: " + cycle + "\n"), f.getMessage());
        // "t1#2 holds X@a, waits for X@b held by t2#3, which waits for ... , which waits for X@a"
        WaitForGraph.Wait firstWait = graph.waitOf(expected.getFirst());
        assertTrue(cycle.startsWith(expected.getFirst() + " holds " + firstWait.holds().getFirst() + ", waits for "
                + firstWait.waitsFor() + " held by " + expected.get(1) + ", which waits for "), cycle);
        assertTrue(cycle.endsWith(", which waits for " + graph.waitOf(expected.getLast()).waitsFor()), cycle);
        assertTrue(graph.waitOf(expected.getLast()).waitsFor().startsWith(firstWait.holds().getFirst()), cycle);
        assertEquals(n, cycle.split("which waits for").length, cycle);
    }

    @Test
    void twoTasksDeadlockOnHeddleMutexes() {
        SimulationFailure f = lockInCircle(2, () -> new Mutex<>(0), (lock, i) -> lock.lock()::close);
        assertCycle(f, "Mutex", 2);
        assertEquals("t1#2 holds Mutex@1, waits for Mutex@2 held by t2#3, which waits for Mutex@1",
                f.waitForGraph().orElseThrow().cycleText());
    }

    @Test
    void threeTasksDeadlockOnThreeMutexes() {
        SimulationFailure f = lockInCircle(3, () -> new Mutex<>(0), (lock, i) -> lock.lock()::close);
        assertCycle(f, "Mutex", 3);
        assertEquals("t1#2 holds Mutex@1, waits for Mutex@2 held by t2#3, which waits for Mutex@3 held by t3#4,"
                + " which waits for Mutex@1", f.waitForGraph().orElseThrow().cycleText());
    }

    @Test
    void twoTasksDeadlockOnReentrantLocks() {
        SimulationFailure f = lockInCircle(2, ReentrantLock::new, (lock, i) -> {
            lock.lock();
            return lock::unlock;
        });
        assertCycle(f, "ReentrantLock", 2);
    }

    /**
     * A compiled lock call may drop its receiver from its frame; the lock is then found by the
     * blocker or the lock's queue. Warms the calls up so that the JIT has compiled them.
     */
    @Test
    void theGraphHoldsWhenTheLockCallsAreCompiled() {
        ReentrantLock warm = new ReentrantLock();
        Semaphore permits = new Semaphore(1);
        for (int i = 0; i < 50_000; i++) {
            warm.lock();
            warm.unlock();
            permits.acquire().close();
        }
        assertCycle(lockInCircle(2, ReentrantLock::new, (lock, i) -> {
            lock.lock();
            return lock::unlock;
        }), "ReentrantLock", 2);
        assertCycle(lockInCircle(2, () -> new Semaphore(1), (semaphore, i) -> semaphore.acquire()::close),
                "Semaphore", 2);
    }

    @Test
    void twoTasksDeadlockOnTheWriteLocksOfReentrantReadWriteLocks() {
        SimulationFailure f = lockInCircle(2, ReentrantReadWriteLock::new, (lock, i) -> {
            ReentrantReadWriteLock.WriteLock w = lock.writeLock();
            w.lock();
            return w::unlock;
        });
        assertCycle(f, "ReentrantReadWriteLock", 2);
        assertTrue(f.waitForGraph().orElseThrow().waitOf("t1#2").waitsFor().endsWith(" (write)"), f.getMessage());
    }

    @Test
    void aReaderWaitingForTheWriterOfAReentrantReadWriteLockIsInTheCycle() {
        SimulationFailure f = lockInCircle(2, ReentrantReadWriteLock::new, (lock, second) -> {
            if (second == 0) {
                lock.writeLock().lock();
                return lock.writeLock()::unlock;
            }
            lock.readLock().lock();
            return lock.readLock()::unlock;
        });
        assertCycle(f, "ReentrantReadWriteLock", 2);
        assertEquals("t1#2 holds ReentrantReadWriteLock@1, waits for ReentrantReadWriteLock@2 (read) held by t2#3,"
                + " which waits for ReentrantReadWriteLock@1 (read)", f.waitForGraph().orElseThrow().cycleText());
    }

    @Test
    void twoTasksDeadlockOnHeddleRwLocks() {
        SimulationFailure f = lockInCircle(2, () -> new RwLock<>(0), (lock, i) -> {
            RwLockWriteGuard<Integer> g = lock.write();
            return g::close;
        });
        assertCycle(f, "RwLock", 2);
        assertTrue(f.waitForGraph().orElseThrow().waitOf("t1#2").waitsFor().endsWith(" (write)"), f.getMessage());
    }

    @Test
    void twoTasksDeadlockOnHeddleSemaphores() {
        SimulationFailure f = lockInCircle(2, () -> new Semaphore(1), (permits, i) -> {
            SemaphorePermit p = permits.acquire();
            return p::close;
        });
        assertCycle(f, "Semaphore", 2);
    }

    @Test
    void aTaskBlockedOnAMonitorNamesTheTaskHoldingIt() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1)
                .strategy(Strategy.FIFO).onLockHeldAcrossSuspension(LockHeldPolicy.IGNORE).run(sim -> {
                    // Made in the run: monitors the failed run's tasks still hold would change its replay.
                    Object first = new Object();
                    Object second = new Object();
                    var a = sim.spawn("t1", () -> {
                        synchronized (first) {
                            Heddle.yieldNow();
                            synchronized (second) {
                                return 1;
                            }
                        }
                    });
                    var b = sim.spawn("t2", () -> {
                        synchronized (second) {
                            Heddle.yieldNow();
                            synchronized (first) {
                                return 2;
                            }
                        }
                    });
                    a.join();
                    b.join();
                }));
        // Each task blocks on the other's monitor, waiting for a hand-off that cannot come: a deadlock.
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
        WaitForGraph graph = f.waitForGraph().orElseThrow();
        assertEquals(List.of("t1#2", "t2#3"), graph.cycle(), f.getMessage());
        WaitForGraph.Wait w = graph.waitOf("t1#2");
        assertTrue(w.waitsFor().matches("synchronized\\(Object@\\d+\\)"), w.waitsFor());
        assertEquals(List.of("t2#3"), w.heldBy(), f.getMessage());
        assertTrue(f.getMessage().contains("  t1#2 holds " + graph.waitOf("t2#3").waitsFor() + ", waits for "
                + w.waitsFor() + " held by t2#3\n"), f.getMessage());
    }

    @Test
    void aBlockedTaskWithoutACycleIsShownWithWhatItWaitsFor() {
        Mutex<Integer> lock = new Mutex<>(0);
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            var never = Oneshot.<Integer>channel();
            try (MutexGuard<Integer> held = lock.lock()) {
                sim.spawn("worker", () -> lock.lock().close());
                never.receiver().recv();
            }
        }));
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
        WaitForGraph graph = f.waitForGraph().orElseThrow();
        assertEquals(List.of(), graph.cycle());
        assertEquals("", graph.cycleText());
        assertFalse(f.getMessage().contains("The tasks deadlock"), f.getMessage());
        assertTrue(f.getMessage().contains("  no cycle: "), f.getMessage());
        WaitForGraph.Wait worker = graph.waitOf("worker#2");
        assertEquals("Mutex@1", worker.waitsFor());
        assertEquals(List.of("main#1"), worker.heldBy());
        WaitForGraph.Wait main = graph.waitOf("main#1");
        assertEquals(List.of("Mutex@1"), main.holds());
        assertEquals(List.of(), main.heldBy());
        assertTrue(main.waitsFor().startsWith("oneshot recv"), main.waitsFor());
        assertTrue(f.getMessage().contains("  main#1 holds Mutex@1, waits for oneshot recv (not a lock: no task"
                + " holds it)\n"), f.getMessage());

        List<String> blocked = f.blockedTasks().stream().map(TaskDump.Task::name).toList();
        assertEquals(List.of("main", "worker"), blocked);
        TaskDump.Task dumped = f.blockedTasks().get(1);
        assertEquals("mutex lock", dumped.waitingOn());
        assertTrue(dumped.stack().stream().anyMatch(e -> e.getClassName().startsWith(WaitForGraphTest.class.getName())),
                dumped.stack().toString());
    }

    @Test
    void aHolderThatCannotBeFoundIsSaidToBeUnknownRatherThanGuessed() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            Mutex<Integer> lock = new Mutex<>(0);
            // The guard lives in a JDK object: no frame holds it in a local or a field of one.
            AtomicReference<MutexGuard<Integer>> kept = new AtomicReference<>(lock.lock());
            sim.spawn("worker", () -> lock.lock().close()).join();
            kept.get().close();
        }));
        WaitForGraph.Wait worker = f.waitForGraph().orElseThrow().waitOf("worker#2");
        assertEquals(List.of(), worker.heldBy());
        assertEquals("no task holds a guard or permit of it in a local variable; one kept in a field is not seen",
                worker.ownerNote());
        assertTrue(f.getMessage().contains("  worker#2 waits for Mutex@1 (no task holds a guard"), f.getMessage());
        assertTrue(f.getMessage().contains("  no cycle: "), f.getMessage());
    }

    /** A lost wake-up: the signal came before the wait. The waiter is part of a deadlock, not woken from outside. */
    @Test
    void aConditionAwaitNoTaskWillSignalIsADeadlock() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1)
                .onLockHeldAcrossSuspension(LockHeldPolicy.IGNORE).run(sim -> {
                    ReentrantLock lock = new ReentrantLock();
                    var ready = lock.newCondition();
                    lock.lock();
                    try {
                        ready.signal();
                        ready.awaitUninterruptibly();
                    } finally {
                        lock.unlock();
                    }
                }));
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
        assertEquals("a signal of a Condition (Condition.await)",
                f.waitForGraph().orElseThrow().waitOf("main#1").waitsFor(), f.getMessage());
    }

    @Test
    void aGraphWhoseCycleNamesATaskWithoutAWaitIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WaitForGraph(List.of("ghost#9"), List.of()));
        assertTrue(e.getMessage().startsWith("task ghost#9 is in the cycle but has no wait"), e.getMessage());
    }

    @Test
    void aTaskJoiningAnotherThatWaitsForItsLockIsACycleThroughTheJoin() {
        Mutex<Integer> lock = new Mutex<>(0);
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            try (MutexGuard<Integer> held = lock.lock()) {
                sim.spawn("worker", () -> lock.lock().close()).join();
            }
        }));
        assertEquals("main#1 holds Mutex@1, waits for the end of worker#2, which waits for Mutex@1",
                f.waitForGraph().orElseThrow().cycleText(), f.getMessage());
    }

    /**
     * A deadlock behind an executor's futures: the main task waits in {@code Future.get} for work
     * that runs on a virtual thread of the run, itself blocked on a lock the main task holds. The
     * wait looks like one for a pool outside the simulation, but the thread that would end it is
     * the run's: a deadlock, with the cycle through the future.
     */
    @Test
    void aFutureGetOnAThreadPerTaskExecutorOfTheRunIsACycleThroughItsThread() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1)
                .onLockHeldAcrossSuspension(LockHeldPolicy.IGNORE).run(sim -> {
                    ReentrantLock lock = new ReentrantLock();
                    lock.lock();
                    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                        executor.submit(() -> {
                            lock.lock();
                            lock.unlock();
                        }).get();
                    } finally {
                        lock.unlock();
                    }
                }));
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
        String cycle = f.waitForGraph().orElseThrow().cycleText();
        assertTrue(cycle.startsWith("main#1 holds ReentrantLock@1, waits for the end of virtual-thread-of-main#1-"),
                f.getMessage());
        assertTrue(cycle.endsWith(", which waits for ReentrantLock@1"), f.getMessage());
    }
}
