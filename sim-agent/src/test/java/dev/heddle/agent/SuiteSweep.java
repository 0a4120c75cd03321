package dev.heddle.agent;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import dev.heddle.sim.Strategy;
import dev.heddle.sim.internal.PctHorizon;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One program of the JDK concurrency suite run over seeds as {@code @SimTest} sweeps them:
 * {@link Strategy#PORTFOLIO} (RANDOM and PCT at depths 1 to 3 in turn, spurious wake-ups in every
 * other group of four seeds), the agent's scheduling points on, the PCT horizon estimated from
 * the sweep's own runs. Each failing seed is run again with the same settings, and must fail
 * alike (same kind, same trace hash).
 */
final class SuiteSweep {
    /** Seeds per program. */
    static final int SEEDS = 200;
    /** Lines of a failure's report kept for the suite's table. */
    private static final int REPORT_LINES = 6;

    /**
     * A failing seed.
     *
     * @param replayedAlike whether the seed run again failed with the same kind and trace hash
     * @param report        the first lines of the failure's report
     */
    record Failure(long seed, FailureKind kind, long traceHash, boolean replayedAlike, String report) {}

    /**
     * What a sweep found.
     *
     * @param failures the failing seeds, in order
     * @param millis   the sweep's real time, replays included
     */
    record Outcome(SuiteProgram program, List<Failure> failures, long millis) {
        /** The failing seeds' kinds, counted: {@code DEADLOCK x3, TASK_FAILED x1}. */
        String kinds() {
            return failures.stream().collect(Collectors.groupingBy(Failure::kind, Collectors.counting())).entrySet()
                    .stream().map(e -> e.getKey() + " x" + e.getValue()).sorted().collect(Collectors.joining(", "));
        }
    }

    private SuiteSweep() {}

    /**
     * Runs {@code program} on seeds 0 to {@link #SEEDS} - 1; {@code progress} is told of each run before it
     * starts ({@code "seed 12"}, {@code "seed 12, again"}), so that a run that never ends can be named.
     */
    static Outcome sweep(SuiteProgram program, Consumer<String> progress) {
        long start = System.nanoTime();
        PctHorizon horizon = PctHorizon.estimated();
        SimBody body = sim -> program.program().get().run();
        List<Failure> failures = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            progress.accept("seed " + seed);
            Simulation simulation = simulation(seed, horizon.forNextRun());
            try {
                SimulationResult passed = simulation.run(body);
                horizon.ran(simulation.configuration(), passed.steps());
            } catch (SimulationFailure f) {
                horizon.ran(simulation.configuration(), f.steps());
                progress.accept("seed " + seed + ", again");
                failures.add(new Failure(seed, f.kind(), f.traceHash(), replaysAlike(simulation, body, f),
                        firstLines(f.getMessage())));
            }
        }
        return new Outcome(program, failures, (System.nanoTime() - start) / 1_000_000);
    }

    /** The simulation of one seed; {@code pctHorizon} as the sweep estimated it for this run. */
    static Simulation simulation(long seed, long pctHorizon) {
        // A step that never reaches a suspension point for 10 s of real time is stuck: fail it rather than the build.
        return Simulation.ofSeed(seed).strategy(Strategy.PORTFOLIO).schedulingPoints(true).pctHorizon(pctHorizon)
                .stuckAfter(Duration.ofSeconds(10));
    }

    private static boolean replaysAlike(Simulation simulation, SimBody body, SimulationFailure first) {
        try {
            simulation.run(body);
            return false;
        } catch (SimulationFailure again) {
            return again.kind() == first.kind() && again.traceHash() == first.traceHash();
        }
    }

    private static String firstLines(String report) {
        return report.lines().limit(REPORT_LINES).collect(Collectors.joining("\n    "));
    }
}
