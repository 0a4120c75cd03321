package dev.heddle.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR: a task suspended (Tokio: a poll returned pending) and resumed; its duration is the time it
 * was off its thread, its stack where it waited. See {@link TaskEvents}.
 */
@Name("dev.heddle.TaskSuspend")
@Label("Task Suspend")
@Category("Heddle")
@Description("A Heddle task suspended at a suspension point until it was woken and ran again")
final class TaskSuspendEvent extends jdk.jfr.Event {
    @Label("Task Id")
    long taskId;
    @Label("Task Name")
    String taskName;
    @Label("Waiting On")
    @Description("What the task waited for, as a task dump names it: mpsc recv, mutex lock, sleep, yield, ...")
    String waitingOn;
}
