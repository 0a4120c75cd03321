package dev.heddle.runtime.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR: a task waited for one channel, sync or join operation (a receive, a send into a full
 * channel, a lock), from the moment it queued to the moment the operation completed or the wait
 * was abandoned. Its duration is what tokio-console shows as time spent waiting on a resource.
 * See {@link TaskEvents}.
 */
@Name("dev.heddle.OperationWait")
@Label("Channel or Sync Wait")
@Category("Heddle")
@Description("A Heddle task waited for a channel, sync primitive or task join to complete its operation")
final class OperationWaitEvent extends jdk.jfr.Event {
    @Label("Task Id")
    long taskId;
    @Label("Task Name")
    String taskName;
    @Label("Operation")
    @Description("mpsc recv, mpsc send, oneshot recv, mutex lock, semaphore acquire, ...")
    String operation;
    @Label("Completed")
    @Description("False when the wait was given up: the task was aborted or timed out")
    boolean completed;
}
