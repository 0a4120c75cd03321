package dev.heddle.select;

import dev.heddle.runtime.Suspension;
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
 */
public final class Waiter {
    private static final int WAITING = -1;
    private static final int ABANDONED = -2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread thread = Thread.currentThread();
    private volatile int state = WAITING;

    /** A ticket for the calling thread. */
    public Waiter() {}

    /**
     * Claims the waiter for {@code branch}. True means the caller won and must now commit its
     * operation and call {@link #wake()}; false means another branch won or the waiter gave up.
     */
    public boolean tryClaim(int branch) {
        return STATE.compareAndSet(this, WAITING, branch);
    }

    /** True while no branch has claimed the waiter and it has not given up. */
    public boolean isWaiting() {
        return state == WAITING;
    }

    /** The branch that claimed the waiter, or a negative number if none has. */
    public int claimedBranch() {
        return state;
    }

    /** Wakes the waiting thread; called by the primitive after committing a claimed operation. */
    public void wake() {
        LockSupport.unpark(thread);
    }

    /**
     * Gives the ticket up. False means a branch claimed it first: its operation has committed
     * and the waiter must take its result instead of giving up.
     */
    public boolean abandon() {
        return STATE.compareAndSet(this, WAITING, ABANDONED);
    }

    /**
     * Suspends the calling task until a branch claims this waiter, and returns that branch.
     * If the task is cancelled (aborted, or its timeout passes) first, the waiter is abandoned
     * and the cancellation is thrown; if a branch won the race with the cancellation, its
     * branch is returned and the cancellation stays pending for the next suspension point.
     */
    public int await() {
        while (true) {
            int s = state;
            if (s >= 0) {
                return s;
            }
            try {
                Suspension.park(this);
            } catch (CancellationException e) {
                if (abandon()) {
                    throw e;
                }
                return state;
            }
        }
    }

    @Override
    public String toString() {
        int s = state;
        return "Waiter[" + thread.getName() + ", " + (s == WAITING ? "waiting" : s == ABANDONED ? "abandoned"
                : "claimed by branch " + s) + "]";
    }
}
