package dev.heddle.runtime;

import dev.heddle.runtime.internal.Budget;
import dev.heddle.runtime.internal.Suspension;
import dev.heddle.time.Clock;
import java.time.Duration;
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
 * Every method but {@link #yieldNow()} and the cooperative-budget ones ({@link #consumeBudget()},
 * {@link #hasBudgetRemaining()}, {@link #unconstrained(Callable)}) fails with an
 * {@link IllegalStateException} on a thread that is not a Heddle task.
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
     * @throws IllegalStateException outside a Heddle task, or when the runtime is closed
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
     * Starts {@code body}, which may block its thread (file I/O, a JDBC call, long
     * computation), where it cannot stall the other tasks: on the runtime's pool of platform
     * threads, or in simulation as a simulated task under the same bound. Returns at once.
     * On the pool, a body that has started is not interrupted by {@link JoinHandle#abort()}.
     *
     * <pre>{@code String text = Heddle.spawnBlocking(() -> Files.readString(path)).join();}</pre>
     *
     * @throws IllegalStateException outside a Heddle task, or when the runtime is closed
     * @see HeddleRuntime#spawnBlocking(Callable)
     */
    public static <T> JoinHandle<T> spawnBlocking(Callable<T> body) {
        return HeddleRuntime.current().spawnBlocking(body);
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
