package dev.heddle.sync;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.runtime.internal.Task;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.runtime.internal.Waiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;

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
 * without holding the lock, unless its turn had already come. The lock is not tied to a
 * thread: a guard may be closed by another task than the one that locked. Once a task waits,
 * neither {@link #lock()} nor {@link #tryLock()} takes the lock ahead of it.
 */
public final class Mutex<T> {

    /*
     * Implementation notes.
     *
     * An uncontended lock and unlock are one compare-and-set each on `state`, which holds
     * HELD and QUEUED. Once a task waits, QUEUED is set and no CAS from 0 succeeds, so
     * nobody takes the lock past the queue.
     *
     * An unlock does not hand the lock to the first waiter of a lock(): it frees it and wakes
     * that waiter, which takes it when it runs (as the JDK's fair ReentrantLock does). So the
     * lock is never owned by a task that still waits for a carrier, and the unlock stays a few
     * instructions that inline into the caller. A select's lockOp() cannot run code of its own
     * before it is claimed, so the first waiter, if it is one, is given the lock by the
     * unlock, under the queue's lock.
     *
     * The queue (`waiters`) is guarded by a spin lock (`queueLocked`), held for a few pointer
     * updates only; its head is mirrored in `firstWaiter` so that an unlock and a spinning
     * first waiter can read it without that lock. The memory orders of the three fields are
     * named as runtime.internal's package doc defines, and each field says what it pairs with.
     */

    private static final int HELD = 1;
    /** Set while the queue is not empty; set and cleared only under the queue's lock. */
    private static final int QUEUED = 2;
    /**
     * How often a task that finds the lock held by another and nobody queued retries before
     * it queues: a lock held for a few nanoseconds is usually free again within that time,
     * and queueing makes every later lock of every task wait its turn.
     */
    private static final int ARRIVAL_SPINS = 64;
    /** How often the first waiter looks at the lock before it parks. */
    private static final int FIRST_WAITER_SPINS = 256;
    private static final boolean MULTI_CORE = java.lang.Runtime.getRuntime().availableProcessors() > 1;
    private static final VarHandle STATE;
    private static final VarHandle QUEUE_LOCK;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Mutex.class, "state", int.class);
            QUEUE_LOCK = MethodHandles.lookup().findVarHandle(Mutex.class, "queueLocked", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * {@link #HELD} and {@link #QUEUED} bits; changed only by {@link #casState} and
     * {@link #xaddState} (full barriers), read with {@link #lvState()}. The holder's writes to
     * the guarded {@link #value} are published by the unlock's update and seen by the next
     * locker's successful CAS. An unlock's {@code xaddState(-HELD)} comes before its
     * {@link #lvFirstWaiter()}, and a waiter's {@link #svFirstWaiter} before its
     * {@code lvState()}: both store-then-load, so one of the two sees the other
     * ({@link #unlockContended}).
     */
    private volatile int state;
    /**
     * The queue's head, readable without the queue's lock ({@link #lvFirstWaiter()}); stored
     * only under it ({@link #svFirstWaiter}), a volatile store because the unlock pairs with it
     * as {@link #state} says.
     */
    private volatile LockOp firstWaiter;
    /**
     * Guards {@link #waiters}: 1 while held. A spin lock, because it is held for a few pointer
     * updates and never across a wait, so a second taker spins for nanoseconds; its release is
     * a plain release store ({@link #soQueueLocked}) where a {@code ReentrantLock}'s is a full
     * fence, and a contended lock or unlock takes it twice. That store pairs with the next
     * taker's {@link #casQueueLocked}, which so sees the queue as it was left.
     */
    private volatile int queueLocked;
    private final WaitQueue<LockOp> waiters = new WaitQueue<>();
    /**
     * Set by {@link #intoInner()}, which leaves the mutex held for good; written and read under
     * the queue's lock, so that a locker queues before it is set (and intoInner then fails) or
     * sees it and fails, and never waits for a lock no one will release.
     */
    private boolean consumed;
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
        Budget.spend();
        // One allocation site for the guard, so that the JIT can do without the object once
        // the guard's close() is inlined into the caller.
        if (!casState(0, HELD)) {
            lockContended();
        }
        return new MutexGuard<>(this);
    }

    /**
     * The lock now, or empty if it is held (and so, also if others wait for it).
     *
     * @throws IllegalStateException if the mutex was consumed by {@link #intoInner()}
     */
    public Optional<MutexGuard<T>> tryLock() {
        if (casState(0, HELD)) {
            return Optional.of(new MutexGuard<>(this));
        }
        if (isConsumed()) {
            throw consumedError();
        }
        return Optional.empty();
    }

    /**
     * Takes the value out of a mutex that no task holds or waits for, and consumes the mutex
     * (Tokio's {@code into_inner}, which takes the mutex by value so that nobody can use it
     * afterwards): every later {@code lock}, {@code tryLock} or {@code lockOp} fails with an
     * {@link IllegalStateException}, since Java cannot take the mutex away from code that still
     * refers to it. For the end of a computation whose tasks have all finished.
     *
     * @throws IllegalStateException if a task holds the mutex or waits for it (the value stays
     *     where it is), or if it was already consumed
     */
    public T intoInner() {
        lockQueue();
        try {
            if (consumed) {
                throw consumedError();
            }
            if (!casState(0, HELD)) {
                // Not "+ this": toString takes the queue's lock, which is held here.
                throw new IllegalStateException("intoInner: a task holds this mutex or waits for it;"
                        + " join the tasks that use it first");
            }
            consumed = true;
        } finally {
            unlockQueue();
        }
        T v = value;
        value = null;
        return v;
    }

    private boolean isConsumed() {
        lockQueue();
        try {
            return consumed;
        } finally {
            unlockQueue();
        }
    }

    private static IllegalStateException consumedError() {
        return new IllegalStateException("this mutex was consumed by intoInner(), which took its value out;"
                + " make a new Mutex for the value");
    }

    /** Taking the lock as an operation that select can offer. */
    public SelectableOp<MutexGuard<T>> lockOp() {
        return new LockOp(null);
    }

    /** True while some task holds the lock; a snapshot, for tests and diagnostics. */
    public boolean isLocked() {
        return (lvState() & HELD) != 0;
    }

    /** Releases the lock and wakes the first waiter, if any; called by the guard. */
    void unlock() {
        if (!casState(HELD, 0)) {
            unlockContended();
        }
    }

    /**
     * Frees the lock (QUEUED stays: newcomers keep queueing) and lets the first waiter know.
     * Freeing before reading the head pairs with {@link #leave}, which updates the head before
     * it looks at the lock: one of the two always sees the other, so no turn is lost.
     */
    private void unlockContended() {
        xaddState(-HELD);
        LockOp first = lvFirstWaiter();
        if (first != null) {
            if (first.parker != null) {
                LockSupport.unpark(first.parker);
            } else {
                serveFirstSelectWaiter();
            }
        }
    }

    /** Takes the lock for a {@link #lock()} that found it held: retries briefly, then waits its turn. */
    private void lockContended() {
        boolean maySpin = maySpin();
        if (maySpin) {
            for (int i = 0; i < ARRIVAL_SPINS; i++) {
                int s = lvState();
                if ((s & QUEUED) != 0) {
                    break;
                }
                if (s == 0 && casState(0, HELD)) {
                    return;
                }
                Thread.onSpinWait();
            }
        }
        LockOp node = new LockOp(Thread.currentThread());
        lockQueue();
        try {
            if (takeOrQueue(node)) {
                return;
            }
        } finally {
            unlockQueue();
        }
        int spins = maySpin ? FIRST_WAITER_SPINS : 0;
        try {
            while (true) {
                if (lvFirstWaiter() == node) {
                    int s = lvState();
                    if ((s & HELD) == 0) {
                        if (casState(s, s | HELD)) {
                            break;
                        }
                        continue;
                    }
                    if (spins > 0) {
                        spins--;
                        Thread.onSpinWait();
                        continue;
                    }
                }
                Suspension.park(this);
            }
        } catch (CancellationException e) {
            if (!leave(node, true)) {
                throw e;
            }
            // Its turn had come: it holds the lock, and the cancellation stays pending for the
            // task's next suspension point, as when a select branch wins the race with it.
            return;
        }
        leave(node, false);
    }

    /**
     * Under the queue's lock: takes the free lock if nobody waits (true), or queues
     * {@code node} (false).
     */
    private boolean takeOrQueue(LockOp node) {
        if (consumed) {
            throw consumedError();
        }
        while (true) {
            int s = lvState();
            if (s == 0) {
                if (casState(0, HELD)) {
                    return true;
                }
            } else if ((s & QUEUED) != 0 || casState(s, s | QUEUED)) {
                waiters.addLast(node);
                svFirstWaiter(waiters.first());
                return false;
            }
        }
    }

    /**
     * Takes {@code node} off the queue. A waiter that gives up ({@code givingUp}) takes the
     * lock instead if it is first and the lock is free (true): the unlock chose it already,
     * and a try-lock may have failed meanwhile because of it. Otherwise, if the lock is free,
     * the turn passes to the next waiter.
     */
    private boolean leave(LockOp node, boolean givingUp) {
        Waiter toWake = null;
        boolean took = false;
        lockQueue();
        try {
            if (givingUp && lvFirstWaiter() == node) {
                int s = lvState();
                took = (s & HELD) == 0 && casState(s, s | HELD);
            }
            if (waiters.remove(node)) {
                afterRemoval();
            }
            if (givingUp && !took) {
                toWake = serveFirst();
            }
        } finally {
            unlockQueue();
        }
        if (toWake != null) {
            toWake.wake();
        }
        return took;
    }

    /** Under the queue's lock, after a removal: publishes the new head; clears QUEUED when nobody is left. */
    private void afterRemoval() {
        svFirstWaiter(waiters.first());
        if (waiters.isEmpty()) {
            int s;
            do {
                s = lvState();
            } while (!casState(s, s & ~QUEUED));
        }
    }

    private void serveFirstSelectWaiter() {
        Waiter toWake;
        lockQueue();
        try {
            toWake = serveFirst();
        } finally {
            unlockQueue();
        }
        if (toWake != null) {
            toWake.wake();
        }
    }

    /**
     * Under the queue's lock, when the lock may be free: wakes the first waiter if it takes the
     * lock itself, or gives the lock to the first select waiter that can still be claimed,
     * returning it to be woken once the queue's lock is released.
     */
    private Waiter serveFirst() {
        while (true) {
            LockOp first = waiters.first();
            int s = lvState();
            if (first == null || (s & HELD) != 0) {
                return null;
            }
            if (first.parker != null) {
                LockSupport.unpark(first.parker);
                return null;
            }
            if (!casState(s, s | HELD)) {
                continue;
            }
            waiters.remove(first);
            afterRemoval();
            first.guard = new MutexGuard<>(this);
            if (first.tryClaim()) {
                return first.waiter();
            }
            first.guard = null;
            xaddState(-HELD);
        }
    }

    private void lockQueue() {
        while (!casQueueLocked(0, 1)) {
            Thread.onSpinWait();
        }
    }

    private void unlockQueue() {
        soQueueLocked(0);
    }

    // Accessors named by their memory order, as the package doc of dev.heddle.runtime.internal defines.

    private int lvState() {
        return state;
    }

    private boolean casState(int expected, int next) {
        return STATE.compareAndSet(this, expected, next);
    }

    /** Adds {@code delta} to the state. */
    private void xaddState(int delta) {
        STATE.getAndAdd(this, delta);
    }

    private LockOp lvFirstWaiter() {
        return firstWaiter;
    }

    private void svFirstWaiter(LockOp first) {
        firstWaiter = first;
    }

    private boolean casQueueLocked(int expected, int next) {
        return QUEUE_LOCK.compareAndSet(this, expected, next);
    }

    private void soQueueLocked(int v) {
        QUEUE_LOCK.setRelease(this, v);
    }

    /** Spinning pays only with another CPU to free the lock meanwhile, and never in simulation. */
    private static boolean maySpin() {
        if (!MULTI_CORE) {
            return false;
        }
        Task<?> task = Task.current();
        return task == null || !task.carrier().isSimulation();
    }

    T value() {
        return value;
    }

    void value(T newValue) {
        value = newValue;
    }

    /**
     * The guarded value, if the lock is free to read it, as Tokio's {@code Debug} shows it:
     * {@code Mutex[data=42]}, or {@code Mutex[data=<locked>]} while a task holds the lock (or
     * {@code <consumed>} after {@link #intoInner()}). It takes the lock for the read, as Tokio's
     * does with {@code try_lock}, so a {@link #tryLock()} racing it may fail. Takes the queue's
     * lock, so never call it while holding that.
     */
    @Override
    public String toString() {
        if (casState(0, HELD)) {
            try {
                return "Mutex[data=" + value + "]";
            } finally {
                unlock();
            }
        }
        return "Mutex[data=" + (isConsumed() ? "<consumed>" : "<locked>")
                + ((lvState() & QUEUED) == 0 ? "" : ", waiters") + "]";
    }

    /**
     * One call's wait for the lock; queued as itself. A {@link #lock()} waits as its thread
     * ({@code parker}) and takes the lock itself when its turn comes; a select's op waits as a
     * {@link Waiter} and is given the lock.
     */
    private final class LockOp extends WaitQueue.Node<LockOp> implements SelectableOp<MutexGuard<T>> {
        private final Thread parker;
        private MutexGuard<T> guard;

        LockOp(Thread parker) {
            this.parker = parker;
        }

        @Override
        public boolean tryNow() {
            if (casState(0, HELD)) {
                guard = new MutexGuard<>(Mutex.this);
                return true;
            }
            return false;
        }

        @Override
        public void enqueue(Waiter waiter, int branch) {
            waitWith(waiter, branch);
            lockQueue();
            try {
                if (takeOrQueue(this)) {
                    if (waiter.tryClaim(branch)) {
                        guard = new MutexGuard<>(Mutex.this);
                    } else {
                        xaddState(-HELD);
                    }
                }
            } finally {
                unlockQueue();
            }
        }

        @Override
        public void dequeue() {
            Waiter toWake = null;
            lockQueue();
            try {
                if (waiters.remove(this)) {
                    afterRemoval();
                    toWake = serveFirst();
                }
            } finally {
                unlockQueue();
            }
            if (toWake != null) {
                toWake.wake();
            }
        }

        @Override
        public MutexGuard<T> result() {
            return guard;
        }
    }
}
