package dev.heddle.sim.instrument;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;

/**
 * Stand-ins for JDK calls, which Heddle's agent puts in place of the originals in the classes
 * it instruments (never in the JDK's): the first parameter is the original call's receiver,
 * where it has one. Not for users: call the JDK, and let the agent rewrite the call.
 *
 * <p>Outside a simulation each one is exactly the JDK call. Inside one:
 * <ul>
 *   <li>With spurious wake-ups on ({@code Simulation.spuriousWakeups(true)}), a wait may return
 *       without a signal, as the JDK allows and real runs almost never show, so that a wait not
 *       in a loop around its condition fails: the seed decides at each wait. A spurious
 *       {@code Condition} wait releases the lock and takes it back ({@code awaitNanos(0)}); a
 *       spurious {@code Object.wait} returns at once, which on one carrier is the same (no other
 *       thread could have entered the monitor between); a spurious {@code park} returns at once.
 *       Interrupts are never made up or lost: each checks and reports them as the JDK call.</li>
 *   <li>{@code Thread.yield} and {@code LockSupport.park} are suspension points the run checks
 *       for locks held across them, as Heddle's own.</li>
 * </ul>
 * The {@code Thread} API's stand-ins (starts included) are {@link ThreadCalls}'; the pools' and
 * {@code CompletableFuture}'s, {@link ExecutorCalls}'.
 */
public final class JdkCalls {
    private JdkCalls() {}

    /** {@code condition.await()}. */
    public static void await(Condition condition) throws InterruptedException {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (sim != null && sim.wakesSpuriously(SimulatedJdkCalls.Wait.CONDITION_AWAIT)) {
            // Checks the interrupt and the lock as await() does, releases the lock, takes it back.
            condition.awaitNanos(0);
            return;
        }
        condition.await();
    }

    /** {@code condition.awaitUninterruptibly()}. */
    public static void awaitUninterruptibly(Condition condition) {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (sim != null && !Thread.currentThread().isInterrupted()
                && sim.wakesSpuriously(SimulatedJdkCalls.Wait.CONDITION_AWAIT)) {
            try {
                condition.awaitNanos(0);
            } catch (InterruptedException e) {
                // Interrupted while it released the lock: awaitUninterruptibly keeps the interrupt as status.
                Thread.currentThread().interrupt();
            }
            return;
        }
        condition.awaitUninterruptibly();
    }

    /** {@code monitor.wait()}. */
    public static void waitOn(Object monitor) throws InterruptedException {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (sim != null && sim.wakesSpuriously(SimulatedJdkCalls.Wait.OBJECT_WAIT)) {
            if (!Thread.holdsLock(monitor)) {
                throw new IllegalMonitorStateException("current thread is not owner");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return;
        }
        monitor.wait();
    }

    /** {@code LockSupport.park()}. */
    public static void park() {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (sim != null) {
            if (sim.wakesSpuriously(SimulatedJdkCalls.Wait.PARK)) {
                return;
            }
            sim.suspendingInJdk("LockSupport.park");
        }
        LockSupport.park();
    }

    /** {@code LockSupport.park(blocker)}. */
    public static void park(Object blocker) {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (sim != null) {
            if (sim.wakesSpuriously(SimulatedJdkCalls.Wait.PARK)) {
                return;
            }
            sim.suspendingInJdk("LockSupport.park");
        }
        LockSupport.park(blocker);
    }

    /** {@code Thread.yield()}. */
    public static void yield() {
        SimulatedJdkCalls sim = SimulatedJdkCalls.ofCurrentThread();
        if (sim != null) {
            sim.suspendingInJdk("Thread.yield");
        }
        Thread.yield();
    }
}
