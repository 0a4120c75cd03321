package dev.heddle.runtime.internal;

import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.Callable;

/**
 * How code outside {@code dev.heddle.runtime} (the simulator, {@code select}, Heddle's own
 * benchmarks) builds a runtime on a carrier of its own, reaches a runtime's carrier or clock or
 * a handle's task, and spawns a task on a given {@link Node}, without a public constructor,
 * getter or method on {@link HeddleRuntime} or {@link JoinHandle} that users would see. The
 * runtime grants the access when its class is initialised (the JDK's {@code SharedSecrets}
 * pattern). Not API.
 */
public final class RuntimeAccess {
    /** What {@link HeddleRuntime} grants. */
    public interface Grant {
        /** A runtime on {@code carrier}, with no threads of its own for blocking tasks beyond what it needs. */
        HeddleRuntime onCarrier(Carrier carrier, int maxBlockingThreads, String threadName);

        Carrier carrier(HeddleRuntime runtime);

        <T> Task<T> task(JoinHandle<T> handle);

        RuntimeClock clock(HeddleRuntime runtime);

        <T> JoinHandle<T> spawnOn(HeddleRuntime runtime, Node node, String name, Callable<T> body);

        ShutdownSignal ctrlC(HeddleRuntime runtime);
    }

    private static volatile Grant grant;

    private RuntimeAccess() {}

    /** Called once, by {@link HeddleRuntime}'s static initialiser. */
    public static void grant(Grant g) {
        if (grant != null) {
            throw new IllegalStateException("runtime access was already granted");
        }
        grant = g;
    }

    /** A runtime on {@code carrier}: how the simulator makes the runtime its tasks see. */
    public static HeddleRuntime onCarrier(Carrier carrier, int maxBlockingThreads, String threadName) {
        return granted().onCarrier(carrier, maxBlockingThreads, threadName);
    }

    /** The carrier of {@code runtime}. */
    public static Carrier carrier(HeddleRuntime runtime) {
        return granted().carrier(runtime);
    }

    /** The task behind {@code handle}. */
    public static <T> Task<T> task(JoinHandle<T> handle) {
        return granted().task(handle);
    }

    /** The clock of {@code runtime}, with what {@link dev.heddle.time.Clock} does not offer: timers. */
    public static RuntimeClock clock(HeddleRuntime runtime) {
        return granted().clock(runtime);
    }

    /**
     * Spawns {@code body} as a task named {@code name} on {@code node} rather than on the
     * caller's: how the simulator starts a host's body on the host. What the task spawns stays
     * on {@code node}.
     */
    public static <T> JoinHandle<T> spawnOn(HeddleRuntime runtime, Node node, String name, Callable<T> body) {
        return granted().spawnOn(runtime, node, name, body);
    }

    /** The ctrl-c of {@code runtime}: how a simulation's test delivers the signal. */
    public static ShutdownSignal ctrlC(HeddleRuntime runtime) {
        return granted().ctrlC(runtime);
    }

    private static Grant granted() {
        Grant g = grant;
        if (g == null) {
            try {
                MethodHandles.lookup().ensureInitialized(HeddleRuntime.class);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            g = grant;
        }
        return g;
    }
}
