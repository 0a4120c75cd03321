package dev.heddle.runtime;

import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

/**
 * Static access to the current task's runtime, for code under test (like {@code tokio::spawn}
 * reaching the current handle): the same calls run on a real runtime and in simulation.
 *
 * <pre>{@code
 * JoinHandle<String> h = Heddle.spawn(() -> fetch());
 * Heddle.sleep(Duration.ofMillis(100));
 * }</pre>
 * On a thread that is not a Heddle task, {@link #yieldNow()} is {@link Thread#yield()},
 * {@link #blockInPlace} runs its body, {@link #tryTaskId()} and {@link #workerIndex()} are empty,
 * the cooperative-budget methods ({@link #consumeBudget()}, {@link #hasBudgetRemaining()},
 * {@link #unconstrained(Callable)}) do nothing to limit, the spawns and the clock reach the
 * runtime the thread {@link HeddleRuntime#enter() entered}, and the rest fails with an
 * {@link IllegalStateException}.
 */
public final class Heddle {
    private Heddle() {}

    /**
     * Starts {@code body} as a new task on the calling task's runtime and returns at once; the
     * caller does not suspend. The task runs concurrently and keeps running if the handle is
     * dropped: {@link JoinHandle#join()} waits for its value, {@link JoinHandle#abort()}
     * cancels it. In simulation it runs on the calling task's host.
     *
     * <pre>{@code JoinHandle<Integer> h = Heddle.spawn(() -> 6 * 7); int v = h.join();}</pre>
     *
     * @throws IllegalStateException outside a Heddle task (and a thread that entered no runtime);
     *     on a runtime that is shut down the task ends cancelled at once, as in Tokio
     */
    public static <T> JoinHandle<T> spawn(Callable<T> body) {
        return HeddleRuntime.current().spawn(body);
    }

    /** {@link #spawn(Callable)} for a body without a result. */
    public static JoinHandle<Void> spawn(Runnable body) {
        return HeddleRuntime.current().spawn(body);
    }

    /**
     * {@link #spawn(Callable)} with a name for the task, which traces, failure reports and
     * thread dumps show: name the tasks a failure report should tell apart.
     */
    public static <T> JoinHandle<T> spawn(String name, Callable<T> body) {
        return HeddleRuntime.current().spawn(name, body);
    }

    /** {@link #spawn(String, Callable)} for a body without a result. */
    public static JoinHandle<Void> spawn(String name, Runnable body) {
        return HeddleRuntime.current().spawn(name, body);
    }

    /**
     * Starts {@code body} as a task that stays on the worker thread of the calling task, never
     * stolen by another worker (Tokio's {@code task::spawn_local}; {@link LocalSet} groups such
     * tasks, {@link JoinSet#spawnLocal} joins them as they end). The local tasks of one worker
     * never run at the same time, all on the one thread: they may share an object that is not
     * thread-safe without locks (each task is its own virtual thread, so a {@code ThreadLocal}
     * is per task, not per worker). On the current-thread runtime it is an
     * ordinary task; in a simulation with {@code workers(n)} it stays on the calling task's
     * logical worker. Returns at once; the caller does not suspend.
     *
     * <pre>{@code JoinHandle<Integer> h = Heddle.spawnLocal(() -> cache.get().size());}</pre>
     *
     * @throws IllegalStateException outside a Heddle task, in a spawnBlocking body or inside
     *     {@link #blockInPlace} (which run on no worker)
     * @see HeddleRuntime#spawnLocal(String, Callable)
     */
    public static <T> JoinHandle<T> spawnLocal(Callable<T> body) {
        return spawnLocal(null, body);
    }

    /** {@link #spawnLocal(Callable)} for a body without a result. */
    public static JoinHandle<Void> spawnLocal(Runnable body) {
        return spawnLocal(null, HeddleRuntime.asCallable(body));
    }

    /**
     * {@link #spawnLocal(Callable)} with a name for the task, as {@link #spawn(String, Callable)}.
     * Called in a task of a {@link LocalSet}, the new task joins that set.
     */
    public static <T> JoinHandle<T> spawnLocal(String name, Callable<T> body) {
        LocalSet set = LocalSet.current();
        return set != null ? set.spawnLocal(name, body) : HeddleRuntime.current().spawnLocal(name, body);
    }

