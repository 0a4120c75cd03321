package dev.heddle.runtime.internal.scheduler;

/**
 * What one worker of a multi-thread runtime has done: read while the runtime runs, the
 * figures may lag by a few events; once it is idle they are exact.
 *
 * @param index the worker's number, from 0
 * @param localSchedules tasks started, woken or yielding by a task running on this worker, and
 *     so queued here (Tokio's {@code worker_local_schedule_count}); every poll is one of these or
 *     one of the runtime's remote schedules
 * @param polls tasks run (a task that parks and wakes is run once per wake-up)
 * @param steals steal operations that took something from another worker
 * @param stolenTasks tasks taken by those steals
 * @param lifoHits tasks run from the LIFO slot
 * @param parks times the worker went to sleep for lack of work
 * @param localQueueDepth tasks in the worker's local queue now
 * @param lifoSlotDepth 1 when a task waits in the LIFO slot now, else 0
 */
public record WorkerMetrics(int index, long localSchedules, long polls, long steals, long stolenTasks,
                            long lifoHits, long parks, int localQueueDepth, int lifoSlotDepth) {}
