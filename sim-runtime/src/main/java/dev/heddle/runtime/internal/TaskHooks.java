package dev.heddle.runtime.internal;

import dev.heddle.runtime.TaskMeta;
import java.util.function.Consumer;

/**
 * The task hooks a runtime was built with ({@code RuntimeBuilder.onTaskSpawn} and the like), each
 * null when not set. A runtime with none has no {@code TaskHooks} at all, so that its spawns and
 * suspensions pay one null check for them.
 *
 * @param onSpawn runs on the spawning thread just before the task starts
 * @param onTerminate runs on the task's thread once its body has ended, before its outcome shows
 * @param beforePoll runs on the task's thread each time it starts or resumes running
 * @param afterPoll runs on the task's thread each time it suspends and when its body ends
 * @param latencies the schedule latencies the poll hooks are told, or null when not tracked
 */
public record TaskHooks(Consumer<TaskMeta> onSpawn, Consumer<TaskMeta> onTerminate, Consumer<TaskMeta> beforePoll,
        Consumer<TaskMeta> afterPoll, ScheduleLatencies latencies) {

    /** These hooks, or null when none is set. */
    public TaskHooks orNull() {
        return onSpawn == null && onTerminate == null && beforePoll == null && afterPoll == null && latencies == null
                ? null : this;
    }
}
