package dev.heddle.sim;

import dev.heddle.runtime.internal.SpawnSite;
import dev.heddle.runtime.internal.TaskDumper;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a step left its task, for the schedule of a failure report: the first line of the
 * user's code on the task's stack, and what the task waits on there, as
 * {@code suspended at Account.transfer(Account.java:41) [mutex lock]}. Reading the stack of the
 * unmounted thread costs a fraction of a millisecond, as much as a whole small run, so only the
 * replay of a failed seed does it, for its last steps.
 *
 * <p>The stack is read with {@link LiveFrames}, never {@code Thread.getStackTrace()}: on JDK 25
 * that resubmits an unmounted virtual thread that is ready (one that yielded) to its scheduler,
 * an extra wake-up that would change the replayed run.
 */
final class StepSites {
    private StepSites() {}

    /** Where {@code t}, whose step has just ended with its thread's frames {@code frames}, now is. */
    static String of(SimTask t, List<LiveFrames.Frame> frames) {
        Thread.State state = t.thread.getState();
        if (state == Thread.State.TERMINATED) {
            return "and ended";
        }
        StackTraceElement at = null;
        for (LiveFrames.Frame frame : frames) {
            if (SpawnSite.isUserClass(frame.declaringClass())) {
                at = frame.element();
                break;
            }
        }
        String what = switch (state) {
            case RUNNABLE -> "yield";
            case BLOCKED -> "a synchronized monitor";
            case TIMED_WAITING -> "a timed wait";
            default -> TaskDumper.waitingOn(LockSupport.getBlocker(t.thread));
        };
        return "suspended" + (at == null ? "" : " at " + at) + " [" + what + "]";
    }
}
