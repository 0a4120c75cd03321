package dev.heddle.runtime.internal.scheduler;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * JFR: a worker of the multi-thread scheduler (or a logical worker of the simulator's replay of
 * it) stole tasks from another's queue; committed by {@link WorkerCore#steal}, beside the task
 * events of {@code dev.heddle.runtime.internal.TaskEvents}, whose category it shares.
 */
@Name("dev.heddle.TaskSteal")
@Label("Task Steal")
@Category("Heddle")
@Description("A worker with nothing to run took half of another worker's queued tasks")
@StackTrace(false)
final class TaskStealEvent extends jdk.jfr.Event {
    @Label("Worker")
    int worker;
    @Label("Victim Worker")
    int victim;
    @Label("Tasks Stolen")
    int tasks;
}
