package dev.heddle.sim.instrument;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Stand-ins for the {@code Executors} factories of thread pools, which Heddle's agent puts in
 * place of the originals in the classes it instruments. Not for users. Outside a simulation each
 * one is exactly the JDK call. Inside one, the pool is the JDK's own, built with a
 * {@link SimulatedThreadFactory} around the factory it would have used (the JDK's default, or the
 * one given): its workers are tasks of the run, with the names, daemon status and handlers that
 * factory gives them. The fixed, cached and scheduled pools are a {@link SimulatedThreadPool} or a
 * {@link SimulatedScheduledPool}, which shut their workers down in an order the seed replays (a
 * single-thread executor has one worker, and is the JDK's). A pool made outside the simulation
 * (a static field) keeps platform workers.
 *
 * <p>The scheduled pools wait for their delays with timed waits, which run on virtual time only
 * where the run's carrier provides it.
 */
public final class ExecutorCalls {
    private ExecutorCalls() {}

    /** {@code Executors.newFixedThreadPool(threads)}. */
    public static ExecutorService newFixedThreadPool(int threads) {
        ThreadFactory simulated = simulatedDefault();
        return simulated == null ? Executors.newFixedThreadPool(threads)
                : SimulatedThreadPool.fixed(threads, simulated);
    }

    /** {@code Executors.newFixedThreadPool(threads, factory)}. */
    public static ExecutorService newFixedThreadPool(int threads, ThreadFactory factory) {
        ThreadFactory simulated = simulated(factory);
        return simulated == null ? Executors.newFixedThreadPool(threads, factory)
                : SimulatedThreadPool.fixed(threads, simulated);
    }

    /** {@code Executors.newCachedThreadPool()}. */
    public static ExecutorService newCachedThreadPool() {
        ThreadFactory simulated = simulatedDefault();
        return simulated == null ? Executors.newCachedThreadPool() : SimulatedThreadPool.cached(simulated);
    }

    /** {@code Executors.newCachedThreadPool(factory)}. */
    public static ExecutorService newCachedThreadPool(ThreadFactory factory) {
        ThreadFactory simulated = simulated(factory);
        return simulated == null ? Executors.newCachedThreadPool(factory) : SimulatedThreadPool.cached(simulated);
    }

    /** {@code Executors.newSingleThreadExecutor()}. */
    public static ExecutorService newSingleThreadExecutor() {
        ThreadFactory simulated = simulatedDefault();
        return simulated == null ? Executors.newSingleThreadExecutor()
                : Executors.newSingleThreadExecutor(simulated);
    }

    /** {@code Executors.newSingleThreadExecutor(factory)}. */
    public static ExecutorService newSingleThreadExecutor(ThreadFactory factory) {
        return Executors.newSingleThreadExecutor(simulatedOr(factory));
    }

    /** {@code Executors.newScheduledThreadPool(threads)}. */
    public static ScheduledExecutorService newScheduledThreadPool(int threads) {
        ThreadFactory simulated = simulatedDefault();
        return simulated == null ? Executors.newScheduledThreadPool(threads)
                : SimulatedScheduledPool.of(threads, simulated);
    }

    /** {@code Executors.newScheduledThreadPool(threads, factory)}. */
    public static ScheduledExecutorService newScheduledThreadPool(int threads, ThreadFactory factory) {
        ThreadFactory simulated = simulated(factory);
        return simulated == null ? Executors.newScheduledThreadPool(threads, factory)
                : SimulatedScheduledPool.of(threads, simulated);
    }

    /** {@code Executors.newSingleThreadScheduledExecutor()}. */
    public static ScheduledExecutorService newSingleThreadScheduledExecutor() {
        ThreadFactory simulated = simulatedDefault();
        return simulated == null ? Executors.newSingleThreadScheduledExecutor()
                : Executors.newSingleThreadScheduledExecutor(simulated);
    }

    /** {@code Executors.newSingleThreadScheduledExecutor(factory)}. */
    public static ScheduledExecutorService newSingleThreadScheduledExecutor(ThreadFactory factory) {
        return Executors.newSingleThreadScheduledExecutor(simulatedOr(factory));
    }

    /** In a simulation, a factory of tasks of the run around the JDK's default factory; outside, null. */
    private static ThreadFactory simulatedDefault() {
        return SimulatedJdkCalls.ofCurrentThread() == null ? null
                : new SimulatedThreadFactory(Executors.defaultThreadFactory());
    }

    /**
     * In a simulation, a factory of tasks of the run around {@code factory}; outside, or for a
     * null factory (which the JDK's call refuses, as it would without the agent), null.
     */
    private static ThreadFactory simulated(ThreadFactory factory) {
        return factory == null || SimulatedJdkCalls.ofCurrentThread() == null ? null
                : new SimulatedThreadFactory(factory);
    }

    /** {@code factory}, or in a simulation a factory of tasks of the run around it. */
    private static ThreadFactory simulatedOr(ThreadFactory factory) {
        ThreadFactory simulated = simulated(factory);
        return simulated == null ? factory : simulated;
    }
}
