package dev.heddle.runtime;

import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.Task;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A set of local tasks (Tokio's {@code task::LocalSet}): tasks started by
 * {@link Heddle#spawnLocal}, which stay on the worker thread of the task that spawns them, and
 * which the set keeps together: a local task of the set that calls {@link Heddle#spawnLocal}
 * adds the new task to the set too. {@link #join()} waits until every task of the set has
 * ended, {@link #close()} aborts those still running, as dropping a Tokio {@code LocalSet}
 * cancels its tasks.
 *
 * <pre>{@code
 * try (LocalSet local = new LocalSet()) {
 *     int n = local.runUntil(() -> {
 *         JoinHandle<Integer> a = Heddle.spawnLocal(() -> cache.size());   // in the set, on this worker
 *         return a.join();
 *     });
 * }
 * }</pre>
 *
 * <p>All tasks of a set run on one worker, the one that ran the task that spawned the set's
 * first task, one at a time: they may share objects that are not thread-safe. Unlike Tokio's, a
 * set's tasks run as soon as they are spawned, whether or not a task drives the set: Heddle's
 * local tasks are pinned to a worker of the runtime, not run by the set. So every method must
 * be called inside a task. Safe for use by several tasks at once.
 */
public final class LocalSet implements AutoCloseable {
    /** Bound in the tasks of a set: where {@link Heddle#spawnLocal} adds what they spawn. */
    private static final ScopedValue<LocalSet> CURRENT = ScopedValue.newInstance();

    /** Every task spawned into the set, in spawn order; {@link #join()} and {@link #close()} walk it. */
    private final ConcurrentLinkedQueue<JoinHandle<?>> tasks = new ConcurrentLinkedQueue<>();
    /** The runtime and the worker of the set's tasks, from its first spawn; guarded by {@code this}. */
    private HeddleRuntime runtime;
    private int worker;
    private volatile boolean shutdownOnUnhandledFailure;
    /** The first failure of a task of the set, once {@link #shutdownOnUnhandledFailure()} made it end the set. */
    private volatile Throwable unhandledFailure;

    /**
     * Makes the first task of the set that fails (throws) end the whole set, whether or not
     * anyone joins it (Tokio's {@code unhandled_panic(UnhandledPanic::ShutdownRuntime)}): every
     * task of the set is aborted, and {@link #runUntil} and {@link #join()} throw. The default
     * leaves a failure in its task's handle.
     */
    public LocalSet shutdownOnUnhandledFailure() {
        shutdownOnUnhandledFailure = true;
        return this;
    }

    /** The set the calling task belongs to, or null. */
    static LocalSet current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /**
     * Starts {@code body} as a local task of this set, on the set's worker (see
     * {@link Heddle#spawnLocal}): the worker of the calling task for the set's first task, the
     * same one for every later task, from whichever task it is spawned. Returns at once.
     *
     * @throws IllegalStateException outside a task, in a spawnBlocking body or inside blockInPlace
     *     for the first task, or from a task of another runtime than the set's
     */
    public <T> JoinHandle<T> spawnLocal(Callable<T> body) {
        return spawnLocal(null, body);
    }

    /** {@link #spawnLocal(Callable)} for a body without a result. */
    public JoinHandle<Void> spawnLocal(Runnable body) {
        return spawnLocal(null, HeddleRuntime.asCallable(body));
    }

    /** {@link #spawnLocal(Callable)} with a name for the task, which traces and failure reports show. */
    public <T> JoinHandle<T> spawnLocal(String name, Callable<T> body) {
        HeddleRuntime caller = HeddleRuntime.current();
        int pinned;
        synchronized (this) {
            if (runtime == null) {
                worker = caller.localWorker();
                runtime = caller;
            } else if (runtime != caller) {
                throw new IllegalStateException("this LocalSet's tasks run on runtime " + runtime.id()
                        + ", and spawnLocal was called from runtime " + caller.id() + "; use one set per runtime");
            }
            pinned = worker;
        }
        JoinHandle<T> handle = caller.spawnLocal(name,
                () -> ScopedValue.where(CURRENT, this).call(() -> callWatched(body)), pinned);
        tasks.add(handle);
        return handle;
    }

    private <T> T callWatched(Callable<T> body) throws Exception {
        try {
            return body.call();
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (Exception | Error e) {
            if (shutdownOnUnhandledFailure && unhandledFailure == null) {
                unhandledFailure = e;
                // The set reports it (runUntil, join), so it is no unobserved failure of a task no one joined.
                Task.current().observeOutcome();
                close();
            }
            throw e;
        }
    }

    /** Throws when a failure ended the set ({@link #shutdownOnUnhandledFailure()}). */
    private void checkUnhandledFailure() {
        Throwable failure = unhandledFailure;
        if (failure != null) {
            throw new IllegalStateException("a spawned task failed and the LocalSet is configured to shut down on an"
                    + " unhandled failure: " + failure, failure);
        }
    }

    /**
     * Runs {@code body} as a local task of the set and waits for its value (Tokio's
     * {@code run_until}): the body and the local tasks it spawns run on the calling task's
     * worker. Tasks of the set still running when it returns keep running. The body starts on
     * what is left of the calling task's cooperative budget, not a fresh one, as Tokio polls a
     * {@code run_until} future inside its caller's poll.
     *
     * @throws JoinException when the body fails or is aborted, as {@link JoinHandle#join()} does
     * @throws IllegalStateException when a task of the set failed and
     *     {@link #shutdownOnUnhandledFailure()} ended the set
     * @throws java.util.concurrent.CancellationException if the calling task is aborted meanwhile
     */
    public <T> T runUntil(Callable<T> body) {
        try {
            int budget = Budget.remaining();
            return spawnLocal(() -> {
                Budget.limitTo(budget);
                return body.call();
            }).join();
        } catch (JoinException e) {
            checkUnhandledFailure();
            throw e;
        }
    }

    /**
     * Waits until every task of the set has ended, those spawned meanwhile by its tasks included
     * (Tokio's {@code local_set.await}). Failures of the tasks stay in their handles.
     *
     * @throws IllegalStateException when a task of the set failed and
     *     {@link #shutdownOnUnhandledFailure()} ended the set
     * @throws java.util.concurrent.CancellationException if the calling task is aborted meanwhile
     */
    public void join() {
        // A task adds what it spawns before it ends, so once the oldest has ended, its children are queued.
        // Ended tasks leave the set, which so stays small.
        JoinHandle<?> oldest;
        while ((oldest = tasks.peek()) != null) {
            oldest.awaitEnd();
            tasks.remove(oldest);
        }
        checkUnhandledFailure();
    }

    /** True when no task of the set is still running. */
    public boolean isIdle() {
        for (JoinHandle<?> h : tasks) {
            if (!h.isFinished()) {
                return false;
            }
        }
        return true;
    }

    /** Aborts every task of the set still running (Tokio: dropping a {@code LocalSet} cancels its tasks). */
    @Override
    public void close() {
        for (JoinHandle<?> h : tasks) {
            h.abort();
        }
    }
}
