package dev.heddle.sim.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@code ThreadPoolExecutor}, as {@link ExecutorCalls} makes the fixed and cached pools
 * in a simulation, with its workers from a {@link SimulatedThreadFactory} and one difference:
 * {@code shutdown()} and {@code shutdownNow()} first interrupt the workers themselves, in the
 * order they were made, and the JDK's code then skips them as interrupted already. The JDK keeps
 * its workers in a {@code HashSet} of objects hashed by identity, whose order differs from run to
 * run, and in a simulation the order of the interrupts is the order in which the workers wake:
 * left to the JDK, two runs of one seed would differ. As the JDK's {@code shutdown()} does, it
 * interrupts only idle workers (waiting for a task), which it tells by the pool's own
 * {@code beforeExecute}/{@code afterExecute} hooks.
 */
final class SimulatedThreadPool extends ThreadPoolExecutor {
    /** The workers made so far, in order; those that ended are dropped at each shutdown. */
    private final List<Thread> workers;
    /** The workers running a task now. */
    private final Set<Thread> busy = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private SimulatedThreadPool(int core, int max, long keepAliveSeconds, BlockingQueue<Runnable> queue,
                                ThreadFactory threads, List<Thread> workers) {
        super(core, max, keepAliveSeconds, TimeUnit.SECONDS, queue, recording(threads, workers));
        this.workers = workers;
    }

    /** {@code Executors.newFixedThreadPool(threads, factory)}'s pool. */
    static SimulatedThreadPool fixed(int threads, ThreadFactory factory) {
        return new SimulatedThreadPool(threads, threads, 0, new LinkedBlockingQueue<>(), factory, new ArrayList<>());
    }

    /** {@code Executors.newCachedThreadPool(factory)}'s pool. */
    static SimulatedThreadPool cached(ThreadFactory factory) {
        return new SimulatedThreadPool(0, Integer.MAX_VALUE, 60, new SynchronousQueue<>(), factory,
                new ArrayList<>());
    }

    private static ThreadFactory recording(ThreadFactory threads, List<Thread> workers) {
        return work -> {
            Thread worker = threads.newThread(work);
            if (worker != null) {
                synchronized (workers) {
                    workers.add(worker);
                }
            }
            return worker;
        };
    }

    @Override
    protected void beforeExecute(Thread worker, Runnable task) {
        busy.add(worker);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        busy.remove(Thread.currentThread());
    }

    @Override
    public void shutdown() {
        interruptInOrder(true);
        super.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        interruptInOrder(false);
        return super.shutdownNow();
    }

    /** Interrupts the started workers (only the idle ones when {@code idleOnly}) in the order they were made. */
    private void interruptInOrder(boolean idleOnly) {
        List<Thread> inOrder;
        synchronized (workers) {
            workers.removeIf(w -> w.getState() == Thread.State.TERMINATED);
            inOrder = List.copyOf(workers);
        }
        for (Thread w : inOrder) {
            if (w.getState() != Thread.State.NEW && !w.isInterrupted() && !(idleOnly && busy.contains(w))) {
                w.interrupt();
            }
        }
    }
}
