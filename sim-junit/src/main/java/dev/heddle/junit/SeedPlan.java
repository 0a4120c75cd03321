package dev.heddle.junit;

import dev.heddle.sim.Simulation;
import java.util.stream.LongStream;

/**
 * Which seeds a {@link SimTest} runs: the system properties {@code heddle.seed} (one seed)
 * and {@code heddle.seeds} (how many) override the annotation, so that CI can sweep more
 * seeds and a developer can replay one.
 *
 * @param replay true when {@code heddle.seed} picked the one seed: a replay to debug, not a sweep
 */
record SeedPlan(long first, long count, boolean replay) {

    static SeedPlan of(SimTest settings) {
        String one = System.getProperty("heddle.seed");
        if (one != null && !one.isBlank()) {
            return new SeedPlan(Simulation.parseSeed(one), 1, true);
        }
        if (!settings.seed().isBlank()) {
            return new SeedPlan(Simulation.parseSeed(settings.seed()), 1, false);
        }
        long count = settings.seeds();
        String many = System.getProperty("heddle.seeds");
        if (many != null && !many.isBlank()) {
            try {
                count = Long.parseLong(many.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("heddle.seeds must be a whole number of seeds, was '" + many + "'", e);
            }
        }
        if (count < 1) {
            throw new IllegalArgumentException("the number of seeds must be at least 1, was " + count
                    + " (from " + (many != null ? "-Dheddle.seeds" : "@SimTest(seeds)") + ")");
        }
        return new SeedPlan(settings.firstSeed(), count, false);
    }

    long[] seeds() {
        return LongStream.range(first, first + count).toArray();
    }
}
