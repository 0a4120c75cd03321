package dev.heddle.sim.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

/**
 * The workers of one of the JDK's pools in a simulation, in the order they were made, so that
 * the pool's shutdown can interrupt them in that order. The JDK keeps a pool's workers in a
 * {@code HashSet} of objects hashed by identity, whose order differs from run to run, and
 * interrupts them in that order when the pool shuts down; in a simulation the order of the
 * interrupts is the order in which the workers wake, so left to the JDK two runs of one seed would
 * differ. The pool ({@link SimulatedThreadPool}, {@link SimulatedScheduledPool}) interrupts them
 * here first, and the JDK's code then skips them as interrupted already. As the JDK's
 * {@code shutdown()} does, only idle workers are interrupted there, told by the pool's own
 * {@code beforeExecute}/{@code afterExecute} hooks, which report to {@link #busy}/{@link #idle}.
 */
final class PoolWorkers {
    private final List<Thread> made = new ArrayList<>();
    private final Set<Thread> busy = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** A factory that makes its threads with {@code threads} and remembers them. */
    ThreadFactory recording(ThreadFactory threads) {
        return work -> {
            Thread worker = threads.newThread(work);
            if (worker != null) {
                synchronized (made) {
                    made.add(worker);
                }
            }
            return worker;
        };
    }

    /** {@code worker} begins a task (the pool's {@code beforeExecute}). */
    void busy(Thread worker) {
        busy.add(worker);
    }

    /** The calling worker has ended its task (the pool's {@code afterExecute}). */
    void idle() {
        busy.remove(Thread.currentThread());
    }

    /** Interrupts the started workers (only the idle ones when {@code idleOnly}) in the order they were made. */
    void interruptInOrder(boolean idleOnly) {
        List<Thread> inOrder;
        synchronized (made) {
            made.removeIf(w -> w.getState() == Thread.State.TERMINATED);
            inOrder = List.copyOf(made);
        }
        for (Thread w : inOrder) {
            if (w.getState() != Thread.State.NEW && !w.isInterrupted() && !(idleOnly && busy.contains(w))) {
                w.interrupt();
            }
        }
    }
}
