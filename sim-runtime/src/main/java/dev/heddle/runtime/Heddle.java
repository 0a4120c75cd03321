package dev.heddle.runtime;

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
 * Every method but {@link #yieldNow()} fails with an {@link IllegalStateException} on a thread
 * that is not a Heddle task.
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
}
