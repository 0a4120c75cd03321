package dev.heddle.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR: a worker of the multi-thread scheduler stole tasks from another's queue. See {@link TaskEvents}. */
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
