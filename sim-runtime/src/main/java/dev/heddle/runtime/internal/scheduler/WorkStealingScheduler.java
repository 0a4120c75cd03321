package dev.heddle.runtime.internal.scheduler;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Tokio's work-stealing scheduler as the executor of a multi-thread runtime's virtual
 * threads, carried on its own worker threads.
 *
 * <p>The JDK submits a virtual thread's continuation here each time it starts, is unparked
 * or yields. A submission from a task running on one of these workers stays on that worker
 * (its LIFO slot, or the back of its local queue for a yield); any other (the timer thread,
 * the JDK's I/O poller, the blocking pool, another runtime) goes to the injection queue and
 * wakes one idle worker. See {@link WorkerCore} for the order in which a worker picks tasks.
 *
 * <p>Two things move a task off the usual paths. A task pinned to a worker
 * ({@link #pinnedExecutor}) is carried by a virtual thread built on an executor of its own that queues
 * every submission on that worker's pinned queue, which no thief reads, and wakes that very
 * worker. And a task about to block its worker's thread ({@link #handOffCurrentWorker}, Tokio's
 * {@code block_in_place}) hands the worker's core, with everything queued on it, to a new
 * thread, and goes on alone on the old one.
 *
 * <p>Built by {@code HeddleRuntime.multiThread()}:
 * <pre>{@code
 * try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(4).threadName("api").build()) {
 *     rt.blockOn(() -> serve());
 * }
 * }</pre>
 */
public final class WorkStealingScheduler implements Executor, AutoCloseable {
    /** How long {@link #close()} waits for the workers to finish their stop hooks. */
    private static final long WORKER_STOP_WAIT_MILLIS = 5_000;
    /** A worker still in the same task this long into {@link #close()} is taken to be stuck in it. */
    private static final long STUCK_TASK_MILLIS = 100;

    private final List<WorkerCore<Runnable>> cores;
    /**
     * The thread that runs each core now, by core index: its first worker thread, then the
     * replacement each {@link #handOffCurrentWorker} starts. Read by wakers of pinned tasks and
     * by {@link #close()}.
     */
    private final AtomicReferenceArray<WorkerThread> owners;
    /** Per core, the executor of the virtual threads pinned to it. */
    private final List<Executor> pinnedExecutors;
    private final IdleWorkers idle;
    private final Runnable onStart;
    private final Runnable onStop;
    /** Submissions from outside the workers, each a push to the injection queue. */
    private final LongAdder remoteSchedules = new LongAdder();
    private volatile boolean shutdown;

    /**
     * Starts {@code workers} worker threads named {@code threadName-worker-N}, each running
     * {@code onStart} first and {@code onStop} last.
     */
    public WorkStealingScheduler(int workers, String threadName, Runnable onStart, Runnable onStop) {
        if (workers < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1, was " + workers);
        }
        this.cores = WorkerCore.group(workers);
        this.idle = new IdleWorkers(workers);
        this.onStart = onStart;
        this.onStop = onStop;
        this.owners = new AtomicReferenceArray<>(workers);
        List<Executor> pinned = new ArrayList<>(workers);
        for (WorkerCore<Runnable> core : cores) {
            pinned.add(continuation -> executePinned(continuation, core));
        }
        this.pinnedExecutors = List.copyOf(pinned);
        for (int i = 0; i < workers; i++) {
            owners.set(i, new WorkerThread(this, cores.get(i), idle, threadName + "-worker-" + (i + 1), onStart,
                    onStop));
        }
        for (int i = 0; i < workers; i++) {
            owners.get(i).start();
        }
    }

    @Override
    public void execute(Runnable continuation) {
        WorkerThread worker = WorkerThread.currentOf(this);
        if (worker != null) {
            if (worker.core.scheduleLocal(continuation, worker.isRunning(continuation))) {
                idle.notifyOne();
            }
        } else {
            remoteSchedules.increment();
            cores.getFirst().scheduleRemote(continuation);
            idle.notifyOne();
        }
    }

    /**
     * The index of the worker whose thread runs the caller (under a virtual thread, its
     * carrier), or -1 when the caller runs on no worker of this scheduler: outside it, or on a
     * thread that {@link #handOffCurrentWorker} made a plain thread.
     */
    public int currentWorker() {
        WorkerThread worker = WorkerThread.currentOf(this);
        return worker == null ? -1 : worker.core.index();
    }

    /**
     * The executor for virtual threads pinned to worker {@code index} (what {@code spawnLocal}
     * builds its tasks' threads on): every start, wake-up and yield of such a thread goes to that
     * worker's pinned queue ({@link WorkerCore#schedulePinned}), which no thief reads, and a
     * wake-up from elsewhere wakes that very worker. So the thread always runs on that worker's
     * thread (after a {@link #handOffCurrentWorker}, on the replacement that carries its core).
     */
    public Executor pinnedExecutor(int index) {
        return pinnedExecutors.get(index);
    }

    /** The submission of a thread pinned to {@code core}: queued there, never stolen, its worker woken. */
    private void executePinned(Runnable continuation, WorkerCore<Runnable> core) {
        WorkerThread worker = WorkerThread.currentOf(this);
        if (worker != null && worker.core == core) {
            core.schedulePinned(continuation);
            return;
        }
        remoteSchedules.increment();
        core.schedulePinnedRemote(continuation);
        // Either this read sees the owner asleep, or the owner's last look before it parks sees the task.
        VarHandle.fullFence();
        WorkerThread owner = owners.get(core.index());
        if (owner.lvSleeping()) {
            idle.wake(owner);
        }
    }

    /**
     * Called by a task about to block the thread of its worker (Tokio's {@code block_in_place}):
     * the worker gives its core (LIFO slot, local queue, pinned tasks) to a new worker thread,
     * which runs them from now on while other workers may steal them, and the calling thread
     * stays with the task as a plain thread: it is no worker any more, and ends once the task
     * suspends. Tokio takes the core back when the blocking ends before the replacement has
     * started; here the replacement always takes over, at the cost of a thread start.
     *
     * @return false when the caller runs on no worker of this scheduler (already handed off,
     *     inside a nested call): there is nothing to hand off
     */
    public boolean handOffCurrentWorker() {
        WorkerThread worker = WorkerThread.currentOf(this);
        if (worker == null) {
            return false;
        }
        String name = worker.getName();
        WorkerCore<Runnable> core = worker.handOffCore();
        WorkerThread replacement = new WorkerThread(this, core, idle, name, onStart, onStop);
        owners.set(core.index(), replacement);
        replacement.start();
        // The core's tasks may be stolen now: a sleeping worker may want to look.
        idle.notifyOne();
        return true;
    }

    /**
     * Called by a task right after it spawned one: if its worker's local queue is full, the
     * spawner yields, to the back of the queue, so its worker runs the tasks it spawned before
     * it spawns more. Without this, a task spawning in a loop outruns the other workers (each
     * child costs more to run and end than to spawn), the surplus piles up in the injection
     * queue, every unstarted virtual thread there stays on the heap, and the collector copying
     * them slows the whole runtime: 1,000,000 spawns then joins left 50,000 to 220,000 tasks
     * unstarted at the end of the loop, and took 500-900 ms; with the yield, under 100 and
     * 385-475 ms. It is a scheduling point only: no cancellation is delivered there.
     */
    public void spawned() {
        WorkerThread worker = WorkerThread.currentOf(this);
        if (worker != null && worker.core.localQueueIsFull()) {
            Thread.yield();
        }
    }

    /** True when some worker other than {@code asker} could take a task now, or the injection queue has one. */
    boolean hasWorkFor(WorkerThread asker) {
        if (asker.core.hasInjectedWork() || asker.core.hasLocalWork()) {
            return true;
        }
        for (WorkerCore<Runnable> c : cores) {
            if (c.hasStealableWork()) {
                return true;
            }
        }
        return false;
    }

    boolean isShutdown() {
        return shutdown;
    }

    /** Worker threads. */
    public int workers() {
        return cores.size();
    }

    /** What each worker has done so far, by worker index. */
    public List<WorkerMetrics> workerMetrics() {
        List<WorkerMetrics> all = new ArrayList<>(cores.size());
        for (WorkerCore<Runnable> c : cores) {
            all.add(c.metrics());
        }
        return all;
    }

    /**
     * Tasks submitted from outside the workers (spawns from other threads, timer, I/O and
     * blocking-pool wake-ups), each through the injection queue: Tokio's
     * {@code remote_schedule_count}.
     */
    public long remoteSchedules() {
        return remoteSchedules.sum();
    }

    /** Tasks waiting in the shared injection queue now. */
    public int injectionQueueDepth() {
        return cores.getFirst().injectionQueueDepth();
    }

    /**
     * Stops the workers once they are idle and waits up to five seconds for them to run their
     * stop hooks. Call it after the runtime has aborted and awaited its tasks: tasks woken
     * afterwards never run, and a worker still inside the same task a short while after the
     * call (a task that never suspends) is left behind; workers are daemon threads.
     */
    @Override
    public void close() {
        shutdown = true;
        List<WorkerThread> threads = new ArrayList<>(owners.length());
        for (int i = 0; i < owners.length(); i++) {
            threads.add(owners.get(i));
            LockSupport.unpark(owners.get(i));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WORKER_STOP_WAIT_MILLIS);
        try {
            for (WorkerThread t : threads) {
                if (t == Thread.currentThread()) {
                    continue;
                }
                Runnable before = t.runningTask();
                t.join(STUCK_TASK_MILLIS);
                if (before != null && t.runningTask() == before) {
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
