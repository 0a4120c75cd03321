package dev.heddle.bench.bugs;

/**
 * What the simulator must offer, beyond a plain seeded scheduler of suspension points, before a
 * {@link BugProgram} can fail: a program that needs a feature a {@link Configuration} lacks is
 * listed as "needs" it, not counted as a bug the configuration missed.
 */
public enum Feature {
    /**
     * Scheduling points at field reads and writes, atomics and monitors, put there by Heddle's
     * Java agent: without them a task runs from one suspension point to the next in one step,
     * so a race between a plain read and write never interleaves.
     */
    AGENT("agent"),
    /** A parked or waiting task woken with no signal, as the JDK allows and a real JVM does at times. */
    SPURIOUS_WAKE_UPS("spurious");

    private final String label;

    Feature(String label) {
        this.label = label;
    }

    /** The feature's name in the benchmark's output, as in {@code needs-agent}. */
    public String label() {
        return label;
    }
}
