package dev.heddle.sim;

import dev.heddle.runtime.internal.ThreadOrigin;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The threads simulations run on, apart from the threads that ask for them, so that a run whose
 * task never reaches a suspension point cannot hang its caller. One carrier cannot preempt such
 * a task (a busy loop on a flag another task would set); its caller can stop waiting. The
 * caller samples the run's step counter while it waits and, once one step has lasted the run's
 * {@link Simulation#stuckAfter stuck threshold} of real time, throws a
 * {@link FailureKind#STUCK} failure naming the task, its stack and the seed, and returns.
 *
 * <p>The stuck carrier cannot be stopped (the JDK has no way to stop a thread), so it is left
 * spinning as a daemon until the JVM exits, and the pool starts another for the next run. Real
 * time decides only when the caller gives up, never anything inside the run, so a run that ends
 * is as deterministic as before. Idle carriers end after a minute.
 */
final class SimulationThreads {
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ExecutorService CARRIERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60,
            TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "heddle-sim-" + NUMBER.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    /** How often a waiting caller looks at the run's step counter, at most. */
    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private SimulationThreads() {}

    /**
     * Runs {@code run} on a carrier thread and waits for it, failing it as {@link FailureKind#STUCK}
     * once the step of the simulator it has published in {@code simulator} has lasted
     * {@code stuckAfterNanos}.
     */
    static SimulationResult run(Supplier<SimulationResult> run, AtomicReference<Simulator> simulator,
                                long stuckAfterNanos) {
        Future<SimulationResult> result = CARRIERS.submit(() -> {
            try {
                return run.get();
            } finally {
                // The run marked its carrier (see ThreadOrigin); a pooled carrier must not pass it to the next.
                ThreadOrigin.leave();
            }
        });
        long sample = Math.max(1, Math.min(SAMPLE_NANOS, stuckAfterNanos / 4));
        long step = -1;
        long since = System.nanoTime();
        while (true) {
            try {
                return result.get(sample, TimeUnit.NANOSECONDS);
            } catch (TimeoutException stillRunning) {
                Simulator s = simulator.get();
                SimTask running = s == null ? null : s.running();
                long now = System.nanoTime();
                if (running == null || s.steps() != step) {
                    step = s == null ? -1 : s.steps();
                    since = now;
                } else if (now - since >= stuckAfterNanos) {
                    throw s.stuck(running, now - since);
                }
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case RuntimeException r -> throw r;
                    case Error r -> throw r;
                    default -> throw new IllegalStateException("a simulation failed unexpectedly", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.cancel(false);
                throw new IllegalStateException("interrupted while waiting for a simulation to end; it was left"
                        + " running on its carrier thread", e);
            }
        }
    }
}