    /**
     * Runs {@code body}, which blocks the calling task's thread, without stalling the other tasks
     * of its worker (Tokio's {@code task::block_in_place}): on the multi-thread runtime the worker
     * hands its queued tasks to a replacement worker thread and this thread runs the body as a
     * plain blocking thread. The body runs on the calling task, so it may use the task's state and
     * {@link Handle#blockOn} to run async code; other code of the task waits. In simulation with
     * {@code workers(n)} the body runs in the task's step, holding its logical worker. Outside a
     * task, and in a spawnBlocking body, it just runs {@code body}. Not a suspension point.
     *
     * <pre>{@code String row = Heddle.blockInPlace(() -> jdbc.query(sql));}</pre>
     *
     * @throws IllegalStateException on the current-thread runtime or a simulation without workers
     *     ("can call blocking only when running on the multi-threaded runtime", as Tokio says; use
     *     {@link #spawnBlocking}), or in a spawnLocal task
     * @throws java.util.concurrent.CompletionException wrapping a checked exception of the body
     */
    public static <T> T blockInPlace(Callable<T> body) {
        return HeddleRuntime.blockInPlace(body);
    }

    /** {@link #blockInPlace(Callable)} for a body without a result. */
    public static void blockInPlace(Runnable body) {
        HeddleRuntime.blockInPlace(HeddleRuntime.asCallable(body));
    }

    /**
     * The id of the calling task (Tokio's {@code task::id}), as its {@link JoinHandle#id()} says.
     *
     * @throws IllegalStateException outside a task, and in the body of {@code blockOn} (and so of a
     *     simulation), which, as Tokio's {@code block_on} future, is no spawned task
     */
    public static long taskId() {
        OptionalLong id = HeddleRuntime.currentTaskId();
        if (id.isEmpty()) {
            throw new IllegalStateException("Heddle.taskId() called outside a spawned task (thread "
                    + Thread.currentThread() + "): the body of blockOn or of a simulation has no task id, as in Tokio;"
                    + " call it inside a spawned task, or use tryTaskId()");
        }
        return id.getAsLong();
    }

    /** The id of the calling task, or empty outside a spawned task (Tokio's {@code task::try_id}). */
    public static OptionalLong tryTaskId() {
        return HeddleRuntime.currentTaskId();
    }

    /**
     * The index of the worker that runs the calling task now (Tokio's {@code runtime::worker_index}):
     * from 0 on the multi-thread runtime, 0 on the current-thread runtime, the logical worker in a
     * simulation. It may change at every suspension point, except for a task {@link #spawnLocal}
     * started. Empty outside a task, in a spawnBlocking body, and inside {@link #blockInPlace} on
     * the multi-thread runtime (whose thread is then no worker).
     */
    public static OptionalInt workerIndex() {
        return HeddleRuntime.currentWorkerIndex();
    }

    /**
     * Starts {@code body}, which may block its thread (file I/O, a JDBC call, long
     * computation), where it cannot stall the other tasks: on the runtime's pool of platform
     * threads, or in simulation as a simulated task under the same bound. Returns at once.
     * On the pool, a body that has started is not interrupted by {@link JoinHandle#abort()}.
     *
     * <pre>{@code String text = Heddle.spawnBlocking(() -> Files.readString(path)).join();}</pre>
     *
     * @throws IllegalStateException outside a Heddle task (and a thread that entered no runtime);
     *     on a runtime that is shut down the task ends cancelled at once, as in Tokio
     * @see HeddleRuntime#spawnBlocking(Callable)
     */
    public static <T> JoinHandle<T> spawnBlocking(Callable<T> body) {
        return HeddleRuntime.current().spawnBlocking(body);
    }

    /** {@link #spawnBlocking(Callable)} with a name for the task, as {@link #spawn(String, Callable)}. */
    public static <T> JoinHandle<T> spawnBlocking(String name, Callable<T> body) {
        return HeddleRuntime.current().spawnBlocking(name, body);
    }

    /**
     * The clock of the calling task's host: real time, or virtual time in simulation. Read
     * time and sleep through it rather than {@code System.nanoTime()} or {@code Instant.now()},
     * which a simulation cannot move or replay.
     */
    public static Clock clock() {
        return HeddleRuntime.current().clock();
    }

    /**
     * The name of the host the calling task runs on: this machine's on a real runtime; in
     * simulation the simulated host's (tasks inherit the host of the task that spawned them),
     * or {@code "sim"} for code outside every host.
     */
    public static String hostName() {
        return HeddleRuntime.currentTask().node().name();
    }

    /** Monotonic nanoseconds on the clock of the calling task's host (see {@link HeddleRuntime#clock()}). */
    public static long now() {
        return clock().now();
    }

