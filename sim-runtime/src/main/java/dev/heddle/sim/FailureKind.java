package dev.heddle.sim;

/** What went wrong in a failed simulation run. */
public enum FailureKind {
    /** A task, or the simulation's main body, ended with an exception or a failed assertion. */
    TASK_FAILED,
    /** No task can run, no timer is pending, and the main body has not finished. */
    DEADLOCK,
    /** The run took more steps than its budget: a busy loop or a livelock. */
    STEP_BUDGET_EXCEEDED,
    /** Virtual time passed the run's budget: something keeps waiting for a deadline. */
    TIME_BUDGET_EXCEEDED,
    /** A task would be woken from outside the simulation (real time, a JDK thread, real I/O). */
    FOREIGN_WAKEUP,
    /** Tasks were still alive when the main body finished, and the run asked for none. */
    LEAKED_TASKS,
    /** A task suspended while holding a synchronized monitor or a ReentrantLock; see {@link LockHeldPolicy}. */
    LOCK_HELD_ACROSS_SUSPENSION,
    /**
     * A task ran one step for longer than {@link Simulation#stuckAfter} of real time without
     * reaching a suspension point; the run was abandoned.
     */
    STUCK,
    /** Two runs of the same seed did different things. */
    NONDETERMINISM
}
