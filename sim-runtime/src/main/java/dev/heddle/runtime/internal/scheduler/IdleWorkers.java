package dev.heddle.runtime.internal.scheduler;

import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which workers sleep and which search for work (Tokio's {@code Idle}). A wake-up wakes at
 * most one sleeping worker, and none while a worker is already searching: that searcher will
 * find the task, and when it does, it wakes the next one (see
 * {@link #stopSearching}). At most half of the workers search at once, so a burst of
 * wake-ups does not send every worker stealing from every other.
 *
 * <p>No wake-up is lost: a worker registers as sleeping first and looks at every queue once
 * more before it parks, and a waker publishes its task before it reads this state.
 */
final class IdleWorkers {
    private static final int UNPARKED_MASK = 0xFFFF;
    private static final int ONE_SEARCHING = 1 << 16;
    private static final int ONE_UNPARKED = 1;

    private final int workers;
    /**
     * Workers searching (upper 16 bits) and workers not asleep (lower 16 bits); every change
     * is an {@link #xaddState} (a full barrier). A worker going to sleep counts itself asleep
     * ({@link #sleep}) before its last look at the queues; a waker publishes its task, fences,
     * then reads this ({@link #notifyOne}): either the waker sees the sleeper, or the sleeper's
     * last look sees the task.
     */
    private final AtomicInteger state;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<WorkerThread> sleepers = new ArrayDeque<>();

    IdleWorkers(int workers) {
        this.workers = workers;
        this.state = new AtomicInteger(workers);
    }

    /** Wakes a sleeping worker to look for work, unless one already searches or none sleeps. */
    void notifyOne() {
        // A full fence: the caller's task must be visible before this read, or a worker going to sleep could miss it.
        // A fence rather than an atomic update, which would take the shared state's cache line on every spawn.
        VarHandle.fullFence();
        if (!shouldWake(lvState())) {
            return;
        }
        WorkerThread woken;
        lock.lock();
        try {
            if (!shouldWake(lvState())) {
                return;
            }
            woken = sleepers.pollLast();
            if (woken == null) {
                return;
            }
            woken.svSleeping(false);
            xaddState(ONE_SEARCHING + ONE_UNPARKED);
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(woken);
    }

    private boolean shouldWake(int s) {
        return searching(s) == 0 && unparked(s) < workers;
    }

    /** A worker out of work asks to search; refused while half of the workers already do. */
    boolean tryStartSearching() {
        if (2 * searching(lvState()) >= workers) {
            return false;
        }
        xaddState(ONE_SEARCHING);
        return true;
    }

    /** A searching worker found a task. True when it was the last searcher: it should then wake another. */
    boolean stopSearching() {
        return searching(xaddState(-ONE_SEARCHING)) == 1;
    }

    /** Registers {@code worker} as asleep, before its last look at the queues. */
    void sleep(WorkerThread worker, boolean wasSearching) {
        lock.lock();
        try {
            xaddState(-(ONE_UNPARKED + (wasSearching ? ONE_SEARCHING : 0)));
            worker.svSleeping(true);
            sleepers.addLast(worker);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code worker} found work on its last look. True when it is awake and searching again:
     * a waker already took it off the sleepers and counted it, or it does so itself here.
     * False, leaving it asleep, when half of the workers already search: one of them will
     * find that work, or, when the last of them finds something, wake this worker.
     */
    boolean wakeSelf(WorkerThread worker) {
        lock.lock();
        try {
            if (!worker.lvSleeping()) {
                return true;
            }
            if (2 * searching(lvState()) >= workers) {
                return false;
            }
            sleepers.remove(worker);
            worker.svSleeping(false);
            xaddState(ONE_SEARCHING + ONE_UNPARKED);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes {@code worker} itself if it sleeps, beyond the cap on searchers: a task pinned to it
     * is ready, and no other worker may run it. Called by a waker after it published the task
     * and fenced, and by the worker itself when its last look before parking finds one.
     */
    void wake(WorkerThread worker) {
        lock.lock();
        try {
            if (!worker.lvSleeping()) {
                return;
            }
            sleepers.remove(worker);
            worker.svSleeping(false);
            xaddState(ONE_SEARCHING + ONE_UNPARKED);
        } finally {
            lock.unlock();
        }
        if (worker != Thread.currentThread()) {
            LockSupport.unpark(worker);
        }
    }

    /** Workers searching now. */
    int searching() {
        return searching(lvState());
    }

    // Accessors named by their memory order, as the package doc of dev.heddle.runtime.internal defines.

    private int lvState() {
        return state.get();
    }

    /** Adds {@code delta} and returns the state before. */
    private int xaddState(int delta) {
        return state.getAndAdd(delta);
    }

    private static int searching(int s) {
        return s >>> 16;
    }

    private static int unparked(int s) {
        return s & UNPARKED_MASK;
    }
}
