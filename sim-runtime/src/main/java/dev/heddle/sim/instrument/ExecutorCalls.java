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
 * factory gives them. A pool made outside the simulation (a static field) keeps platform workers.
 *
 * <p>The scheduled pools wait for their delays with timed waits, which run on virtual time only
 * where the run's carrier provides it.
 */
public final class ExecutorCalls {
    private ExecutorCalls() {}

    /** {@code Executors.newFixedThreadPool(threads)}. */
    public static ExecutorService newFixedThreadPool(int threads) {
        ThreadFactory simulated = simulated(null);
        return simulated == null ? Executors.newFixedThreadPool(threads)
                : Executors.newFixedThreadPool(threads, simulated);
    }

    /** {@code Executors.newFixedThreadPool(threads, factory)}. */
    public static ExecutorService newFixedThreadPool(int threads, ThreadFactory factory) {
        return Executors.newFixedThreadPool(threads, simulatedOr(factory));
    }

    /** {@code Executors.newCachedThreadPool()}. */
    public static ExecutorService newCachedThreadPool() {
        ThreadFactory simulated = simulated(null);
        return simulated == null ? Executors.newCachedThreadPool() : Executors.newCachedThreadPool(simulated);
    }

    /** {@code Executors.newCachedThreadPool(factory)}. */
    public static ExecutorService newCachedThreadPool(ThreadFactory factory) {
        return Executors.newCachedThreadPool(simulatedOr(factory));
    }

    /** {@code Executors.newSingleThreadExecutor()}. */
    public static ExecutorService newSingleThreadExecutor() {
        ThreadFactory simulated = simulated(null);
        return simulated == null ? Executors.newSingleThreadExecutor()
                : Executors.newSingleThreadExecutor(simulated);
    }

    /** {@code Executors.newSingleThreadExecutor(factory)}. */
    public static ExecutorService newSingleThreadExecutor(ThreadFactory factory) {
        return Executors.newSingleThreadExecutor(simulatedOr(factory));
    }

    /** {@code Executors.newScheduledThreadPool(threads)}. */
    public static ScheduledExecutorService newScheduledThreadPool(int threads) {
        ThreadFactory simulated = simulated(null);
        return simulated == null ? Executors.newScheduledThreadPool(threads)
                : Executors.newScheduledThreadPool(threads, simulated);
    }

    /** {@code Executors.newScheduledThreadPool(threads, factory)}. */
    public static ScheduledExecutorService newScheduledThreadPool(int threads, ThreadFactory factory) {
        return Executors.newScheduledThreadPool(threads, simulatedOr(factory));
    }

    /** {@code Executors.newSingleThreadScheduledExecutor()}. */
    public static ScheduledExecutorService newSingleThreadScheduledExecutor() {
        ThreadFactory simulated = simulated(null);
        return simulated == null ? Executors.newSingleThreadScheduledExecutor()
                : Executors.newSingleThreadScheduledExecutor(simulated);
    }

    /** {@code Executors.newSingleThreadScheduledExecutor(factory)}. */
    public static ScheduledExecutorService newSingleThreadScheduledExecutor(ThreadFactory factory) {
        return Executors.newSingleThreadScheduledExecutor(simulatedOr(factory));
    }

    /**
     * In a simulation, a factory of tasks of the run around {@code factory} (the JDK's default
     * when null); outside, null.
     */
    private static ThreadFactory simulated(ThreadFactory factory) {
        if (SimulatedJdkCalls.ofCurrentThread() == null) {
            return null;
        }
        return new SimulatedThreadFactory(factory == null ? Executors.defaultThreadFactory() : factory);
    }

    /** {@code factory}, or in a simulation a factory of tasks of the run around it. */
    private static ThreadFactory simulatedOr(ThreadFactory factory) {
        ThreadFactory simulated = factory == null ? null : simulated(factory);
        return simulated == null ? factory : simulated;
    }
}
