package dev.heddle.sim;

import dev.heddle.runtime.TaskDump;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link SimulationFailure} carries as data besides its kind and seed, taken when the run
 * failed: how far it got, the task at fault, the blocked tasks and their wait-for graph (for a
 * run that cannot go on), the last events of its trace, and the schedule text a replay made of
 * them (empty until {@link FailureReplay} adds it), and the run's decisions up to the failure.
 */
record FailureData(long steps, long virtualNanos, Optional<String> failingTask, List<TaskDump.Task> blockedTasks,
                   Optional<WaitForGraph> waitForGraph, RecentEvents recent, String schedule,
                   Optional<DecisionLog> decisionLog) {

    FailureData {
        blockedTasks = List.copyOf(blockedTasks);
    }

    /** For a failure found outside a run's loop, with nothing of the run to show. */
    static FailureData none() {
        return new FailureData(0, 0, Optional.empty(), List.of(), Optional.empty(), RecentEvents.NONE, "",
                Optional.empty());
    }

    FailureData withSchedule(String text) {
        return new FailureData(steps, virtualNanos, failingTask, blockedTasks, waitForGraph, recent, text, decisionLog);
    }
}
