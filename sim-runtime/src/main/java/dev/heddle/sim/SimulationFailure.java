package dev.heddle.sim;

import java.util.Optional;

/**
 * A failed simulation run. The message starts with {@code seed=0x…}, followed in swarm mode by
 * the seed's {@link SwarmProfile} (the fault kinds it turned on), and carries the one-line
 * command that reruns exactly this run. It is an {@link AssertionError}, as opentest4j's
 * {@code AssertionFailedError} is, so that JUnit, Surefire and IDEs count a failed simulation
 * as a failed test, not as an error in the test.
 */
public final class SimulationFailure extends AssertionError {
    /** The seed of the failed run. */
    private final long seed;
    /** What kind of failure ended the run. */
    private final FailureKind kind;
    /** The command that replays the run. */
    private final String rerunCommand;
    /** The seed and settings of the failed run. */
    private final transient RunConfiguration configuration;
    /** The hash of the run's trace, to tell whether a rerun took the same path. */
    private final long traceHash;
    private final transient Optional<SwarmProfile> swarm;

    SimulationFailure(long seed, FailureKind kind, String details, RerunCommand rerunCommand, long traceHash,
                      Optional<SwarmProfile> swarm, Throwable cause) {
        super(Simulation.seedText(seed) + " " + SwarmProfile.label(swarm) + kind + ": " + details
                + "\nrerun: " + rerunCommand.text(), cause);
        this.swarm = swarm;
        this.seed = seed;
        this.kind = kind;
        this.rerunCommand = rerunCommand.text();
        this.configuration = rerunCommand.configuration();
        this.traceHash = traceHash;
    }

    /** The seed of the failed run, to rerun it with {@code -Dheddle.seed}. */
    public long seed() {
        return seed;
    }

    /** What ended the run: a failed task, a deadlock, a budget exceeded, leaked tasks and so on. */
    public FailureKind kind() {
        return kind;
    }

    /** The command that replays this run, e.g. {@code mvn test -Dtest=X#y -Dheddle.seed=0x2a}. */
    public String rerunCommand() {
        return rerunCommand;
    }

    /**
     * The seed and every setting of the failed run, the strategy and PCT horizon as it ran them:
     * {@code configuration().simulation()} runs it again.
     */
    public RunConfiguration configuration() {
        return configuration;
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
