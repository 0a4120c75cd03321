package dev.heddle.junit;

import dev.heddle.junit.internal.DurationText;
import dev.heddle.sim.Simulation;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Which seeds a {@link SimTest} runs, drawn one at a time (a sweep of a billion seeds holds no
 * array of them). The system properties override the annotation, so that CI can sweep more seeds
 * and a developer can replay one: {@code heddle.seed} (one seed), {@code heddle.seeds} (how many),
 * {@code heddle.firstSeed} (where the sweep starts; {@code random} for a new start on every run,
 * which the sweep logs so that it can be run again) and {@code heddle.duration} (run seeds until
 * this much wall time is spent; with {@code heddle.seeds} too, whichever ends first).
 *
 * @param count  how many seeds, {@link Long#MAX_VALUE} for as many as the duration allows
 * @param budget the wall time to spend, or null for none
 * @param replay true when {@code heddle.seed} picked the one seed: a replay to debug, not a sweep
 * @param randomFirst true when {@code heddle.firstSeed=random} drew {@code first}
 */
record SeedPlan(long first, long count, Duration budget, boolean replay, boolean randomFirst) {
    static SeedPlan of(SimTest settings) {
        String one = System.getProperty("heddle.seed");
        if (one != null && !one.isBlank()) {
            return new SeedPlan(Simulation.parseSeed(one), 1, null, true, false);
        }
        if (!settings.seed().isBlank()) {
            return new SeedPlan(Simulation.parseSeed(settings.seed()), 1, null, false, false);
        }
        Duration budget = duration(System.getProperty("heddle.duration"));
        long count = budget == null ? settings.seeds() : Long.MAX_VALUE;
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
        String start = System.getProperty("heddle.firstSeed");
        if (start == null || start.isBlank()) {
            return new SeedPlan(settings.firstSeed(), count, budget, false, false);
        }
        if (start.strip().equalsIgnoreCase("random")) {
            return new SeedPlan(new SecureRandom().nextLong(), count, budget, false, true);
        }
        try {
            return new SeedPlan(Simulation.parseSeed(start), count, budget, false, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("heddle.firstSeed must be a seed (42, 0x2a) or 'random', was '"
                    + start + "'", e);
        }
    }

    /** The {@link DurationText duration} {@code text} writes; null for none. */
    private static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Duration duration = DurationText.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "heddle.duration must be a duration such as " + DurationText.EXAMPLES + ", was '" + text + "'"));
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("heddle.duration must be more than zero, was '" + text + "'");
        }
        return duration;
    }

    /** The seed run {@code index}-th. Seeds past {@link Long#MAX_VALUE} wrap around: any long is a seed. */
    long seed(long index) {
        return first + index;
    }

    /** Whether the sweep runs another seed after {@code ran} of them in {@code elapsedNanos}; one at least. */
    boolean continues(long ran, long elapsedNanos) {
        return ran == 0 || (ran < count && (budget == null || elapsedNanos < budget.toNanos()));
    }
}
