package dev.heddle.runtime;

import dev.heddle.runtime.internal.scheduler.WorkerMetrics;
import java.util.List;

/**
 * A snapshot of what a runtime is doing ({@link HeddleRuntime#metrics()}), as Tokio's
 * {@code RuntimeMetrics}. Taken while tasks run, the per-worker counters may lag by a few
 * events; once the runtime is idle they are exact.
 *
 * <pre>{@code
 * RuntimeMetrics m = runtime.metrics();
 * System.out.println(m.aliveTasks() + " tasks, " + m.steals() + " steals");
 * }</pre>
 *
 * <p>At rest (every task ended) the figures add up: {@code spawnedTasks == endedTasks}, and
 * {@code polls() == remoteSchedules + localSchedules()}, since each submission of a task to the
 * scheduler is run exactly once.
 *
 * @param workers worker threads (1 for a current-thread runtime: the thread in {@code blockOn})
 * @param spawnedTasks tasks spawned so far, {@code blockOn} roots and blocking ones included
 *     (Tokio's {@code spawned_tasks_count})
 * @param endedTasks tasks that have ended so far, with a value, a failure or cancelled
 * @param aliveTasks tasks spawned and not yet ended, blocking ones included
 * @param blockingThreads threads of the blocking pool alive now
 * @param remoteSchedules tasks submitted to the workers from other threads (spawns from outside,
 *     timer, I/O and blocking-pool wake-ups), each through the injection queue; 0 for a
 *     current-thread runtime
 * @param injectionQueueDepth tasks in the shared injection queue, which all workers poll
 * @param perWorker each worker's figures, by index; empty for a current-thread runtime
 */
public record RuntimeMetrics(int workers, long spawnedTasks, long endedTasks, int aliveTasks, int blockingThreads,
                             long remoteSchedules, int injectionQueueDepth, List<WorkerMetrics> perWorker) {
    /** Metrics holding their own copy of {@code perWorker}. */
    public RuntimeMetrics {
        perWorker = List.copyOf(perWorker);
    }

    /** Tasks started, woken or yielding on a worker by a task running there, over all workers. */
    public long localSchedules() {
        return perWorker.stream().mapToLong(WorkerMetrics::localSchedules).sum();
    }

    /** Task polls over all workers. */
    public long polls() {
        return perWorker.stream().mapToLong(WorkerMetrics::polls).sum();
    }

    /** Successful steal operations over all workers. */
    public long steals() {
        return perWorker.stream().mapToLong(WorkerMetrics::steals).sum();
    }

    /** Polls of a LIFO-slot task over all workers. */
    public long lifoHits() {
        return perWorker.stream().mapToLong(WorkerMetrics::lifoHits).sum();
    }

    /** Times any worker went to sleep for lack of work. */
    public long parks() {
        return perWorker.stream().mapToLong(WorkerMetrics::parks).sum();
    }
}
