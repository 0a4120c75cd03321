package dev.heddle.sync;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A value set once, by whoever sets it first, that tasks can wait for (Tokio's {@code SetOnce}):
 * where a {@link OnceCell} makes its value itself, on first use, a {@code SetOnce} receives it
 * from outside, and every task that needs it waits until it arrives.
 *
 * <pre>{@code
 * SetOnce<Config> config = new SetOnce<>();
 * Heddle.spawn(() -> config.set(loadConfig()));
 * Config c = config.await();            // waits until it is set
 * }</pre>
 * Setting never waits; a second {@link #set} fails and changes nothing. Waiting is a
 * suspension point (an aborted or timed-out waiter leaves and takes nothing), and
 * {@link #awaitOp()} offers the wait to a select. Values are never null.
 */
public final class SetOnce<T> {
    private final ReentrantLock lock = new ReentrantLock();
    private final WaitQueue<WaitOp> waiters = new WaitQueue<>();
    /** Written once, under the lock, before the waiters are woken; read without it. */
    private volatile T value;
    /** Set by {@link #intoInner()}; under the lock. */
    private boolean consumed;

    /** An empty cell. */
    public SetOnce() {}

    /**
     * A cell that already holds {@code value} (Tokio's {@code SetOnce::from} and
     * {@code new_with(Some(value))}).
     *
     * @throws NullPointerException if {@code value} is null
     */
    public static <T> SetOnce<T> of(T value) {
        SetOnce<T> cell = new SetOnce<>();
        cell.set(value);
        return cell;
    }

    /** The value, or empty if it was not set yet; never waits. */
    public Optional<T> get() {
        return Optional.ofNullable(value);
    }

    /** True once the value is set (Tokio's {@code initialized}); never waits. */
    public boolean isInitialized() {
        return value != null;
    }

    /**
     * Sets the value and wakes every task waiting for it; never waits.
     *
     * @throws IllegalStateException if the value was already set (it stays as it was), or the
     *     cell was consumed by {@link #intoInner()}
     * @throws NullPointerException if {@code newValue} is null
     */
    public void set(T newValue) {
        Objects.requireNonNull(newValue, "a SetOnce holds no null; set a value");
        lock.lock();
        try {
            checkNotConsumed();
            if (value != null) {
                throw new IllegalStateException("this SetOnce already holds " + value + ", so set(" + newValue
                        + ") cannot replace it; a SetOnce is set once");
            }
            value = newValue;
            for (WaitOp op = waiters.claimFirst(); op != null; op = waiters.claimFirst()) {
                op.result = newValue;
                op.waiter().wake();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the value is set, and returns it (Tokio's {@code wait}); returns at once if
     * it is.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while waiting
     * @throws IllegalStateException if the cell was consumed by {@link #intoInner()}
     */
    public T await() {
        T v = value;
        return v != null ? v : SelectableOp.await(awaitOp());
    }

    /** The wait for the value as an operation that select can offer. */
    public SelectableOp<T> awaitOp() {
        return new WaitOp();
    }

    /**
     * Takes the value out and consumes the cell (Tokio's {@code into_inner}, which takes the cell
     * by value): empty if it was never set. Every later call on the cell fails with an
     * {@link IllegalStateException}, since Java cannot take the cell away from code that still
     * refers to it.
     *
     * @throws IllegalStateException if a task waits for the value (it would wait forever), or the
     *     cell was already consumed
     */
    public Optional<T> intoInner() {
        lock.lock();
        try {
            checkNotConsumed();
            if (!waiters.isEmpty()) {
                throw new IllegalStateException("intoInner on " + this + ": a task waits for its value;"
                        + " set it, or join the tasks that wait first");
            }
            consumed = true;
            T v = value;
            value = null;
            return Optional.ofNullable(v);
        } finally {
            lock.unlock();
        }
    }

    private void checkNotConsumed() {
        if (consumed) {
            throw new IllegalStateException("this SetOnce was consumed by intoInner(), which took its value out;"
                    + " make a new SetOnce");
        }
    }

    @Override
    public String toString() {
        T v = value;
        return v == null ? "SetOnce[empty]" : "SetOnce[" + v + "]";
    }

    /** One call's wait for the value; queued as itself while it waits. */
    private final class WaitOp extends WaitQueue.Node<WaitOp> implements SelectableOp<T> {
        private T result;

        @Override
        public boolean tryNow() {
            lock.lock();
            try {
                checkNotConsumed();
                result = value;
                return result != null;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void enqueue(Waiter waiter, int branch) {
            lock.lock();
            try {
                checkNotConsumed();
                if (value != null) {
                    if (waiter.tryClaim(branch)) {
                        result = value;
                    }
                    return;
                }
                waiters.add(this, waiter, branch);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void dequeue() {
            lock.lock();
            try {
                waiters.remove(this);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public T result() {
            return result;
        }
    }
}
