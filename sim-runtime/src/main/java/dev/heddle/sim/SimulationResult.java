package dev.heddle.sim;

/**
 * What a passing run did: the seed, its trace hash (equal hashes, same run), steps taken,
 * virtual time covered in nanoseconds, and tasks spawned.
 */
public record SimulationResult(long seed, long traceHash, long steps, long virtualNanos, long tasks) {
    @Override
    public String toString() {
        return Simulation.seedText(seed) + " hash=" + Long.toHexString(traceHash) + " steps=" + steps
                + " virtual=" + virtualNanos / 1_000_000 + "ms tasks=" + tasks;
    }
}
