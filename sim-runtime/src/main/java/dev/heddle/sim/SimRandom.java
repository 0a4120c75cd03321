package dev.heddle.sim;

import java.util.random.RandomGenerator;

/**
 * One seeded stream of random numbers (SplitMix64, a fixed published algorithm, so a seed
 * means the same numbers on every JDK). Each purpose of the simulation draws from its own
 * stream, so that one more draw for one purpose does not reshuffle the others.
 */
final class SimRandom implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private final Trace trace;
    private final Trace.Event event;
    private long state;

    SimRandom(long seed, String purpose, Trace trace, Trace.Event event) {
        this.state = mix(seed ^ mix(purpose.hashCode() * GOLDEN_GAMMA));
        this.trace = trace;
        this.event = event;
    }

    @Override
    public long nextLong() {
        long v = mix(state += GOLDEN_GAMMA);
        if (event != null) {
            trace.record(event, v, 0);
        }
        return v;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
