package dev.heddle.runtime.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

/**
 * A task's cooperative budget (Tokio's {@code coop}): how many operations it may complete
 * without waiting before it must let the other tasks run.
 *
 * <p>An operation that is ready never suspends, so without a budget a loop of always-ready
 * operations (receiving from a channel that is always full, locking an uncontended mutex)
 * would keep its worker forever: the tasks queued behind it on that worker would starve, and
 * since cancellation and timeouts are delivered only at suspension points, an
 * {@code abort()} or a {@code timeout} around the loop would never take effect. So every
 * channel, sync and time operation {@link #spend() spends} one unit before it tries to
 * complete; when the task has spent {@value #PER_RESUME} units (Tokio's number) since it last
 * resumed, the operation first yields ({@link Suspension#yieldNow()}: a suspension point
 * where cancellation is delivered, and in the simulator one more scheduling decision), and
 * then goes on with a fresh budget. Every suspension refills the budget, as Tokio refills it
 * at each poll of the task; an operation that then has to wait loses nothing by having
 * spent.
 *
 * <p>What spends, as in Tokio: every wait for one {@code SelectableOp} (receives, bounded
 * sends and reserves, locks, permits, watch changes, network reads and accepts), a
 * {@code select}, a join of a task, a sleep (also one already over), a UDP send and a TCP
 * write. What does not: the {@code try*} methods, sends that never wait (unbounded, oneshot,
 * broadcast, watch), {@code yieldNow} itself, and code on a thread that is not a task or in a
 * blocking task, which Tokio leaves unconstrained too. Each of these calls {@link #spend()}
 * once, before it tries: {@code SelectableOp.await}, {@code Select.run}, and the few fast
 * paths that complete without it ({@code Mutex.lock}, a bounded {@code mpsc} send and
 * {@code recv}, {@code JoinHandle.join}, {@code JoinSet}, the runtime clock's sleep,
 * {@code UdpSocket.send}, the real backend's TCP write).
 *
 * <p>The budget lives in fields of {@link Task} that only the task's own thread touches, so
 * spending is two plain field accesses after the {@link Task#current()} lookup.
 */
public final class Budget {
    /**
     * Units per resume: Tokio's initial budget, chosen to amortize a yield over enough work
     * while keeping the others' wait short.
     */
    public static final int PER_RESUME = 128;

    private Budget() {}

    /**
     * Spends one unit of the calling task's budget for an operation about to try to complete;
     * when the budget is spent, yields first (a suspension point) and spends from the fresh
     * one. Call it before the operation commits, so that a cancellation delivered at the
     * yield leaves the operation undone. Does nothing outside a task.
     *
     * @throws java.util.concurrent.CancellationException if the task yields here and was
     *     aborted or its timeout passed
     */
    public static void spend() {
        Task<?> task = Task.current();
        if (task != null && !task.trySpendBudget()) {
            Suspension.yieldNow();
            task.trySpendBudget();
        }
    }

    /** True when the calling task may still complete an operation without yielding first; true outside a task. */
    public static boolean hasRemaining() {
        Task<?> task = Task.current();
        return task == null || task.hasBudgetRemaining();
    }

    /** Units the calling task may still spend before it yields; {@link #PER_RESUME} outside a task. */
    public static int remaining() {
        Task<?> task = Task.current();
        return task == null ? PER_RESUME : task.budgetRemaining();
    }

    /**
     * Lowers the calling task's budget to {@code units} until it next resumes: for a task that
     * stands for part of another task's poll (a {@code LocalSet.runUntil} body), which Tokio
     * runs on what is left of that task's budget rather than a fresh one.
     */
    public static void limitTo(int units) {
        Task<?> task = Task.current();
        if (task != null) {
            task.limitBudget(units);
        }
    }

    /**
     * Runs {@code body} with the calling task's budget switched off: nothing in it yields for
     * the budget. Sections nest; the budget is on again once the outermost one is left.
     * Checked exceptions of the body come out wrapped in {@link CompletionException}.
     */
    public static <T> T unconstrained(Callable<T> body) {
        Task<?> task = Task.current();
        if (task != null) {
            task.enterUnconstrained();
        }
        try {
            return body.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        } finally {
            if (task != null) {
                task.leaveUnconstrained();
            }
        }
    }
}
