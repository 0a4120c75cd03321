package dev.heddle.runtime;

import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.OneTimeEvent;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A group of tasks joined in the order they finish (Tokio's {@code JoinSet}). Closing the
 * set aborts the tasks still in it. Owned by one task at a time: not for concurrent use.
 *
 * <pre>{@code
 * try (JoinSet<String> set = new JoinSet<>()) {
 *     for (String url : urls) set.spawn(() -> fetch(url));
 *     while (!set.isEmpty()) results.add(set.joinNext());
 * }
 * }</pre>
 */
public final class JoinSet<T> implements AutoCloseable {
    private final HeddleRuntime runtime;
    /**
     * Tasks not yet joined, in spawn order, each with the callback that reports its end to
     * {@link #finished}: disarmed when the set lets the task go, so that a detached task leaves
     * nothing behind in the set.
     */
    private final Map<Long, Member<T>> members = new LinkedHashMap<>();
    /** Tasks that ended, in the order they ended; filled from the ending tasks' threads. */
    private final ConcurrentLinkedQueue<Task<T>> finished = new ConcurrentLinkedQueue<>();
    private volatile Thread waiter;

    /** A set spawning on the current task's runtime. */
    public JoinSet() {
        this(HeddleRuntime.current());
    }

    /** A set spawning on {@code runtime}, for code outside a task (before {@code blockOn}). */
    public JoinSet(HeddleRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts {@code body} as a task in this set and returns at once; {@link #joinNext()} will
     * return its outcome. The handle may also be joined or aborted.
     *
     * On a runtime that is shut down the task ends cancelled at once, as {@link HeddleRuntime#spawn} says.
     */
    public JoinHandle<T> spawn(Callable<T> body) {
        return spawn(null, body);
    }

    /** {@link #spawn(Callable)} with a name for the task, which traces and failure reports show. */
    public JoinHandle<T> spawn(String name, Callable<T> body) {
        return add(runtime.spawn(name, body));
    }

    /**
     * Runs {@code body} where it may block its thread, as {@link HeddleRuntime#spawnBlocking}
     * does, and adds it to the set. Aborting it (by {@link #abortAll()}, {@link #shutdown()}
     * or {@link #close()}) has no effect once it started: {@link #shutdown()} then waits for it.
     */
    public JoinHandle<T> spawnBlocking(Callable<T> body) {
        return add(runtime.spawnBlocking(body));
    }

    /**
     * Starts {@code body} as a local task in this set, as {@link Heddle#spawnLocal} does: it stays
     * on the worker thread of the calling task, and called in a task of a {@link LocalSet} it
     * joins that set too (Tokio's {@code spawn_local} inside {@code LocalSet::run_until}), so that
     * closing the {@code LocalSet} aborts it. {@link #joinAll()} waits for the set's local tasks,
     * {@link #close()} aborts those left.
     *
     * @throws IllegalStateException outside a task of the set's runtime, in a spawnBlocking body
     *     or inside {@link Heddle#blockInPlace} (which run on no worker)
     */
    public JoinHandle<T> spawnLocal(Callable<T> body) {
        LocalSet local = LocalSet.current();
        if (local != null && HeddleRuntime.current() == runtime) {
            return add(local.spawnLocal(null, body));
        }
        return add(runtime.spawnLocal(null, body));
    }

    /**
     * Starts {@code body} as a local task of {@code local} and adds it to this set (Tokio's
     * {@code spawn_local_on}): it runs on the worker of {@code local}'s tasks, {@link #joinNext()}
     * returns its outcome, and closing either set aborts it. Unlike Tokio's, it starts at once,
     * whether or not a task drives {@code local} (see {@link LocalSet}).
     *
     * @throws IllegalStateException as {@link LocalSet#spawnLocal(Callable)} does: outside a task,
     *     or from a task of another runtime than {@code local}'s
     */
    public JoinHandle<T> spawnLocalOn(Callable<T> body, LocalSet local) {
        return add(local.spawnLocal(null, body));
    }

    private JoinHandle<T> add(JoinHandle<T> handle) {
        Task<T> task = handle.task();
        Member<T> member = new Member<>(task);
        members.put(task.id(), member);
        member.onEnd = task.whenDone(() -> {
            finished.add(task);
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        });
        return handle;
    }

    /**
     * Waits for the next task to finish and returns its value.
     *
     * @throws NoSuchElementException if the set is empty
     * @throws JoinException if that task failed or was cancelled; it is removed from the set all the same
     */
    public T joinNext() {
        return JoinHandle.outcome(awaitNext("joinNext"));
    }

    /**
     * Waits for the next task to finish and returns it with its id (Tokio's
     * {@code join_next_with_id}), so that a caller can tell which of its tasks this was.
     *
     * @throws NoSuchElementException if the set is empty
     * @throws JoinException if that task failed or was cancelled; {@link JoinException#id()}
     *     names it, and it is removed from the set all the same
     */
    public JoinedTask<T> joinNextWithId() {
        Task<T> next = awaitNext("joinNextWithId");
        return new JoinedTask<>(next.id(), JoinHandle.outcome(next));
    }

    /**
     * The next task that has already finished, without waiting (Tokio's {@code try_join_next}):
     * empty when none has, including when the set is empty. The result carries the task's id
     * as well as its value, so that a task that finished with a null value (one spawned from a
     * {@code Runnable}) is told apart from no task at all.
     *
     * @throws JoinException if that task failed or was cancelled; it is removed from the set
     *     all the same
     */
    public Optional<JoinedTask<T>> tryJoinNext() {
        Task<T> next = pollFinished();
        if (next == null) {
            return Optional.empty();
        }
        return Optional.of(new JoinedTask<>(next.id(), JoinHandle.outcome(next)));
    }

    /** Suspends until a task of the set has finished, and takes it out of the set. */
    private Task<T> awaitNext(String operation) {
        if (members.isEmpty()) {
            throw new NoSuchElementException(operation + " on an empty JoinSet: check isEmpty() first");
        }
        Budget.spend();
        Task<T> next = pollFinished();
        if (next == null) {
            waiter = Thread.currentThread();
            try {
                while ((next = pollFinished()) == null) {
                    Suspension.park(this);
                }
            } finally {
                waiter = null;
            }
        }
        return next;
    }

    /**
     * Takes the next finished member out of the set, or null. Skips a task that ended while
     * {@link #detachAll()} let it go: its report may have been on its way past the disarm.
     */
    private Task<T> pollFinished() {
        Task<T> next;
        while ((next = finished.poll()) != null) {
            if (members.remove(next.id()) != null) {
                return next;
            }
        }
        return null;
    }

    /**
     * Waits for every task and returns their values in the order they finished. On the first
     * task that failed or was cancelled, aborts the tasks still in the set and lets go of them
     * (as Tokio's {@code join_all} does, which panics and drops the set), then throws: a caller
     * that gets no values gets no tasks left running for it either.
     *
     * @throws JoinException of the first task that failed or was cancelled; the set is then empty
     */
    public List<T> joinAll() {
        List<T> values = new ArrayList<>(members.size());
        while (!isEmpty()) {
            try {
                values.add(joinNext());
            } catch (JoinException e) {
                close();
                throw e;
            }
        }
        return values;
    }

    /** Requests cancellation of every task still in the set; they stay in it until joined. */
    public void abortAll() {
        for (Member<T> m : members.values()) {
            m.task.cancel();
        }
    }

    /**
     * Aborts every task in the set and waits until each has ended, discarding their values and
     * failures (Tokio's {@code shutdown}): when it returns, their {@code finally} blocks have
     * run and the set is empty. A task that never reaches another suspension point, or a
     * blocking task that already started, is waited for until it ends on its own.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted while
     *     waiting; the tasks not yet ended stay in the set
     */
    public void shutdown() {
        abortAll();
        while (!members.isEmpty()) {
            awaitNext("shutdown");
        }
    }

    /**
     * Removes every task from the set without aborting it (Tokio's {@code detach_all}): they
     * run on, and their outcomes go unobserved, as with a dropped {@link JoinHandle}.
     */
    public void detachAll() {
        for (Member<T> m : members.values()) {
            m.onEnd.disarm();
        }
        members.clear();
        finished.clear();
    }

    /** Tasks spawned and not yet returned by {@link #joinNext()}. */
    public int size() {
        return members.size();
    }

    /** True when every task spawned has been returned by {@link #joinNext()}: nothing left to wait for. */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** Aborts the tasks still in the set and forgets them. */
    @Override
    public void close() {
        abortAll();
        detachAll();
    }

    /** A task of the set, and the registration that reports its end to the set. */
    private static final class Member<T> {
        final Task<T> task;
        OneTimeEvent.Registration onEnd;

        Member(Task<T> task) {
            this.task = task;
        }
    }
}
