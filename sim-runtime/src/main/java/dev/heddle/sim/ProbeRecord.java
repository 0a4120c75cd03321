package dev.heddle.sim;

/**
 * One named probe's tally: how many times it was met, and how many of those its condition
 * held. Merged across seeds into a {@link ProbeSummary}.
 */
public final class ProbeRecord {
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

    private final String name;
    private final Kind kind;
    private long met;
    private long held;

    ProbeRecord(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    void met(boolean condition) {
        met++;
        if (condition) {
            held++;
        }
    }

    void add(ProbeRecord other) {
        met += other.met;
        held += other.held;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** Times the probe was met. */
    public long met() {
        return met;
    }

    /** Times its condition held. */
    public long held() {
        return held;
    }

    /** True when a {@code sometimes} or {@code reachable} probe has been satisfied. */
    public boolean satisfied() {
        return held > 0;
    }
}
