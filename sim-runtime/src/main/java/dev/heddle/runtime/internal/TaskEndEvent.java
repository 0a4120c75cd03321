package dev.heddle.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** JFR: a task's body ended; recorded on the task's thread. See {@link TaskEvents}. */
@Name("dev.heddle.TaskEnd")
@Label("Task End")
@Category("Heddle")
@Description("A Heddle task ended: it returned, failed or was cancelled")
@StackTrace(false)
final class TaskEndEvent extends jdk.jfr.Event {
    @Label("Task Id")
    long taskId;
    @Label("Task Name")
    String taskName;
    @Label("Outcome")
    @Description("SUCCEEDED, FAILED or CANCELLED")
    String outcome;
}
