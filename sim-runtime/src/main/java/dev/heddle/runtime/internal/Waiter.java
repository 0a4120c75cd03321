package dev.heddle.runtime.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;

/**
 * The ticket of one waiting task, claimed by exactly one of the operations it waits on.
 *
 * <p>This is what makes select cancellation-safe by construction. A primitive that can
 * complete a queued operation first {@link #tryClaim claims} its waiter, under the
 * primitive's own lock, and commits the operation (hands over the value, grants the lock)
 * only if the claim succeeded. Every other branch of the same select then finds the waiter
 * claimed and leaves it alone: a losing branch consumes nothing and takes nothing. A waiter
 * that gives up (abort, timeout) {@link #abandon abandons} the ticket with the same atomic
 * step, so a give-up and a commit can never both happen.
 *
 * <p>A claim and its commit are two steps: {@link #awaitClaim()} returns only after the claiming
 * primitive has committed and called {@link #wake()}, which publishes the commit. A waiting
 * task that merely saw the claim could otherwise read the op's result before it was written,
 * and could not leave the primitive's queue without taking its lock.

 */
public class Waiter {
    /** The default value, so that a new waiter costs no volatile store (a fence) to set it. */
    private static final int WAITING = 0;
    private static final int ABANDONED = -1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread thread = Thread.currentThread();
    /**
     * {@link #WAITING}, {@link #ABANDONED}, or the claiming branch plus one. Leaves
     * {@link #WAITING} once, by a {@link #casState} (a claim, or the waiter giving up), so
     * exactly one of them wins; read with {@link #lvState()}. What the claimer commits after
     * the claim is published by {@link #committed}, not by this.
     */
    private volatile int state;
    /**
     * Stored ({@link #svCommitted()}) by the claimer after it committed, or by the waiting
     * thread when it claimed itself; the waiting thread loads it ({@link #lvCommitted()})
     * before it reads the op's result, which so pairs with the claimer's commit.
     */
    private volatile boolean committed;

    /** A ticket for the calling thread. */
    public Waiter() {}

    /** True when the calling thread is the one this ticket parks and wakes. */
    public final boolean isForCallingThread() {
        return thread == Thread.currentThread();
    }

    /**
     * Claims the waiter for {@code branch}. True means the caller won and must now commit its
     * operation and call {@link #wake()}; false means another branch won or the waiter gave up.
     */
    public boolean tryClaim(int branch) {
        if (!casState(WAITING, branch + 1)) {
            return false;
        }
        if (Thread.currentThread() == thread) {
            // Claimed by the waiting thread itself (an op that could complete when enqueued):
            // its commit comes next in this thread's own order, before await() reads anything.
            svCommitted();
        }
        return true;
    }

    /** True while no branch has claimed the waiter and it has not given up. */
    public boolean isWaiting() {
        return lvState() == WAITING;
    }

    /** The branch that claimed the waiter, or a negative number if none has. */
    public int claimedBranch() {
        int s = lvState();
        return s > 0 ? s - 1 : -1;
    }

    /**
     * Publishes the commit of a claimed operation and wakes the waiting thread; called by the
     * primitive right after committing. Not needed when the waiting thread claimed its own
     * waiter (an op that could complete when it was enqueued).
     */
    public void wake() {
        svCommitted();
        if (thread != Thread.currentThread()) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Publishes the commit of a claimed operation without waking the thread, for a primitive
     * that wakes it later ({@link #wake()}): a waiting task that runs meanwhile anyway (it was
     * aborted, say) then finds its commit and returns it instead of waiting for the wake-up.
     */
    public void publish() {
        svCommitted();
    }

    /**
     * Gives the ticket up. False means a branch claimed it first: its operation has committed
     * and the waiter must take its result instead of giving up.
     */
    public boolean abandon() {
        return casState(WAITING, ABANDONED);
    }

    /**
     * Suspends the calling task until a branch has claimed this waiter and committed, and
     * returns that branch.
     * If the task is cancelled (aborted, or its timeout passes) first, the waiter is abandoned
     * and the cancellation is thrown; if a branch won the race with the cancellation, its
     * branch is returned and the cancellation stays pending for the next suspension point.
     */
    public final int awaitClaim() {
        while (!lvCommitted()) {
            try {
                Suspension.park(this);
            } catch (CancellationException e) {
                if (abandon()) {
                    throw e;
                }
                awaitCommitUnderWay();
            }
        }
        return claimedBranch();
    }

    /**
     * Suspends the calling thread until a branch has claimed this waiter and committed, even if
     * the task is cancelled meanwhile; the cancellation stays pending for its next suspension
     * point. Only for waits that are bounded regardless of the caller, such as {@link dev.heddle.select.Join}
     * waiting for children it has just aborted; parks through
     * {@link Suspension#parkIgnoringCancellation}, so the wait is still a watched suspension.
     */
    public void awaitDespiteCancellation() {
        while (!lvCommitted()) {
            Suspension.parkIgnoringCancellation(this);
        }
    }

    /** A branch claimed this waiter and is committing right now, without suspending: wait for it to finish. */
    private void awaitCommitUnderWay() {
        while (!lvCommitted()) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    // Accessors named by their memory order, as the package doc of dev.heddle.runtime.internal defines.

    private int lvState() {
        return state;
    }

    private boolean casState(int expected, int next) {
        return STATE.compareAndSet(this, expected, next);
    }

    private boolean lvCommitted() {
        return committed;
    }

    private void svCommitted() {
        committed = true;
    }

    @Override
    public String toString() {
        int s = lvState();
        return "Waiter[" + thread.getName() + ", " + (s == WAITING ? "waiting" : s == ABANDONED ? "abandoned"
                : "claimed by branch " + (s - 1)) + "]";
    }
}
