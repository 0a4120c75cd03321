package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.instrument.JdkCalls;
import dev.heddle.sync.Notify;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * Spurious wake-ups on demand: a wait with an {@code if} around it (the classic bug) fails within
 * 100 seeds with them on and never with them off; waits in a {@code while} loop never fail; runs
 * stay deterministic. {@code JdkCalls} is called here as the agent's rewritten bytecode calls it.
 */
class SpuriousWakeupsTest {
    private static final int SEEDS = 100;

    /** One waiter and one setter; the waiter must see the value the setter publishes with its signal. */
    private interface Program {
        void run(Sim sim) throws Exception;
    }

    /** {@code Condition.await} in an {@code if} (or a {@code while} when {@code loop}), through JdkCalls.await. */
    private static Program conditionWait(boolean loop) {
        return sim -> {
            ReentrantLock lock = new ReentrantLock();
            Condition published = lock.newCondition();
            int[] value = {0};
            JoinHandle<Integer> waiter = sim.spawn(() -> {
                lock.lock();
                try {
                    if (loop) {
                        while (value[0] == 0) {
                            JdkCalls.await(published);
                        }
                    } else if (value[0] == 0) {
                        JdkCalls.await(published);
                    }
                    return value[0];
                } finally {
                    lock.unlock();
                }
            });
            sim.spawn(() -> {
                lock.lock();
                try {
                    value[0] = 42;
                    published.signalAll();
                } finally {
                    lock.unlock();
                }
            });
            assertEquals(42, waiter.join(), "the waiter returned before the value was published");
        };
    }

    /** {@code Condition.awaitUninterruptibly} in an {@code if} or a {@code while}. */
    private static Program conditionWaitUninterruptibly(boolean loop) {
        return sim -> {
            ReentrantLock lock = new ReentrantLock();
            Condition published = lock.newCondition();
            int[] value = {0};
            JoinHandle<Integer> waiter = sim.spawn(() -> {
                lock.lock();
                try {
                    if (loop) {
                        while (value[0] == 0) {
                            JdkCalls.awaitUninterruptibly(published);
                        }
                    } else if (value[0] == 0) {
                        JdkCalls.awaitUninterruptibly(published);
                    }
                    return value[0];
                } finally {
                    lock.unlock();
                }
            });
            sim.spawn(() -> {
                lock.lock();
                try {
                    value[0] = 42;
                    published.signal();
                } finally {
                    lock.unlock();
                }
            });
            assertEquals(42, waiter.join(), "the waiter returned before the value was published");
        };
    }

    /**
     * A plain {@code LockSupport.park} in an {@code if} or a {@code while}, called directly (no
     * agent: the simulator unparks it between steps) or through JdkCalls.park (the agent's).
     */
    private static Program park(boolean loop, boolean throughJdkCalls) {
        return sim -> {
            int[] value = {0};
            Thread[] waiterThread = new Thread[1];
            JoinHandle<Integer> waiter = sim.spawn(() -> {
                waiterThread[0] = Thread.currentThread();
                if (loop) {
                    while (value[0] == 0) {
                        parkOnce(throughJdkCalls);
                    }
                } else if (value[0] == 0) {
                    parkOnce(throughJdkCalls);
                }
                return value[0];
            });
            sim.spawn(() -> {
                value[0] = 42;
                if (waiterThread[0] != null) {
                    LockSupport.unpark(waiterThread[0]);
                }
            });
            assertEquals(42, waiter.join(), "the waiter returned before the value was published");
        };
    }

    private static void parkOnce(boolean throughJdkCalls) {
        if (throughJdkCalls) {
            JdkCalls.park(SpuriousWakeupsTest.class);
        } else {
            LockSupport.park();
        }
    }

