package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.instrument.JdkCalls;
import dev.heddle.sim.instrument.ThreadCalls;
import dev.heddle.sync.Notify;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Leaks named exactly: a platform thread a task starts, and a virtual thread created outside
 * the run and started inside it, are named as such (with the task and line) instead of as the
 * wait/notify or deadlock they show up as; the lock-held check covers the JDK's suspension
 * points the agent shows (Thread.yield, LockSupport.park) and virtual threads the run adopted.
 * {@code JdkCalls} is called here as the agent's rewritten bytecode calls it.
 */
class EscapedThreadsTest {
    /** What the escaped threads wait for; opened after each test so that they end. */
    private final CountDownLatch never = new CountDownLatch(1);
    private final Object monitor = new Object();

    @AfterEach
    void releaseEscapedThreads() {
        never.countDown();
    }

    private void awaitNever() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SimulationFailure failureOf(SimBody body) {
        return assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(body));
    }

    private static void assertNamesAPlatformThreadStartedAtThisTest(SimulationFailure f) {
        String m = f.getMessage();
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind(), m);
        assertTrue(m.contains("a platform thread was started from task "), m);
        assertTrue(m.contains(" at dev.heddle.sim.EscapedThreadsTest."), m);
        assertTrue(m.contains("; platform threads run outside the simulation"), m);
    }

    @Test
    void aTaskJoiningAPlatformThreadItStartedNamesThatThreadNotObjectWait() {
        SimulationFailure f = failureOf(sim -> {
            Thread worker = new Thread(this::awaitNever);
            worker.setDaemon(true);
            worker.start();
            worker.join();
        });
        assertNamesAPlatformThreadStartedAtThisTest(f);
        assertTrue(f.getMessage().contains("waits in Thread.join()"), f.getMessage());
        assertFalse(f.getMessage().contains("waits in Object.wait()"), f.getMessage());
    }

    @Test
    void aTaskWaitingForAThreadPoolsWorkerNamesTheLineThatMadeTheWorker() {
        SimulationFailure f = failureOf(sim -> {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                pool.submit(this::awaitNever).get();
            } finally {
                pool.shutdownNow();
            }
        });
        assertNamesAPlatformThreadStartedAtThisTest(f);
    }

    /** The platform thread wakes a task itself: the wake-up from outside names where the thread began. */
    @Test
    void aWakeUpFromAPlatformThreadATaskStartedNamesThatThread() {
        SimulationFailure f = failureOf(sim -> {
            Thread[] parked = new Thread[1];
            sim.spawn(() -> {
                parked[0] = Thread.currentThread();
                LockSupport.park();
            });
            sim.sleep(java.time.Duration.ofMillis(1));
            AtomicBoolean woke = new AtomicBoolean();
            Thread waker = new Thread(() -> {
                LockSupport.unpark(parked[0]);
                woke.set(true);
            });
            waker.start();
            // Within this step, so that the wake-up is in before the simulator looks again.
            while (!woke.get()) {
                Thread.onSpinWait();
            }
            sim.sleep(java.time.Duration.ofMillis(1));
        });
        assertNamesAPlatformThreadStartedAtThisTest(f);
        assertTrue(f.getMessage().contains("(platform) woke"), f.getMessage());
    }

    /** A virtual thread created outside wakes a task: the wake-up from outside says what the thread is. */
    @Test
    void aWakeUpFromAVirtualThreadCreatedOutsideNamesItAsSuch() {
        AtomicBoolean woke = new AtomicBoolean();
        Thread[] parked = new Thread[1];
        Thread outside = Thread.ofVirtual().unstarted(() -> {
            LockSupport.unpark(parked[0]);
            woke.set(true);
        });
        SimulationFailure f = failureOf(sim -> {
            sim.spawn(() -> {
                parked[0] = Thread.currentThread();
                LockSupport.park();
            });
            sim.sleep(java.time.Duration.ofMillis(1));
            outside.start();
            while (!woke.get()) {
                Thread.onSpinWait();
            }
            sim.sleep(java.time.Duration.ofMillis(1));
        });
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("(virtual) woke"), f.getMessage());
        assertTrue(f.getMessage().contains("a virtual thread created outside the simulation and started inside it"),
                f.getMessage());
    }

    /** Without the agent: the join on it is where it shows, named, the same in every run of the seed. */
    @Test
    void aVirtualThreadCreatedOutsideAndJoinedInsideIsNamedAsSuch() {
        for (int rerun = 0; rerun < 3; rerun++) {
            Thread outside = Thread.ofVirtual().unstarted(this::awaitNever);
            SimulationFailure f = failureOf(sim -> {
                outside.start();
                outside.join();
            });
            assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind(), f.getMessage());
            assertTrue(f.getMessage().contains("waits in Thread.join() at dev.heddle.sim.EscapedThreadsTest."),
                    f.getMessage());
            assertTrue(f.getMessage().contains("a virtual thread that is not part of the simulation"), f.getMessage());
        }
    }

    /** A virtual thread the run adopted that never ends is a plain deadlock, not a thread from outside. */
    @Test
    void joiningAnAdoptedVirtualThreadThatWaitsForeverIsADeadlock() {
        SimulationFailure f = failureOf(sim -> {
            Notify never = new Notify();
            Thread inside = Thread.ofVirtual().start(() -> never.notified().await());
            inside.join();
        });
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
        assertFalse(f.getMessage().contains("not part of the simulation"), f.getMessage());
    }

    /** With the agent: the start of a virtual thread created outside fails the run at once. */
    @Test
    void startingAVirtualThreadCreatedOutsideThroughThreadCallsFailsAtTheStart() {
        Thread outside = Thread.ofVirtual().unstarted(this::awaitNever);
        AtomicBoolean rejected = new AtomicBoolean();
        SimulationFailure f = failureOf(sim -> {
            try {
                ThreadCalls.start(outside);
            } catch (IllegalStateException e) {
                rejected.set(true);
            }
        });
        assertTrue(rejected.get(), "the start was refused");
        assertFalse(outside.isAlive(), "the thread did not start");
        assertEquals(FailureKind.FOREIGN_WAKEUP, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("starts virtual thread"), f.getMessage());
        assertTrue(f.getMessage().contains("created outside the simulation"), f.getMessage());
        assertTrue(f.getMessage().contains("at dev.heddle.sim.EscapedThreadsTest."), f.getMessage());
    }

    @Test
    void aVirtualThreadCreatedInsideStartsThroughThreadCallsAndJoinsTheRun() {
        for (long seed = 0; seed < 10; seed++) {
            AtomicInteger ran = new AtomicInteger();
            Simulation.ofSeed(seed).run(sim -> {
                Thread inside = Thread.ofVirtual().unstarted(ran::incrementAndGet);
                ThreadCalls.start(inside);
                inside.join();
            });
            assertEquals(1, ran.get());
        }
    }

    /**
     * With the agent a platform thread's start runs its work as a task of the run, under its
     * name: waiting for ever, it is a deadlock of the run, and no platform thread is reported.
     */
    @Test
    void aPlatformThreadStartedThroughThreadCallsRunsInTheRunUnderItsName() {
        SimulationFailure f = failureOf(sim -> {
            Notify never = new Notify();
            Thread worker = new Thread(() -> never.notified().await(), "the-worker");
            ThreadCalls.start(worker);
            ThreadCalls.join(worker);
        });
        assertEquals(FailureKind.DEADLOCK, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("the-worker#"), f.getMessage());
        assertFalse(f.getMessage().contains("platform thread"), f.getMessage());
    }

    /** A virtual thread a task started is watched as a task: a lock it holds across a suspension fails the run. */
    @Test
    void anAdoptedVirtualThreadHoldingAMonitorAcrossASuspensionFailsTheRun() {
        SimulationFailure f = failureOf(sim -> {
            Thread inside = Thread.ofVirtual().start(() -> {
                synchronized (monitor) {
                    Heddle.yieldNow();
                }
            });
            inside.join();
        });
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("virtual-thread-of-"), f.getMessage());
        assertTrue(f.getMessage().contains("EscapedThreadsTest"), f.getMessage());
    }

    @Test
    void aThreadYieldHoldingAMonitorFailsTheRunThroughJdkCalls() {
        SimulationFailure f = failureOf(sim -> {
            synchronized (monitor) {
                JdkCalls.yield();
            }
        });
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("(in Thread.yield)"), f.getMessage());
        assertTrue(f.getMessage().contains("monitor of a java.lang.Object"), f.getMessage());
    }

    @Test
    void aParkHoldingAReentrantLockFailsTheRunThroughJdkCalls() {
        ReentrantLock lock = new ReentrantLock();
        SimulationFailure f = failureOf(sim -> {
            Thread[] parked = new Thread[1];
            var holder = sim.spawn(() -> {
                parked[0] = Thread.currentThread();
                lock.lock();
                try {
                    JdkCalls.park(this);
                } finally {
                    lock.unlock();
                }
            });
            sim.sleep(java.time.Duration.ofMillis(1));
            LockSupport.unpark(parked[0]);
            holder.join();
        });
        assertEquals(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, f.kind(), f.getMessage());
        assertTrue(f.getMessage().contains("(in LockSupport.park)"), f.getMessage());
        assertTrue(f.getMessage().contains("a ReentrantLock"), f.getMessage());
    }

    /** Outside a simulation the stand-ins are the JDK's calls. */
    @Test
    void outsideASimulationThreadCallsStartAndJdkCallsYieldAreTheJdksCalls() throws InterruptedException {
        AtomicBoolean ran = new AtomicBoolean();
        Thread outside = Thread.ofVirtual().unstarted(() -> {
            JdkCalls.yield();
            ran.set(true);
        });
        ThreadCalls.start(outside);
        outside.join();
        assertTrue(ran.get());
    }
}
