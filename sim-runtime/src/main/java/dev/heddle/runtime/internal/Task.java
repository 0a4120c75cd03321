package dev.heddle.runtime.internal;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;

/**
 * One unit of concurrent work: a body, the virtual thread that runs it, and its outcome.
 *
 * <p>Users hold tasks through {@link dev.heddle.runtime.JoinHandle}; carriers (the schedulers and the
 * simulator) see this class to name tasks, take their stacks and learn when they end.
 * Cancellation is a request, delivered by {@link Suspension} at the task's next suspension
 * point, so a task that never suspends finishes its synchronous work first (Tokio's rule).
 * A task is itself the one-time event of its end, which joiners wait for.
 */
public final class Task<T> extends OneTimeEvent implements Runnable {

    /** The outcome of a task, once it has one. */
    public enum State { PENDING, SUCCEEDED, FAILED, CANCELLED }

    private static final ScopedValue<Task<?>> CURRENT = ScopedValue.newInstance();
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Task.class, "state", State.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long id;
    private final String name;
    private final HeddleRuntime runtime;
    private final Carrier carrier;
    /** The machine the task runs on: its spawner's, or the runtime's default for a task spawned from outside. */
    private final Node node;
    private final AliveTasks alive;
    /** Dropped once the task has ended, with {@link #thread}, so that a held handle keeps only the outcome. */
    private Callable<T> body;
    private final boolean blocking;
    /** Set by spawnLocal before the task starts ({@link #markLocal}); then only read. */
    private boolean local;
    private Thread thread;

    /**
     * Set by {@link #cancel()} from any thread ({@link #svCancelRequested}), before it unparks
     * the task; read by the task itself at each suspension point ({@link #lvCancelRequested}),
     * so the unparked task sees the request.
     */
    private volatile boolean cancelRequested;
    /**
     * Null while {@link State#PENDING}: a spawn then writes no volatile field (each such store
     * is a full fence on x86, on the spawner's path). Set once, by the task's own thread, with
     * a release store ({@link #soState}) after {@link #value} and {@link #failure}: a reader
     * that loads it ({@link #lvState()}) and finds the task done sees the outcome too.
     */
    private volatile State state;
    /** Written by the task before {@link #soState}; read after {@link #lvState()} found it done. */
    private T value;
    /** As {@link #value}. */
    private Throwable failure;
    /** A flag: stored by a joiner, read by whoever reports unobserved failures; publishes nothing else. */
    private volatile boolean outcomeObserved;

    /**
     * Active {@code timeout} scopes of this task, outermost first; touched only by the task
     * itself, and created by its first {@code timeout}, since most tasks never set one.
     */
    private List<DeadlineScope> deadlines;

    /**
     * Units of the cooperative {@link Budget} left until the task must yield; refilled by
     * every suspension. Touched only by the task itself.
     */
    private int budget = Budget.PER_RESUME;
    /**
     * How many {@link Budget#unconstrained} sections the task is in; a blocking task is always
     * in one, as Tokio stops the budget for {@code spawn_blocking}. Touched only by the task itself.
     */
    private int unconstrainedDepth;

    /** Where the runtime's {@link AliveTasks} keeps this task until it ends; touched by the registry only. */
    AliveTasks.Segment aliveSegment;
    /** The line that spawned the task, found only for a runtime with task hooks ({@link TaskEvents#spawned}). */
    StackTraceElement spawnedAt;

    public Task(long id, String name, HeddleRuntime runtime, Carrier carrier, Node node, AliveTasks alive,
            Callable<T> body, boolean blocking) {
        this.id = id;
        this.name = name;
        this.runtime = runtime;
        this.carrier = carrier;
        this.node = node;
        this.alive = alive;
        this.body = body;
        this.blocking = blocking;
        this.unconstrainedDepth = blocking ? 1 : 0;
    }

    /** The task running on the calling thread, or null on a thread that is not a Heddle task. */
    public static Task<?> current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /** The id, unique within its runtime and assigned in spawn order. */
    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /**
     * The thread that runs the body (virtual, or a blocking-pool thread for blocking tasks);
     * null once the task has ended, so that a handle kept after the end does not keep the
     * thread's memory alive.
     */
    public Thread thread() {
        return thread;
    }

    public HeddleRuntime runtime() {
        return runtime;
    }

    /** The carrier of the task's runtime: the scheduler, or the simulator. */
    public Carrier carrier() {
        return carrier;
    }

    /**
     * The machine the task runs on, whose name and clock its code sees: the node of the task
     * that spawned it, so that every task spawned on a simulated host belongs to that host.
     */
    public Node node() {
        return node;
    }

    /** True for a task from {@code spawnBlocking}. */
    public boolean isBlocking() {
        return blocking;
    }

    public State state() {
        State s = lvState();
        return s == null ? State.PENDING : s;
    }

    public boolean isDone() {
        return lvState() != null;
    }

    public boolean isCancelRequested() {
        return lvCancelRequested();
    }

