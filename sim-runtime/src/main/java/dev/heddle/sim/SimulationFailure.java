package dev.heddle.sim;

import java.util.Optional;

/**
 * A failed simulation run. The message starts with {@code seed=0x…}, followed in swarm mode by
 * the seed's {@link SwarmProfile} (the fault kinds it turned on), and carries the one-line
 * command that reruns exactly this run.
 */
public final class SimulationFailure extends RuntimeException {
    private final long seed;
    private final FailureKind kind;
    private final String rerunCommand;
    private final long traceHash;
    private final transient Optional<SwarmProfile> swarm;

    SimulationFailure(long seed, FailureKind kind, String details, String rerunCommand, long traceHash,
                      Optional<SwarmProfile> swarm, Throwable cause) {
        super(Simulation.seedText(seed) + " " + SwarmProfile.label(swarm) + kind + ": " + details
                + "\nrerun: " + rerunCommand, cause);
        this.swarm = swarm;
        this.seed = seed;
        this.kind = kind;
        this.rerunCommand = rerunCommand;
        this.traceHash = traceHash;
    }

    public long seed() {
        return seed;
    }

    public FailureKind kind() {
        return kind;
    }

    /** The command that replays this run, e.g. {@code mvn test -Dtest=X#y -Dheddle.seed=0x2a}. */
    public String rerunCommand() {
        return rerunCommand;
    }

    /** In swarm mode, the fault kinds the failed run's seed turned on. */
    public Optional<SwarmProfile> swarm() {
        return swarm;
    }

    /** The trace hash of the failed run: a rerun of the seed that fails the same way has the same hash. */
    public long traceHash() {
        return traceHash;
    }
}
