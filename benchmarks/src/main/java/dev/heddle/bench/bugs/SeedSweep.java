package dev.heddle.bench.bugs;

import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.SimulationResult;
import java.util.Set;

/**
 * Seeds to first failure: runs a program's seeds 0, 1, 2, ... under one {@link Configuration}
 * and stops at the first that fails, or after a bound. Any failure counts as finding the bug
 * (the fixed twin passes, which {@code BugCorpusTest} checks); its kind is kept, so that a
 * failure the simulator reads otherwise than the program's symptom shows.
 */
public final class SeedSweep {
    private SeedSweep() {}

    /**
     * Runs {@code program}'s buggy body on seeds 0 to {@code maxSeeds - 1} under
     * {@code configuration}, stopping at the first failing seed. A program needing a feature the
     * configuration lacks is not run.
     *
     * @param measuredSteps the steps of one passing run of the program ({@link #measuredSteps})
     */
    public static Finding firstFailure(BugProgram program, Configuration configuration, long measuredSteps,
                                       long maxSeeds) {
        if (maxSeeds < 1) {
            throw new IllegalArgumentException("maxSeeds must be at least 1, was " + maxSeeds);
        }
        Set<Feature> lacking = configuration.lacking(program);
        if (!lacking.isEmpty()) {
            return new Finding.Needs(lacking);
        }
        return firstFailure(program, program.buggy(), configuration.sweeps().start(measuredSteps), maxSeeds);
    }

    /**
     * Runs {@code body}, one of {@code program}'s two, on seeds 0 to {@code maxSeeds - 1} with the
     * simulations {@code sweep} gives and the program's own settings, telling it of each passing
     * run, and stops at the first failing seed; features are not checked.
     */
    public static Finding firstFailure(BugProgram program, SimBody body, Configuration.Sweep sweep, long maxSeeds) {
        if (maxSeeds < 1) {
            throw new IllegalArgumentException("maxSeeds must be at least 1, was " + maxSeeds);
        }
        for (long seed = 0; seed < maxSeeds; seed++) {
            Simulation simulation = program.settings().apply(sweep.simulation(seed));
            SimulationResult passed;
            try {
                passed = simulation.run(body);
            } catch (SimulationFailure failure) {
                return new Finding.Found(seed, failure.kind(), program.symptom());
            }
            sweep.passed(simulation, passed);
        }
        return new Finding.NotFound(maxSeeds);
    }

    /**
     * The steps of one run of {@code program}'s fixed twin at seed 0 under
     * {@link dev.heddle.sim.Strategy#RANDOM}: the length of a passing run, which is the horizon PCT
     * should spread its change points over and what an estimate from a sweep's own runs would give.
     */
    public static long measuredSteps(BugProgram program) {
        return program.settings().apply(Simulation.ofSeed(0)).run(program.fixed()).steps();
    }
}
