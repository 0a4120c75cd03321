package dev.heddle.junit.fuzz;

import java.util.Locale;

/**
 * The seeds the fuzz runner runs twice to check that the same seed gives the same run, as
 * FoundationDB's simulation checks a share of its runs: a seed is in the sample when a hash of
 * it falls below the fraction, so that whether a seed is checked depends on the seed alone, and
 * a sharded run checks exactly the seeds the unsharded run would.
 */
record DeterminismSample(double fraction) {
    static final DeterminismSample DEFAULT = new DeterminismSample(0.05);

    /** {@code 5%}, or a fraction in [0, 1] such as {@code 0.05}; {@code 0} checks no seed. */
    static DeterminismSample parse(String text) throws UsageError {
        String t = text.strip();
        try {
            double fraction = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100
                    : Double.parseDouble(t);
            if (fraction >= 0 && fraction <= 1) {
                return new DeterminismSample(fraction);
            }
        } catch (NumberFormatException e) {
            // named below, with the value
        }
        throw new UsageError("--determinism-sample must be a share of the seeds such as 5% or 0.05 (0 checks none),"
                + " was '" + text + "'");
    }

    boolean covers(long seed) {
        return fraction > 0 && (mix(seed) >>> 11) * 0x1.0p-53 < fraction;
    }

    /** SplitMix64's finalizer: consecutive seeds land far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4g%%", fraction * 100).replaceAll("\\.?0+%$", "%");
    }
}