    /** The exception a failed task ended with, or null. */
    public Throwable failure() {
        return failure;
    }

    /** True once someone joined the task and so saw its outcome. */
    public boolean isOutcomeObserved() {
        return lvOutcomeObserved();
    }

    /** True for a task from {@code spawnLocal}: its carrier never moves it to another worker's thread. */
    public boolean isLocal() {
        return local;
    }

    /** Marks a task {@code spawnLocal} starts, before its thread starts (which publishes the mark). */
    public void markLocal() {
        local = true;
    }

    public void bind(Thread thread) {
        this.thread = thread;
    }

    /**
     * Requests cancellation and wakes the task so that it meets its next suspension point;
     * what {@link dev.heddle.runtime.JoinHandle#abort()} does.
     */
    public void cancel() {
        if (isDone() || lvCancelRequested()) {
            return;
        }
        svCancelRequested();
        Thread t = thread;
        if (t != null && t != Thread.currentThread() && !blocking) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        ScopedValue.where(CURRENT, this).run(this::runBody);
    }

    private void runBody() {
        State outcome;
        boolean ran = false;
        try {
            if (lvCancelRequested()) {
                outcome = State.CANCELLED;
            } else {
                ran = true;
                TaskEvents.bodyStarting(this);
                value = body.call();
                outcome = State.SUCCEEDED;
            }
        } catch (Throwable e) {
            if (lvCancelRequested() && e instanceof CancellationException) {
                outcome = State.CANCELLED;
            } else {
                failure = e;
                outcome = State.FAILED;
            }
        }
        if (ran) {
            TaskEvents.bodyEnded(this);
        }
        body = null;
        thread = null;
        // Counted ended before the outcome shows: whoever sees the task done sees the runtime's metrics add up.
        alive.remove(this, outcome);
        // A release store: fire() right after is a full fence, so a second one here bought nothing.
        soState(outcome);
        carrier.taskEnded(this);
        fire();
    }

    /**
     * The value of a succeeded task (null otherwise), marking the outcome observed: the
     * runtime's {@code JoinHandle} turns the other outcomes into its {@code JoinException}.
     */
    public T observeOutcome() {
        svOutcomeObserved();
        return value;
    }

    /**
     * Runs {@code action} once the task has ended (at once if it already has), on the thread
     * that ends it. Disarm the registration when the caller stops waiting.
     */
    public OneTimeEvent.Registration whenDone(Runnable action) {
        return whenFired(action);
    }

    /** The live tasks of this task's runtime, which also hold its task hooks. */
    AliveTasks alive() {
        return alive;
    }

    DeadlineScope pushDeadline(DeadlineScope scope) {
        if (deadlines == null) {
            deadlines = new ArrayList<>(2);
        }
        deadlines.add(scope);
        return scope;
    }

    void popDeadline(DeadlineScope scope) {
        deadlines.remove(scope);
    }

    /** Spends one unit of the budget; false, spending nothing, when it is spent and the task must yield first. */
    boolean trySpendBudget() {
        if (unconstrainedDepth > 0) {
            return true;
        }
        if (budget == 0) {
            return false;
        }
        budget--;
        return true;
    }

    boolean hasBudgetRemaining() {
        return unconstrainedDepth > 0 || budget > 0;
    }

    /** Units left before the task must yield; {@link Budget#PER_RESUME} in an unconstrained section. */
    int budgetRemaining() {
        return unconstrainedDepth > 0 ? Budget.PER_RESUME : budget;
    }

    /** Lowers the budget to {@code units} if it is higher, until the next resume refills it. */
    void limitBudget(int units) {
        budget = Math.min(budget, units);
    }

    /** The task resumed from a suspension: Tokio's fresh budget for a new poll. */
    void refillBudget() {
        budget = Budget.PER_RESUME;
    }

    void enterUnconstrained() {
        unconstrainedDepth++;
    }

    void leaveUnconstrained() {
        unconstrainedDepth--;
    }

    /** Throws if this task must not suspend any more: it was aborted or one of its timeouts passed. */
    void checkCancelled() {
        if (lvCancelRequested()) {
            throw new CancellationException("task " + this + " was aborted");
        }
        if (deadlines == null) {
            return;
        }
        for (int i = 0, n = deadlines.size(); i < n; i++) {
            DeadlineScope scope = deadlines.get(i);
            if (scope.hasPassed()) {
                throw new DeadlineScope.Passed(scope);
            }
        }
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }

    // Accessors named by their memory order, as the package doc of dev.heddle.runtime.internal defines.

    private State lvState() {
        return state;
    }

    private void soState(State outcome) {
        STATE.setRelease(this, outcome);
    }

    private boolean lvCancelRequested() {
        return cancelRequested;
    }

    private void svCancelRequested() {
        cancelRequested = true;
    }

    private boolean lvOutcomeObserved() {
        return outcomeObserved;
    }

    private void svOutcomeObserved() {
        outcomeObserved = true;
    }
}
