package dev.heddle.sync;

import dev.heddle.runtime.internal.Suspension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets a fixed number of tasks wait for each other (Tokio's {@code Barrier}): the
 * {@code parties}-th arrival releases the whole generation and is its one leader; the barrier
 * then starts the next generation, so it can be reused.
 *
 * <pre>{@code
 * Barrier ready = new Barrier(3);
 * // in each of three tasks:
 * if (ready.await().isLeader()) {
 *     log("all three are ready");
 * }
 * }</pre>
 * A task aborted or timed out while it waits withdraws its arrival, so the generation then
 * needs one more arrival; one released at the same moment passes, and its cancellation is
 * delivered at its next suspension point.
 */
public final class Barrier {
    private final int parties;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Arrival> waiting = new ArrayList<>();
    private long generation;

    /**
     * A barrier for {@code parties} tasks; 0 behaves as 1 (every caller passes at once as the
     * leader of its own generation), as Tokio's {@code Barrier::new(0)} does. It is reusable,
     * releasing each generation of {@code parties} arrivals together.
     *
     * <pre>{@code Barrier start = new Barrier(3);}</pre>
     *
     * @throws IllegalArgumentException if {@code parties} is negative
     */
    public Barrier(int parties) {
        if (parties < 0) {
            throw new IllegalArgumentException("a barrier needs 0 or more parties (0 behaves as 1), was " + parties);
        }
        this.parties = Math.max(1, parties);
    }

    /**
     * Waits until {@code parties} tasks have arrived in this generation.
     *
     * @return whether the caller is the generation's leader (its last arrival)
     * @throws CancellationException if the calling task is aborted or its timeout passes
     *     before the generation is complete; its arrival is then withdrawn
     */
    public BarrierWaitResult await() {
        Arrival me;
        lock.lock();
        try {
            if (waiting.size() + 1 == parties) {
                long released = generation++;
                for (Arrival a : waiting) {
                    a.released = true;
                    LockSupport.unpark(a.thread);
                }
                waiting.clear();
                return new BarrierWaitResult(true, released);
            }
            me = new Arrival(Thread.currentThread(), generation);
            waiting.add(me);
        } finally {
            lock.unlock();
        }
        while (!me.released) {
            try {
                Suspension.park(this);
            } catch (CancellationException e) {
                if (withdraw(me)) {
                    throw e;
                }
            }
        }
        return new BarrierWaitResult(false, me.generation);
    }

    /** Takes back a waiting arrival; false if its generation was released first. */
    private boolean withdraw(Arrival arrival) {
        lock.lock();
        try {
            if (arrival.released) {
                return false;
            }
            waiting.remove(arrival);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The tasks each generation waits for: as constructed, or 1 for a barrier of 0. */
    public int parties() {
        return parties;
    }

    /** Tasks waiting in the current generation; a snapshot, for tests and diagnostics. */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Barrier[" + waiting() + " of " + parties + " waiting]";
    }

    private static final class Arrival {
        final Thread thread;
        final long generation;
        volatile boolean released;

        Arrival(Thread thread, long generation) {
            this.thread = thread;
            this.generation = generation;
        }
    }
}
