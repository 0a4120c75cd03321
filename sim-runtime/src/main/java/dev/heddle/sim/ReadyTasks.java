package dev.heddle.sim;

/**
 * The tasks ready to run, and the choice of which one runs next: the one seam between the
 * simulator's loop and how a run schedules. Either one pool ordered by the {@link Strategy}
 * ({@link ReadyPool}) or the logical workers that replay the multi-thread runtime's queues
 * ({@link LogicalWorkers}); the loop does not know which.
 */
interface ReadyTasks {

    /**
     * The ready tasks the settings ask for: logical workers when {@code workers} is set, else one
     * pool; ordered by the strategy the run uses (the portfolio's choice for the seed).
     */
    static ReadyTasks of(RunConfiguration run, Decisions decisions) {
        return run.workers() == 0
                ? new ReadyPool(run.strategy(), run.pctDepth(), run.pctHorizon(), decisions)
                : new LogicalWorkers(run.workers(), run.strategy(), decisions);
    }

    /** Called once for each new task, before it is first woken: where PCT gives it its priority. */
    default void created(SimTask task) {}

    /** Makes {@code task} ready: woken during the step of {@code running}, or from outside any step when null. */
    void wake(SimTask task, SimTask running);

    boolean isEmpty();

    /** Removes and returns the task that runs step number {@code step} (counted from 1); never called when empty. */
    SimTask next(long step);

    /** The logical worker that took the last task {@link #next} returned, or -1 when there are no workers. */
    int actingWorker();

    /** The task of the running step is about to block its worker: logical workers make its queued tasks stealable. */
    default void blockInPlace() {}
}
