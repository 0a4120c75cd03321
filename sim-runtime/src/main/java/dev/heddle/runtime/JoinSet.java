package dev.heddle.runtime;

import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
    /** Tasks not yet joined, in spawn order. */
    private final Map<Long, Task<T>> members = new LinkedHashMap<>();
    /** Tasks that ended, in the order they ended; filled from the ending tasks' threads. */
    private final ConcurrentLinkedQueue<Task<T>> finished = new ConcurrentLinkedQueue<>();
    private volatile Thread waiter;

    /** A set spawning on the current task's runtime. */
    public JoinSet() {
        this(HeddleRuntime.current());
    }

    public JoinSet(HeddleRuntime runtime) {
        this.runtime = runtime;
    }

    public JoinHandle<T> spawn(Callable<T> body) {
        return spawn(null, body);
    }

    public JoinHandle<T> spawn(String name, Callable<T> body) {
        JoinHandle<T> handle = runtime.spawn(name, body);
        Task<T> task = handle.task();
        members.put(task.id(), task);
        task.whenDone(() -> {
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
        if (members.isEmpty()) {
            throw new NoSuchElementException("joinNext on an empty JoinSet: check isEmpty() first");
        }
        Task<T> next = finished.poll();
        if (next == null) {
            waiter = Thread.currentThread();
            try {
                while ((next = finished.poll()) == null) {
                    Suspension.park(this);
                }
            } finally {
                waiter = null;
            }
        }
        members.remove(next.id());
        return JoinHandle.outcome(next);
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
        for (Task<T> t : members.values()) {
            t.cancel();
        }
    }

    /** Tasks spawned and not yet returned by {@link #joinNext()}. */
    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** Aborts the tasks still in the set and forgets them. */
    @Override
    public void close() {
        abortAll();
        members.clear();
        finished.clear();
    }
}
