package dev.heddle.runtime.internal.scheduler;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A platform thread that carries a multi-thread runtime's virtual threads: it runs what its
 * {@link WorkerCore} picks, steals when it has nothing, and sleeps when no one has anything.
 */
final class WorkerThread extends Thread {
    /** {@code Thread.currentCarrierThread()}: the platform thread under the current virtual thread. */
    private static final MethodHandle CURRENT_CARRIER;
    private static final VarHandle RUNNING;

    static {
        try {
            RUNNING = MethodHandles.lookup().findVarHandle(WorkerThread.class, "running", Runnable.class);
            CURRENT_CARRIER = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                    .findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the multi-thread scheduler needs the JVM flag "
                    + "--add-opens java.base/java.lang=ALL-UNNAMED to tell its workers apart: " + e, e);
        }
    }

    final WorkStealingScheduler scheduler;
    final WorkerCore<Runnable> core;
    private final IdleWorkers idle;
    private final Runnable onStart;
    private final Runnable onStop;

    /** Set and cleared under the {@link IdleWorkers} lock. */
    volatile boolean sleeping;
    private boolean searching;
    /**
     * The continuation being run: when it is submitted again meanwhile, its virtual thread
     * yielded. Written with release so that {@link #runningTask()} can tell a stuck worker.
     */
    private Runnable running;

    WorkerThread(WorkStealingScheduler scheduler, WorkerCore<Runnable> core, IdleWorkers idle, String name,
                 Runnable onStart, Runnable onStop) {
        super(null, null, name, 0, false);
        this.scheduler = scheduler;
        this.core = core;
        this.idle = idle;
        this.onStart = onStart;
        this.onStop = onStop;
        setDaemon(true);
    }

    /** On this worker's own thread: true when {@code continuation} is the one it is running. */
    boolean isRunning(Runnable continuation) {
        return running == continuation;
    }

    /** From any thread: the continuation this worker runs now, or null between tasks. */
    Runnable runningTask() {
        return (Runnable) RUNNING.getAcquire(this);
    }

    /** The worker of {@code scheduler} under the calling thread, or null when the caller runs elsewhere. */
    static WorkerThread currentOf(WorkStealingScheduler scheduler) {
        Thread carrier;
        try {
            carrier = (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the current carrier thread", e);
        }
        return carrier instanceof WorkerThread w && w.scheduler == scheduler ? w : null;
    }

    @Override
    public void run() {
        onStart.run();
        try {
            while (!scheduler.isShutdown()) {
                Runnable task = core.nextLocal();
                if (task == null) {
                    task = search();
                }
                if (task != null) {
                    runTask(task);
                } else {
                    park();
                }
            }
        } finally {
            onStop.run();
        }
    }

    private Runnable search() {
        if (!searching) {
            if (!idle.tryStartSearching()) {
                return null;
            }
            searching = true;
        }
        Runnable task = core.steal(ThreadLocalRandom.current());
        return task != null ? task : core.pollInjection();
    }

    private void runTask(Runnable task) {
        if (searching) {
            searching = false;
            if (idle.stopSearching()) {
                // The last searcher found work: there may be more, so another worker takes over the search.
                idle.notifyOne();
            }
        }
        RUNNING.setRelease(this, task);
        try {
            task.run();
        } finally {
            RUNNING.setRelease(this, (Runnable) null);
        }
    }

    private void park() {
        idle.sleep(this, searching);
        searching = false;
        if (scheduler.hasWorkFor(this) && idle.wakeSelf(this)) {
            searching = true;
            return;
        }
        core.countPark();
        while (sleeping && !scheduler.isShutdown()) {
            LockSupport.park(this);
        }
        // Whoever woke this worker counted it as searching.
        searching = true;
    }
}
