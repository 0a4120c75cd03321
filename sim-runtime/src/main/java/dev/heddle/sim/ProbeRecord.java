package dev.heddle.sim;

/**
 * One named probe's tally: how many times it was met, and how many of those its condition
 * held. A run's tallies are in {@link SimulationResult#probes()}; a sweep adds them up with
 * {@link #plus}.
 *
 * @param met times the probe was met
 * @param held times its condition held
 */
public record ProbeRecord(String name, Kind kind, long met, long held) {
    /** The assertion a probe makes. */
    public enum Kind {
        /** The condition holds every time it is met. */
        ALWAYS,
        /** The condition holds at least once over all seeds. */
        SOMETIMES,
        /** The point is met at least once over all seeds. */
        REACHABLE,
        /** The point is never met. */
        UNREACHABLE
    }

    /** A probe of that name and kind, not met yet. */
    public static ProbeRecord unmet(String name, Kind kind) {
        return new ProbeRecord(name, kind, 0, 0);
    }

    /** This tally, met once more with {@code condition}. */
    public ProbeRecord met(boolean condition) {
        return new ProbeRecord(name, kind, met + 1, condition ? held + 1 : held);
    }

    /** The tallies of this probe and {@code other} (the same probe in another run) together. */
    public ProbeRecord plus(ProbeRecord other) {
        return new ProbeRecord(name, kind, met + other.met, held + other.held);
    }

    /** True when a {@code sometimes} or {@code reachable} probe has been satisfied. */
    public boolean satisfied() {
        return held > 0;
    }
}
