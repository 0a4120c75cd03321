package dev.heddle.sim.instrument;

/**
 * A simulation run with scheduling points on, as {@link SchedulingPoints} sees it: implemented
 * by the simulator, which registers each such run for its duration. Not for users.
 *
 * <p>Every method is called on the thread that reached the point, and first tells whether that
 * thread is the task in this run's step; a run answers {@link Decision#NOT_THIS_RUN} for any
 * other thread (another simulation's task, a thread outside every simulation).
 */
public interface InstrumentedRun {

    /** What a thread does at a scheduling point. */
    enum Decision {
        /** The thread is not running a step of this run: ask the next run, or go on. */
        NOT_THIS_RUN,
        /** The run chose the task that reached the point: it goes on without unmounting. */
        GO_ON,
        /** The run chose another task, or ran out of steps: the thread must yield, at once. */
        YIELD
    }

    /** {@code thread} reached the scheduling point at {@code site}; see {@link SchedulingPoints#point}. */
    Decision point(Thread thread, String site);

    /** {@code thread} entered a monitor; false when it runs no step of this run. */
    boolean monitorEntered(Thread thread);

    /** {@code thread} left a monitor; false when it runs no step of this run. */
    boolean monitorExited(Thread thread);
}
