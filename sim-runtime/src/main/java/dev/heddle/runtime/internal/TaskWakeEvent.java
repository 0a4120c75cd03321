package dev.heddle.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR: a task was made ready to run (woken, or started after its spawn); recorded on the waking
 * thread, whose stack shows who woke it. See {@link TaskEvents}.
 */
@Name("dev.heddle.TaskWake")
@Label("Task Wake")
@Category("Heddle")
@Description("A Heddle task was scheduled to run: woken from a wait, or started")
final class TaskWakeEvent extends jdk.jfr.Event {
    @Label("Woken Thread")
    @Description("The virtual thread of the woken task, named after the task")
    Thread wokenThread;
}
