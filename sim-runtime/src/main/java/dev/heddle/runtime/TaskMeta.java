package dev.heddle.runtime;

import java.time.Duration;

/**
 * What a task hook is told about a task (Tokio's {@code TaskMeta}): see
 * {@link RuntimeBuilder#onTaskSpawn}, {@link RuntimeBuilder#onTaskTerminate},
 * {@link RuntimeBuilder#onBeforeTaskPoll} and {@link RuntimeBuilder#onAfterTaskPoll}.
 *
 * @param id the task's id, unique in its runtime, in spawn order (what {@link TaskDump} shows)
 * @param name the name it was spawned with, {@code "task"} when none
 * @param spawnedAt the line of code that spawned it: the first frame outside Heddle's runtime on
 *     the spawning thread (for the task of {@code blockOn}, named {@code main}, the call of
 *     {@code blockOn}); null when the spawn came from Heddle's own code only
 * @param scheduleLatency for the poll hooks of a runtime built with
 *     {@link RuntimeBuilder#trackTaskScheduleLatency()}: how long the task waited to run, from its
 *     spawn or wake-up to the start of this poll; null for the other hooks, or when not tracked
 */
public record TaskMeta(long id, String name, StackTraceElement spawnedAt, Duration scheduleLatency) {}