    /** The seeds of {@code 0..SEEDS-1} whose run failed, and how. */
    private static List<String> failures(Program program, boolean spurious) {
        List<String> failed = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            try {
                Simulation.ofSeed(seed).spuriousWakeups(spurious).run(program::run);
            } catch (SimulationFailure f) {
                failed.add(seed + ": " + f.kind() + " " + f.getMessage().lines().findFirst().orElse(""));
            }
        }
        return failed;
    }

    private static void caughtWithAndNeverWithout(Program buggy) {
        assertEquals(List.of(), failures(buggy, false), "without spurious wake-ups the bug never shows");
        List<String> caught = failures(buggy, true);
        assertTrue(!caught.isEmpty(), "a wait in an if was not caught in " + SEEDS + " seeds");
        assertTrue(caught.getFirst().contains("TASK_FAILED") && caught.getFirst().contains("42"), caught.getFirst());
    }

    @Test
    void aConditionAwaitInAnIfIsCaughtWithSpuriousWakeupsAndNeverWithout() {
        caughtWithAndNeverWithout(conditionWait(false));
    }

    @Test
    void anAwaitUninterruptiblyInAnIfIsCaughtWithSpuriousWakeupsAndNeverWithout() {
        caughtWithAndNeverWithout(conditionWaitUninterruptibly(false));
    }

    @Test
    void aPlainParkInAnIfIsCaughtWithoutTheAgentWithSpuriousWakeupsAndNeverWithout() {
        caughtWithAndNeverWithout(park(false, false));
    }

    @Test
    void aParkInAnIfIsCaughtThroughJdkCallsWithSpuriousWakeupsAndNeverWithout() {
        caughtWithAndNeverWithout(park(false, true));
    }

    /**
     * {@code Object.wait} in an {@code if}, through JdkCalls.waitOn. A notify wakes a virtual thread
     * from the JDK's own 'VirtualThread-unblocker' thread, outside the simulation, so a run whose
     * waiter really waits fails as a foreign wake-up either way; with spurious wake-ups the bug
     * itself shows in some seeds first, as the wait returns at once with nothing published.
     */
    @Test
    void anObjectWaitInAnIfIsCaughtWithSpuriousWakeupsAndNeverWithout() {
        Program buggy = sim -> {
            Object monitor = new Object();
            int[] value = {0};
            JoinHandle<Integer> waiter = sim.spawn(() -> {
                synchronized (monitor) {
                    if (value[0] == 0) {
                        JdkCalls.waitOn(monitor);
                    }
                    return value[0];
                }
            });
            sim.spawn(() -> {
                synchronized (monitor) {
                    value[0] = 42;
                    monitor.notifyAll();
                }
            });
            assertEquals(42, waiter.join(), "the waiter returned before the value was published");
        };
        assertTrue(failures(buggy, false).stream().noneMatch(f -> f.contains("TASK_FAILED")), "the bug never shows");
        assertTrue(failures(buggy, true).stream().anyMatch(f -> f.contains("TASK_FAILED") && f.contains("42")));
    }

    @Test
    void waitsInAWhileLoopNeverFailWithSpuriousWakeups() {
        assertEquals(List.of(), failures(conditionWait(true), true));
        assertEquals(List.of(), failures(conditionWaitUninterruptibly(true), true));
        assertEquals(List.of(), failures(park(true, false), true));
        assertEquals(List.of(), failures(park(true, true), true));
    }

    @Test
    void runsWithSpuriousWakeupsAreDeterministic() {
        for (long seed = 0; seed < 20; seed++) {
            for (Program p : List.of(conditionWait(true), park(true, false), park(true, true), conditionWait(false),
                    park(false, false))) {
                for (Simulation s : List.of(Simulation.ofSeed(seed), Simulation.ofSeed(seed).strategy(Strategy.PCT),
                        Simulation.ofSeed(seed).workers(2))) {
                    try {
                        s.spuriousWakeups(true).checkDeterminism(p::run);
                    } catch (SimulationFailure f) {
                        assertNotEquals(FailureKind.NONDETERMINISM, f.kind(), f.getMessage());
                    }
                }
            }
        }
    }

    /** PCT and logical workers pick tasks their own way; the spurious wake-ups still reach the waits. */
    @Test
    void aParkInAnIfIsCaughtUnderPctAndLogicalWorkers() {
        for (Strategy strategy : List.of(Strategy.PCT, Strategy.RANDOM)) {
            int caught = 0;
            for (long seed = 0; seed < SEEDS; seed++) {
                Simulation s = Simulation.ofSeed(seed).strategy(strategy).spuriousWakeups(true);
                if (strategy == Strategy.RANDOM) {
                    s.workers(2);
                }
                try {
                    s.run(park(false, false)::run);
                } catch (SimulationFailure f) {
                    caught++;
                }
            }
            assertTrue(caught > 0, strategy + ": not caught in " + SEEDS + " seeds");
        }
    }

    /** The spurious wake-ups are events of the trace: a run with some has another hash than the same seed without. */
    @Test
    void spuriousWakeupsAreInTheTrace() {
        int differ = 0;
        for (long seed = 0; seed < 20; seed++) {
            long without = Simulation.ofSeed(seed).run(park(true, false)::run).traceHash();
            long with = Simulation.ofSeed(seed).spuriousWakeups(true).run(park(true, false)::run).traceHash();
            differ += with != without ? 1 : 0;
        }
        assertTrue(differ > 0 && differ < 20, differ + " of 20 seeds had a spurious wake-up");
    }

    /**
     * Heddle's own waits (here Notify and join) are never woken spuriously: the setting changes
     * nothing in a run that waits only on them, event for event.
     */
    @Test
    void heddlesOwnWaitsAreNeverWokenSpuriously() {
        Program heddleOnly = sim -> {
            Notify published = new Notify();
            int[] value = {0};
            JoinHandle<Integer> waiter = sim.spawn(() -> {
                while (value[0] == 0) {
                    try (var changed = published.notified()) {
                        changed.await();
                    }
                }
                return value[0];
            });
            sim.spawn(() -> {
                value[0] = 42;
                published.notifyOne();
            });
            assertEquals(42, waiter.join());
        };
        for (long seed = 0; seed < 50; seed++) {
            long without = Simulation.ofSeed(seed).run(heddleOnly::run).traceHash();
            long with = Simulation.ofSeed(seed).spuriousWakeups(true).run(heddleOnly::run).traceHash();
            assertEquals(without, with, "seed " + seed);
        }
    }

    /**
     * A spurious wake-up never swallows an interrupt nor makes one up: a wait entered interrupted
     * throws at once (awaitUninterruptibly waits for its signal and keeps the status), and a wait
     * woken spuriously returns with the status it had.
     */
    @Test
    void interruptsAreNeitherSwallowedNorMadeUp() {
        for (long seed = 0; seed < 30; seed++) {
            ReentrantLock lock = new ReentrantLock();
            Condition condition = lock.newCondition();
            Object monitor = new Object();
            List<String> seen = new ArrayList<>();
            Simulation.ofSeed(seed).spuriousWakeups(true).run(sim -> {
                lock.lock();
                try {
                    Thread.currentThread().interrupt();
                    JdkCalls.await(condition);
                    seen.add("await returned");
                } catch (InterruptedException e) {
                    seen.add("await interrupted, status " + Thread.currentThread().isInterrupted());
                } finally {
                    lock.unlock();
                }
                synchronized (monitor) {
                    Thread.currentThread().interrupt();
                    try {
                        JdkCalls.waitOn(monitor);
                        seen.add("wait returned");
                    } catch (InterruptedException e) {
                        seen.add("wait interrupted, status " + Thread.currentThread().isInterrupted());
                    }
                }
                Runnable signal = () -> {
                    lock.lock();
                    try {
                        condition.signal();
                    } finally {
                        lock.unlock();
                    }
                };
                for (int i = 0; i < 20; i++) {
                    JoinHandle<Void> signaller;
                    lock.lock();
                    try {
                        // Spawned holding the lock: its signal comes after the wait began.
                        signaller = sim.spawn(signal);
                        JdkCalls.awaitUninterruptibly(condition);
                        if (Thread.currentThread().isInterrupted()) {
                            seen.add("an interrupt was made up");
                        }
                    } finally {
                        lock.unlock();
                    }
                    signaller.join();
                }
                lock.lock();
                try {
                    Thread.currentThread().interrupt();
                    sim.spawn(signal);
                    JdkCalls.awaitUninterruptibly(condition);
                    seen.add("awaitUninterruptibly returned, status " + Thread.interrupted());
                } finally {
                    lock.unlock();
                }
            });
            assertEquals(List.of("await interrupted, status false", "wait interrupted, status false",
                    "awaitUninterruptibly returned, status true"), seen, "seed " + seed);
        }
    }

    /** Outside a simulation the stand-ins are the JDK's calls: no wait returns early. */
    @Test
    void outsideASimulationJdkCallsAwaitWaitsForTheSignal() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Condition published = lock.newCondition();
        boolean[] set = {false};
        Thread waiter = Thread.ofPlatform().start(() -> {
            lock.lock();
            try {
                JdkCalls.await(published);
                if (!set[0]) {
                    fail("await returned without a signal");
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                lock.unlock();
            }
        });
        while (true) {
            lock.lock();
            try {
                if (lock.hasWaiters(published)) {
                    set[0] = true;
                    published.signal();
                    break;
                }
            } finally {
                lock.unlock();
            }
            Thread.onSpinWait();
        }
        waiter.join();
    }

    /** A failing run's rerun line keeps the setting: without it the seed would pass. */
    @Test
    void theRerunLineKeepsTheSetting() {
        for (long seed = 0; seed < SEEDS; seed++) {
            try {
                Simulation.ofSeed(seed).spuriousWakeups(true).run(conditionWait(false)::run);
            } catch (SimulationFailure f) {
                assertTrue(f.getMessage().contains(".spuriousWakeups(true)"), f.getMessage());
                return;
            }
        }
        fail("no seed failed");
    }
}
