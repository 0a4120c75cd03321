package dev.heddle.sim;

import java.util.function.Function;

/**
 * Ends a failure report with its schedule ({@link ScheduleReport}). Every run keeps its last
 * events, but where each step left its task costs a stack walk a step, too much for every step
 * of every run; so a failed seed is run once more, deterministic as it is, noting the sites of
 * its last {@link ScheduleReport#STEPS} steps only. The replay must fail alike, with the same
 * trace hash: if it does not, the report says so, for then the run is not determined by its
 * seed, which the user must know, and shows the first run's events without sites.
 *
 * <p>No replay is made where it cannot help: a {@link FailureKind#STUCK} step (it would spin
 * again, for as long), and {@link FailureKind#NONDETERMINISM}, whose report shows both runs.
 */
final class FailureReplay {
    private FailureReplay() {}

    /**
     * {@code failure} with its schedule, from a replay of its seed by {@code rerun}, which runs
     * the same body with the trace it is given.
     */
    static SimulationFailure withSchedule(SimulationFailure failure, long seed, Function<Trace, ?> rerun) {
        RecentEvents recent = failure.data().recent();
        if (recent.size() == 0 || failure.kind() == FailureKind.NONDETERMINISM) {
            return failure;
        }
        if (failure.kind() == FailureKind.STUCK) {
            return failure.withSchedule(ScheduleReport.render(recent, null, ", without where each task suspended:"
                    + " a stuck step is not replayed"));
        }
        Trace replay = new Trace(seed, false);
        replay.noteStepSitesFrom(failure.steps() - ScheduleReport.STEPS + 1);
        SimulationFailure again = null;
        String other = "passed";
        try {
            rerun.apply(replay);
        } catch (SimulationFailure f) {
            again = f;
            other = "failed with " + f.kind() + ", trace hash " + Long.toHexString(f.traceHash());
        } catch (RuntimeException | Error e) {
            other = "threw " + e;
        }
        return withSchedule(failure, again, other, replay);
    }

    /**
     * {@code failure} with its schedule, from {@code again}, a second run of its seed whose trace
     * ({@code replay}) noted sites for the last steps; null when that run did not fail, described
     * then by {@code other}.
     */
    static SimulationFailure withSchedule(SimulationFailure failure, SimulationFailure again, String other,
                                          Trace replay) {
        if (again != null && again.kind() == failure.kind() && again.traceHash() == failure.traceHash()) {
            return failure.withSchedule(ScheduleReport.render(again.data().recent(), replay,
                    ", as a replay of the seed ran them, with where each step left its task"));
        }
        return failure.withSchedule(ScheduleReport.render(failure.data().recent(), null, "")
                + "A replay of this seed " + other + ", where this run failed with trace hash "
                + Long.toHexString(failure.traceHash()) + ": the run is not determined by its seed alone. Something"
                + " outside the seed decided: real time, a foreign thread, an unseeded Random, identity hash codes,"
                + " HashMap order of objects, or state the body keeps between runs. Simulation.checkDeterminism"
                + " shows the first event where two runs part ways.\n");
    }
}
