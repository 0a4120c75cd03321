package dev.heddle.sim;

import java.util.random.RandomGenerator;

/**
 * One seeded stream of random numbers (SplitMix64, a fixed published algorithm, so a seed
 * means the same numbers on every JDK). Each purpose of the simulation draws from its own
 * stream, so that one more draw for one purpose does not reshuffle the others. The run draws
 * through {@link RecordedRandom}, which records each draw.
 */
final class SimRandom implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    SimRandom(long seed, String purpose) {
        this.state = mix(seed ^ mix(purpose.hashCode() * GOLDEN_GAMMA));
    }

    @Override
    public long nextLong() {
        return mix(state += GOLDEN_GAMMA);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
