package dev.heddle.sim;

/**
 * One kind of fault's tally in a run: whether the test configured it (a loss rate, a
 * partition schedule, buggify enabled) and how many times it fired. A configured fault that
 * never fires is inert: the run tested less than its author thought. A run's tallies are in
 * {@link SimulationResult#faults()}; a sweep adds them up with {@link #plus} and reports the
 * configured faults no seed fired.
 *
 * @param name the fault kind, as {@code "net.drop"} or {@code "buggify"}
 * @param configured whether some run configured it
 * @param fired times it fired
 */
public record FaultRecord(String name, boolean configured, long fired) {
    /** The tallies of this fault and {@code other} (the same fault in another run) together. */
    public FaultRecord plus(FaultRecord other) {
        return new FaultRecord(name, configured || other.configured, fired + other.fired);
    }

    /** True when the fault was configured and never fired. */
    public boolean inert() {
        return configured && fired == 0;
    }

    @Override
    public String toString() {
        return name + "=" + fired + (inert() ? " (configured, never fired)" : "");
    }
}
