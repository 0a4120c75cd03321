package dev.heddle.sim.instrument;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@code ThreadPoolExecutor}, as {@link ExecutorCalls} makes the fixed and cached pools
 * in a simulation: workers from a {@link SimulatedThreadFactory}, and a shutdown that interrupts
 * them in the order they were made ({@link PoolWorkers}, which says why).
 */
final class SimulatedThreadPool extends ThreadPoolExecutor {
    private final PoolWorkers workers;

    private SimulatedThreadPool(int core, int max, long keepAliveSeconds, BlockingQueue<Runnable> queue,
                                ThreadFactory threads, PoolWorkers workers) {
        super(core, max, keepAliveSeconds, TimeUnit.SECONDS, queue, workers.recording(threads));
        this.workers = workers;
    }

    /** {@code Executors.newFixedThreadPool(threads, factory)}'s pool. */
    static SimulatedThreadPool fixed(int threads, ThreadFactory factory) {
        return new SimulatedThreadPool(threads, threads, 0, new LinkedBlockingQueue<>(), factory, new PoolWorkers());
    }

    /** {@code Executors.newCachedThreadPool(factory)}'s pool. */
    static SimulatedThreadPool cached(ThreadFactory factory) {
        return new SimulatedThreadPool(0, Integer.MAX_VALUE, 60, new SynchronousQueue<>(), factory,
                new PoolWorkers());
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
