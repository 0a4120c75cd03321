package dev.heddle.sim.instrument;

import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * The JDK's {@code ScheduledThreadPoolExecutor}, as {@link ExecutorCalls} makes the scheduled
 * pools in a simulation: workers from a {@link SimulatedThreadFactory}, and a shutdown that
 * interrupts them in the order they were made ({@link PoolWorkers}, which says why). Its delays
 * are timed waits, on virtual time only where the run's carrier provides it.
 */
final class SimulatedScheduledPool extends ScheduledThreadPoolExecutor {
    private final PoolWorkers workers;

    private SimulatedScheduledPool(int threads, ThreadFactory factory, PoolWorkers workers) {
        super(threads, workers.recording(factory));
        this.workers = workers;
    }

    /** {@code Executors.newScheduledThreadPool(threads, factory)}'s pool. */
    static SimulatedScheduledPool of(int threads, ThreadFactory factory) {
        return new SimulatedScheduledPool(threads, factory, new PoolWorkers());
    }

    @Override
    protected void beforeExecute(Thread worker, Runnable task) {
        workers.busy(worker);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        workers.idle();
    }

    @Override
    public void shutdown() {
        workers.interruptInOrder(true);
        super.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        workers.interruptInOrder(false);
        return super.shutdownNow();
    }
}
