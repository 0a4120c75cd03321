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
 * Every method fails with an {@link IllegalStateException} on a thread that is not a Heddle task.
 */
public final class Heddle {
    private Heddle() {}

    public static <T> JoinHandle<T> spawn(Callable<T> body) {
        return HeddleRuntime.current().spawn(body);
    }

    public static JoinHandle<Void> spawn(Runnable body) {
        return HeddleRuntime.current().spawn(body);
    }

    public static <T> JoinHandle<T> spawn(String name, Callable<T> body) {
        return HeddleRuntime.current().spawn(name, body);
    }

    public static JoinHandle<Void> spawn(String name, Runnable body) {
        return HeddleRuntime.current().spawn(name, body);
    }

    public static <T> JoinHandle<T> spawnBlocking(Callable<T> body) {
        return HeddleRuntime.current().spawnBlocking(body);
    }

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

    public static void sleep(Duration duration) {
        clock().sleep(duration);
    }

    /** Randomness for code under test: seeded in simulation, so a seed replays it. */
    public static RandomGenerator random() {
        return HeddleRuntime.current().random();
    }

    /** Lets other ready tasks run before this one continues; a suspension point. */
    public static void yieldNow() {
        Suspension.yieldNow();
    }
}
