package dev.heddle.sim;

import dev.heddle.runtime.internal.VirtualThreads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * The threads the runtime makes for the run's tasks, and the schedulers the JDK sees for them:
 * one for any thread, and one per logical worker for the threads pinned to it (spawnLocal's),
 * whose wake-ups all go to that worker's pinned queue. A virtual thread is the run's when its
 * scheduler is one of these ({@link #isOwn}). The runtime's own spawns are made with a flag set
 * ({@link #spawningTask}), so that the simulator tells them from threads user code creates.
 */
final class TaskThreads {
    private final Simulator simulator;
    /** What the JDK sees as the scheduler of the run's virtual threads; it puts their timed parks on virtual time. */
    private final VirtualThreadScheduler scheduler;
    /** Per logical worker, the factory of threads pinned to it; built on first use. */
    private final Map<Integer, ThreadFactory> pinned = new HashMap<>();
    /** The schedulers of those threads, which virtual threads they start inherit. */
    private final List<Executor> pinnedSchedulers = new ArrayList<>();
    /** True while the runtime constructs a task's thread: its own spawn, not a thread user code creates. */
    private boolean spawningTask;

    TaskThreads(Simulator simulator) {
        this.simulator = simulator;
        this.scheduler = new VirtualThreadScheduler(simulator, -1);
    }

    /** The scheduler of threads pinned to no worker. */
    Executor scheduler() {
        return scheduler;
    }

    /** The factory of threads pinned to logical worker {@code worker}. */
    ThreadFactory pinnedTo(int worker) {
        return pinned.computeIfAbsent(worker, w -> {
            Executor pinnedScheduler = new VirtualThreadScheduler(simulator, w);
            pinnedSchedulers.add(pinnedScheduler);
            return ofRuntime(VirtualThreads.factory(pinnedScheduler));
        });
    }

    /** {@code threads}, making each thread with {@link #spawningTask} set. */
    ThreadFactory ofRuntime(ThreadFactory threads) {
        return body -> {
            spawningTask = true;
            try {
                return threads.newThread(body);
            } finally {
                spawningTask = false;
            }
        };
    }

    /** Whether the thread being constructed is the runtime's own, for a task. */
    boolean spawningTask() {
        return spawningTask;
    }

    /** Whether {@code executor} is one of the run's schedulers. */
    boolean isOwn(Executor executor) {
        return executor == scheduler || pinnedSchedulers.contains(executor);
    }
}
