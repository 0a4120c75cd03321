package dev.heddle.sim;

import dev.heddle.runtime.internal.Task;

/**
 * The simulator's record of one virtual thread: a Heddle task, or a virtual thread that a
 * task started with the JDK's own API and that joined the simulation by itself. Its name is
 * the task's, with {@code @host} for a task on a simulated host.
 */
final class SimTask {
    final long id;
    final String name;
    final Thread thread;
    final Runnable continuation;
    /** The Heddle task, or null for an adopted virtual thread. */
    final Task<?> task;
    /** The life of the simulated host the task runs on, or null outside every host. */
    final Incarnation incarnation;
    /**
     * The line of code that spawned the task, for a task outside every host (reported if the run
     * ends with it still waiting); null on a host, or for an adopted virtual thread.
     */
    final StackTraceElement spawnedAt;
    /**
     * The logical worker the task is pinned to ({@code spawnLocal}'s tasks, and virtual threads
     * they start), or -1: set by the pinned executor that wakes it, so that every later wake-up,
     * held ones of a paused host included, goes to that worker's pinned queue.
     */
    int pinnedWorker = -1;
    /**
     * Set when the task suspends in one of Heddle's suspension points during its step, cleared
     * when its next step begins: a task that waits without it waits in the JDK or its own park.
     */
    boolean suspendedInHeddle;
    /**
     * True for a virtual thread that runs a daemon platform thread's work ({@link PlatformThreadTasks}):
     * the run abandons it at the end, as the JVM does a daemon thread, instead of listing it as left waiting.
     */
    boolean daemon;
    /** The virtual timer of the task's latest timed park or timed {@code Object.wait}, set as it parks. */
    VirtualThreadScheduler.VirtualTimeout timedWake;
    /**
     * Set when a timed wait of the task was reported as waiting on something outside the run (real
     * I/O, the real clock): its timer is cancelled and its later timed parks get none, so that the
     * run's teardown, which wakes it to cancel it, does not spin it on virtual time while the real
     * clock stands still.
     */
    boolean waitsOutside;
    /** PCT priority: higher runs first. */
    long priority;
    /** The task's identity in a decision log ({@link TaskKeys}), set as it is registered. */
    long key;

    SimTask(long id, String name, Thread thread, Runnable continuation, Task<?> task, Incarnation incarnation,
            StackTraceElement spawnedAt) {
        this.id = id;
        this.name = name;
        this.thread = thread;
        this.continuation = continuation;
        this.task = task;
        this.incarnation = incarnation;
        this.spawnedAt = spawnedAt;
    }

    @Override
    public String toString() {
        return name;
    }
}
