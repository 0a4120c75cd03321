package dev.heddle.sim;

import dev.heddle.runtime.internal.VirtualThreads;
import dev.heddle.sim.instrument.SimulatedJdkCalls;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * Spurious wake-ups on demand ({@link Simulation#spuriousWakeups}): the JDK lets
 * {@code LockSupport.park}, {@code Object.wait} and {@code Condition.await} return without a
 * signal, so code must wait in a loop around its condition; code that waits with an {@code if}
 * works in every real run but one, and this makes the seed find that run.
 *
 * <p>Each run draws a rate, 1/2 or 1/4, so that a sweep of seeds tries denser and sparser
 * wake-ups; a wait in a loop then costs one or a third more turn of its loop on average, and
 * a wait that must not end yet ends in a quarter to half of the runs that reach it. It then
 * wakes spuriously, with that probability:
 * <ul>
 *   <li>each wait that {@code dev.heddle.sim.instrument.JdkCalls} stands in for (with the agent),
 *       as it begins ({@link #atWait}): the wait that must not end yet ends at once, the
 *       condition still false;</li>
 *   <li>before each step, one of the tasks parked in a plain {@code LockSupport.park} of their
 *       own, one the agent did not rewrite or with no agent at all ({@link #beforeStep}),
 *       unparked from the carrier between steps as any task could unpark it. Not a task parked in Heddle's own suspension
 *       points, whose callers loop but whose steps it would only waste, nor one parked in the
 *       JDK's locks and queues (a blocker of the JDK's): they loop and ignore an unpark. Nor
 *       {@code Object.wait} or {@code Condition.await}: an unpark does not end them, and the
 *       interrupt that would cannot be told from a real one, so only the agent's stand-ins wake
 *       them.</li>
 * </ul>
 * Every spurious wake-up is a {@link Trace.Event#SPURIOUS_WAKEUP} event, and the draws come from
 * their own stream, so turning this on changes no other decision of a seed.
 */
final class SpuriousWakeups {
    /** The trace's code for a task unparked between steps; a wait that returned at once is 1 + its ordinal. */
    static final int UNPARKED = 0;

    private final RandomGenerator random;
    private final Trace trace;
    private final double rate;
    /** Tasks parked in a plain park of their own since their last step, in the order they parked. */
    private final LinkedHashSet<SimTask> parked = new LinkedHashSet<>();

    SpuriousWakeups(RandomGenerator random, Trace trace) {
        this.random = random;
        this.trace = trace;
        this.rate = random.nextBoolean() ? 0.5 : 0.25;
    }

    /** Whether the wait {@code running} begins returns spuriously (see {@link SimulatedJdkCalls#wakesSpuriously}). */
    boolean atWait(SimTask running, SimulatedJdkCalls.Wait wait) {
        if (random.nextDouble() >= rate) {
            return false;
        }
        trace.record(Trace.Event.SPURIOUS_WAKEUP, running.id, 1 + wait.ordinal());
        return true;
    }

    /** {@code t} runs a step: it no longer waits where it parked. */
    void running(SimTask t) {
        parked.remove(t);
    }

    /** {@code t} was woken (by a task, a timer, or {@link #beforeStep}). */
    void woken(SimTask t) {
        parked.remove(t);
    }

    /**
     * {@code t}'s step ended with its thread waiting, {@code inHeddle} when in one of Heddle's
     * suspension points: it may be woken spuriously when it parked in a plain park of its own.
     */
    void stepEnded(SimTask t, boolean inHeddle) {
        if (!inHeddle && t.thread != null && VirtualThreads.isParked(t.thread)
                && isUsers(LockSupport.getBlocker(t.thread))) {
            parked.add(t);
        }
    }

    /** Between steps: with the run's rate, unparks one of the tasks parked in a park of their own. */
    void beforeStep() {
        if (parked.isEmpty() || random.nextDouble() >= rate) {
            return;
        }
        List<SimTask> candidates = new ArrayList<>(parked);
        SimTask t = candidates.get(candidates.size() == 1 ? 0 : random.nextInt(candidates.size()));
        parked.remove(t);
        if (VirtualThreads.isParked(t.thread)) {
            trace.record(Trace.Event.SPURIOUS_WAKEUP, t.id, UNPARKED);
            LockSupport.unpark(t.thread);
        }
    }

    /** No blocker, or one of the user's classes: not a park inside the JDK's own locks and queues. */
    private static boolean isUsers(Object blocker) {
        return blocker == null || !HeldLocks.isPlatformClass(blocker.getClass().getName());
    }
}
