package dev.heddle.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR: a task was spawned; recorded on the spawning thread, with the stack of the spawn. See {@link TaskEvents}. */
@Name("dev.heddle.TaskSpawn")
@Label("Task Spawn")
@Category("Heddle")
@Description("A Heddle task was spawned")
final class TaskSpawnEvent extends jdk.jfr.Event {
    @Label("Task Id")
    long taskId;
    @Label("Task Name")
    String taskName;
    @Label("Parent Task Id")
    @Description("The id of the task that spawned it; 0 when spawned from outside the runtime's tasks")
    long parentTaskId;
}