    /**
     * Suspends the calling task for {@code duration} on its host's clock; zero or negative
     * returns at once. A suspension point: in simulation virtual time jumps ahead instead of
     * waiting, and an {@link JoinHandle#abort() abort} or a
     * {@link Clock#timeout(Duration, Callable) timeout} ends the sleep.
     *
     * <pre>{@code Heddle.sleep(Duration.ofMillis(100));}</pre>
     *
     * @throws java.util.concurrent.CancellationException if the task is aborted, or its
     *     timeout passes, before or while it sleeps
     */
    public static void sleep(Duration duration) {
        clock().sleep(duration);
    }

    /**
     * Randomness for code under test: drawn from the seed in simulation, so a seed replays it.
     * Use it instead of {@code new Random()} or {@code ThreadLocalRandom}, whose numbers a
     * rerun of the seed would not repeat.
     */
    public static RandomGenerator random() {
        return HeddleRuntime.current().random();
    }

    /**
     * Every live task of the calling task's runtime with its name, id, state (running, ready,
     * waiting and on what) and stack (Tokio's {@code Handle::dump}):
     * {@code System.out.println(Heddle.dump())} shows where a program hangs.
     *
     * @see HeddleRuntime#dump()
     */
    public static TaskDump dump() {
        return HeddleRuntime.current().dump();
    }

    /**
     * Waits until the process is asked to shut down: SIGINT (ctrl-c) or SIGTERM on a real
     * runtime, the test's {@code Sim.sendCtrlCAfter} in simulation (Tokio's
     * {@code signal::ctrl_c}). A suspension point.
     * <pre>{@code
     * Heddle.spawn(server::run);
     * Heddle.ctrlC();
     * shutdown.cancel();   // tell the tasks, then wait for them to finish their work
     * }</pre>
     *
     * @see HeddleRuntime#ctrlC()
     */
    public static void ctrlC() {
        HeddleRuntime.current().ctrlC();
    }

    /** {@link #ctrlC()} as an op for a select; it listens from the moment it is made. */
    public static SelectableOp<Void> ctrlCOp() {
        return HeddleRuntime.current().ctrlCOp();
    }

    /**
     * Lets other ready tasks run before this one continues: a suspension point that does not
     * wait for anything, for a long loop that should neither starve other tasks nor hide
     * interleavings from the simulator. Outside a task it is {@link Thread#yield()}.
     *
     * @throws java.util.concurrent.CancellationException if the task has been aborted
     */
    public static void yieldNow() {
        Suspension.yieldNow();
    }

    /**
     * Spends one unit of the calling task's cooperative budget, and lets the other ready tasks
     * run first if the budget is spent (Tokio's {@code consume_budget}): an optional yield
     * point for a long computation that uses no channel, lock or timer, which would otherwise
     * never let the tasks on its worker run, nor meet a suspension point where an
     * {@link JoinHandle#abort() abort} or a {@link Clock#timeout(Duration, Callable) timeout}
     * is delivered. Unlike {@link #yieldNow()} it yields only once every 128 calls (the budget
     * every task gets each time it resumes, which Heddle's own operations spend too), so it
     * costs almost nothing per call:
     * <pre>{@code
     * long sum = 0;
     * for (long v : values) {
     *     sum += v;
     *     Heddle.consumeBudget();
     * }
     * }</pre>
     * Outside a task, and inside {@link #unconstrained(Callable)}, it does nothing.
     *
     * @throws java.util.concurrent.CancellationException if it yields and the task has been
     *     aborted or its timeout has passed
     */
    public static void consumeBudget() {
        Budget.spend();
    }

    /**
     * True when the calling task may still complete an operation without yielding first
     * (Tokio's {@code has_budget_remaining}): false once channel, lock, sleep and
     * {@link #consumeBudget()} calls have spent the 128 units it got when it last resumed.
     * Always true outside a task and inside {@link #unconstrained(Callable)}.
     */
    public static boolean hasBudgetRemaining() {
        return Budget.hasRemaining();
    }

    /**
     * Runs {@code body} on the calling task with its cooperative budget switched off (Tokio's
     * {@code unconstrained}): operations that are ready complete without ever yielding for the
     * budget, so a hot section runs without interruption. The price is Tokio's: a body that
     * never waits starves the other tasks on its worker and cannot be aborted or timed out
     * until it reaches a real wait. Sections nest; a wait inside still suspends as usual.
     * Checked exceptions of the body come out wrapped in
     * {@link java.util.concurrent.CompletionException}.
     *
     * <pre>{@code int drained = Heddle.unconstrained(() -> drainAll(rx));}</pre>
     */
    public static <T> T unconstrained(Callable<T> body) {
        return Budget.unconstrained(body);
    }

    /** {@link #unconstrained(Callable)} for a body without a result. */
    public static void unconstrained(Runnable body) {
        Budget.unconstrained(() -> {
            body.run();
            return null;
        });
    }
}
