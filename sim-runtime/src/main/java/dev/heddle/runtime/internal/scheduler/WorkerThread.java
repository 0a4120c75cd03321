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
    /**
     * The core this thread runs, until a task on it calls {@code blockInPlace}: then the core
     * moves to a replacement thread and this becomes null ({@link #handOffCore}), and this
     * thread ends once that task suspends. Read and written only by code running on this
     * thread: its loop, and the virtual threads it carries (mounting and unmounting one orders
     * their accesses with the loop's).
     */
    WorkerCore<Runnable> core;
    private final IdleWorkers idle;
    private final Runnable onStart;
    private final Runnable onStop;

    /**
     * True while registered asleep in {@link IdleWorkers}: stored ({@link #svSleeping}) under
     * its lock, by this worker going to sleep and by the waker that takes it off the sleepers
     * before it unparks it; this worker's park loop reads it without the lock
     * ({@link #lvSleeping()}), so a wake-up is seen whether it lands before or after the park.
     * Package-private for IdleWorkersTest only.
     */
    volatile boolean sleeping;
    private boolean searching;
    /**
     * The continuation being run: when it is submitted again meanwhile, its virtual thread
     * yielded. Written by this worker only, with release ({@link #soRunning}), which pairs
     * with {@link #runningTask()}'s acquire load from a thread that looks for a stuck worker;
     * this worker reads its own store plain.
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
        return lpRunning() == continuation;
    }

    /** From any thread: the continuation this worker runs now, or null between tasks. */
    Runnable runningTask() {
        return laRunning();
    }

    /** The worker of {@code scheduler} under the calling thread, or null when the caller runs elsewhere. */
    static WorkerThread currentOf(WorkStealingScheduler scheduler) {
        Thread carrier;
        try {
            carrier = (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the current carrier thread", e);
        }
        return carrier instanceof WorkerThread w && w.scheduler == scheduler && w.core != null ? w : null;
    }

    /**
     * On this worker's own thread, inside a task about to block it: gives the core up (its LIFO
     * slot's task moved where thieves can reach it) and returns it for a replacement thread.
     * This thread stays the carrier of the blocking task, as no worker any more: wake-ups from it
     * go through the injection queue, and it ends once the task suspends.
     */
    WorkerCore<Runnable> handOffCore() {
        WorkerCore<Runnable> handed = core;
        handed.releaseLifoSlot();
        core = null;
        setName(getName() + "-blocking");
        return handed;
    }

    @Override
    public void run() {
        onStart.run();
        try {
            while (!scheduler.isShutdown() && core != null) {
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
        soRunning(task);
        try {
            task.run();
        } finally {
            soRunning(null);
        }
    }

    private void park() {
        idle.sleep(this, searching);
        searching = false;
        if (core.hasPinnedWork()) {
            // Only this worker may run it, so it wakes itself whatever the number of searchers.
            idle.wake(this);
            searching = true;
            return;
        }
        if (scheduler.hasWorkFor(this) && idle.wakeSelf(this)) {
            searching = true;
            return;
        }
        core.countPark();
        while (lvSleeping() && !scheduler.isShutdown()) {
            LockSupport.park(this);
        }
        // Whoever woke this worker counted it as searching.
        searching = true;
    }

    // Accessors named by their memory order, as the package doc of dev.heddle.runtime.internal defines.

    boolean lvSleeping() {
        return sleeping;
    }

    void svSleeping(boolean asleep) {
        sleeping = asleep;
    }

    private Runnable lpRunning() {
        return running;
    }

    private Runnable laRunning() {
        return (Runnable) RUNNING.getAcquire(this);
    }

    private void soRunning(Runnable continuation) {
        RUNNING.setRelease(this, continuation);
    }
}
