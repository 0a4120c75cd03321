package dev.heddle.sync;

import dev.heddle.select.SelectableOp;
import dev.heddle.select.Waiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fair mutual-exclusion lock for Heddle tasks that guards a value (Tokio's {@code Mutex}):
 * waiters get the lock strictly in arrival order, and waiting suspends the task instead of
 * blocking its carrier, so holding the lock across other suspension points is fine.
 *
 * <pre>{@code
 * Mutex<List<String>> log = new Mutex<>(new ArrayList<>());
 * try (MutexGuard<List<String>> g = log.lock()) {
 *     g.get().add("entry");
 * }
 * }</pre>
 * Waiting for the lock is a suspension point: an aborted or timed-out waiter leaves the queue
 * without ever holding the lock. The lock is not tied to a thread: a guard may be closed by
 * another task than the one that locked.
 *
 * <p>An uncontended lock and unlock are one compare-and-set each. Once a task waits, the
 * state word says so, every unlock takes the queue's lock and hands the mutex straight to the
 * longest waiter, and nobody can take it past the queue.
 */
public final class Mutex<T> {
    private static final int HELD = 1;
    /** Set, together with HELD, while the queue is not empty; changed only under the queue's lock. */
    private static final int QUEUED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Mutex.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int state;
    /** True from handing the lock to a parked waiter until that waiter runs: spinning for the lock is then futile. */
    private volatile boolean handedToParked;
    private final ReentrantLock queueLock = new ReentrantLock();
    private final WaitQueue<LockOp> waiters = new WaitQueue<>();
    private T value;

    /** An unlocked mutex guarding {@code value} (which may be null). */
    public Mutex(T value) {
        this.value = value;
    }

    /** An unlocked mutex guarding nothing: a plain lock. */
    public Mutex() {
        this(null);
    }

    /**
     * Waits for the lock, in arrival order.
     *
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or its
     *     timeout passes while waiting; the lock was not taken
     */
    public MutexGuard<T> lock() {
        if (STATE.compareAndSet(this, 0, HELD)) {
            return new MutexGuard<>(this);
        }
        return OpCompletion.await(new LockOp());
    }

    /** The lock now, or empty if it is held (and so, also if others wait for it). */
    public Optional<MutexGuard<T>> tryLock() {
        return STATE.compareAndSet(this, 0, HELD) ? Optional.of(new MutexGuard<>(this)) : Optional.empty();
    }

    /** Taking the lock as an operation that select can offer. */
    public SelectableOp<MutexGuard<T>> lockOp() {
        return new LockOp();
    }

    /** True while some task holds the lock; a snapshot, for tests and diagnostics. */
    public boolean isLocked() {
        return (state & HELD) != 0;
    }

    /** Releases the lock, or hands it to the longest waiter; called by the guard. */
    void unlock() {
        if (STATE.compareAndSet(this, HELD, 0)) {
            return;
        }
        Waiter handedTo = null;
        queueLock.lock();
        try {
            for (LockOp next = waiters.pollFirst(); next != null; next = waiters.pollFirst()) {
                next.guard = new MutexGuard<>(this);
                if (next.waiter.tryClaim(next.branch)) {
                    if (waiters.isEmpty()) {
                        state = HELD;
                    }
                    handedTo = next.waiter;
                    handedToParked = !next.spinning;
                    break;
                }
            }
            if (handedTo == null) {
                state = 0;
            }
        } finally {
            queueLock.unlock();
        }
        if (handedTo != null) {
            handedTo.wake();
        }
    }

    T value() {
        return value;
    }

    void value(T newValue) {
        value = newValue;
    }

    @Override
    public String toString() {
        int s = state;
        return "Mutex[" + ((s & HELD) == 0 ? "unlocked" : "locked") + ((s & QUEUED) == 0 ? "" : ", waiters") + "]";
    }

    /** One call's wait for the lock; queued as itself. */
    private final class LockOp extends WaitQueue.Node<LockOp> implements SelectableOp<MutexGuard<T>>, SpinBeforePark {
        private Waiter waiter;
        private int branch;
        private MutexGuard<T> guard;
        private boolean queuedFirst;
        private volatile boolean spinning;

        @Override
        public boolean tryNow() {
            if (STATE.compareAndSet(Mutex.this, 0, HELD)) {
                guard = new MutexGuard<>(Mutex.this);
                return true;
            }
            return false;
        }

        @Override
        public void enqueue(Waiter waiter, int branch) {
            queueLock.lock();
            try {
                while (true) {
                    int s = state;
                    if (s == 0) {
                        if (STATE.compareAndSet(Mutex.this, 0, HELD)) {
                            if (waiter.tryClaim(branch)) {
                                guard = new MutexGuard<>(Mutex.this);
                            } else {
                                state = 0;
                            }
                            return;
                        }
                    } else if ((s & QUEUED) != 0 || STATE.compareAndSet(Mutex.this, s, s | QUEUED)) {
                        this.waiter = waiter;
                        this.branch = branch;
                        queuedFirst = waiters.isEmpty();
                        waiters.addLast(this);
                        return;
                    }
                }
            } finally {
                queueLock.unlock();
            }
        }

        @Override
        public void dequeue() {
            queueLock.lock();
            try {
                if (waiters.remove(this) && waiters.isEmpty()) {
                    state = HELD;
                }
            } finally {
                queueLock.unlock();
            }
        }

        @Override
        public MutexGuard<T> result() {
            if (handedToParked) {
                handedToParked = false;
            }
            return guard;
        }

        @Override
        public boolean worthSpinning() {
            return queuedFirst && !handedToParked;
        }

        @Override
        public void spinning(boolean spinning) {
            this.spinning = spinning;
        }
    }
}
