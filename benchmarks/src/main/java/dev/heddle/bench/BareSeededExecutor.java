package dev.heddle.bench;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * The least a seeded simulation can do: virtual threads carried by the calling thread, the next
 * one to run drawn from a seeded random source, and nothing else (no clock, no trace, no
 * failure detection, no task bookkeeping). {@link SeedsBench} measures Heddle's simulator
 * against it. Its virtual threads are built on it through the JDK's own builder, reached by
 * reflection as Heddle reaches it ({@code --add-opens java.base/java.lang=ALL-UNNAMED}).
 */
final class BareSeededExecutor implements Executor {
    private static final Constructor<?> BUILDER;

    static {
        try {
            BUILDER = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder").getDeclaredConstructor(Executor.class);
            BUILDER.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<Runnable> ready = new ArrayList<>();
    private final SplittableRandom random;
    private final Thread.Builder builder;

    BareSeededExecutor(long seed) {
        this.random = new SplittableRandom(seed);
        try {
            this.builder = (Thread.Builder) BUILDER.newInstance(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build virtual threads on a custom executor: " + e, e);
        }
    }

    /** Starts {@code body} as a virtual thread carried here; it runs in {@link #runUntilIdle}. */
    Thread start(Runnable body) {
        return builder.start(body);
    }

    @Override
    public void execute(Runnable continuation) {
        ready.add(continuation);
    }

    /** Runs a random ready thread until it parks or ends, until none is ready. */
    void runUntilIdle() {
        while (!ready.isEmpty()) {
            int i = ready.size() == 1 ? 0 : random.nextInt(ready.size());
            Runnable next = ready.get(i);
            ready.set(i, ready.getLast());
            ready.removeLast();
            next.run();
        }
    }
}
