package dev.heddle.sim;

import java.util.HashSet;
import java.util.Set;

/**
 * The run's checks for a lock held across a suspension point, reported per the run's
 * {@link LockHeldPolicy}. At a suspension the search walks the live stack, 20 to 40
 * microseconds, as long as fifty steps of a small test: searching at every suspension tripled
 * the cost of such a run, searching at a dozen in a thousand still doubled it. So a run searches
 * at the suspensions {@link Decisions#checkLocksAt} draws, eight in a run of a thousand, at places
 * that differ from seed to seed, so that a lock held at any suspension point that seeds reach is
 * found over a sweep. A monitor that made another task wait is reported every time
 * ({@link #monitorHeld}): it is seen for free then.
 */
final class LockHeldChecks {
    /**
     * Where {@link LockHeldPolicy#WARN} reports go: a logger rather than standard error, so that
     * users can silence them or route them to their own logging.
     */
    private static final System.Logger LOG = System.getLogger("dev.heddle.sim");

    private final Simulator simulator;
    private final Simulation config;
    private final Decisions decisions;
    private final long seed;
    /** Suspensions of tasks so far, counted for sampling the check. */
    private long suspensions;
    /** Locks already warned about under {@link LockHeldPolicy#WARN}, so that each is reported once per run. */
    private final Set<String> warnedLocks = new HashSet<>();

    LockHeldChecks(Simulator simulator, Simulation config, Decisions decisions, long seed) {
        this.simulator = simulator;
        this.config = config;
        this.decisions = decisions;
        this.seed = seed;
    }

    /**
     * The calling thread, {@code running}'s, suspends as {@code who}: at a sampled suspension,
     * looks for locks it holds.
     */
    void atSuspension(Object who, SimTask running) {
        LockHeldPolicy policy = config.lockHeldPolicy();
        if (policy == LockHeldPolicy.IGNORE || simulator.tearingDown() || !decisions.checkLocksAt(++suspensions)) {
            return;
        }
        HeldLocks.Found found = HeldLocks.ofCurrentThread();
        if (found.isEmpty()) {
            return;
        }
        report(policy, FailureReports.lockHeld(who, found), found.locks().toString(),
                running == null ? null : running.name, null);
    }

    /** Whether the run looks for held locks at all. */
    boolean on() {
        return config.lockHeldPolicy() != LockHeldPolicy.IGNORE;
    }

    /** {@code blocked} waits to enter {@code monitor}, which {@code holder} holds while suspended in Heddle. */
    void monitorHeld(SimTask blocked, SimTask holder, String monitor, WaitForGraph graph) {
        report(config.lockHeldPolicy(), FailureReports.monitorHeldAcrossSuspension(blocked, holder, monitor, graph),
                monitor + " held by " + holder.name, holder.name, graph);
    }

    /** Fails the run, naming {@code holder}, or warns once per {@code lock}. */
    private void report(LockHeldPolicy policy, String report, String lock, String holder, WaitForGraph graph) {
        if (policy == LockHeldPolicy.FAIL) {
            simulator.fail(FailureKind.LOCK_HELD_ACROSS_SUSPENSION, report, null, holder, graph);
        } else if (warnedLocks.add(lock)) {
            LOG.log(System.Logger.Level.WARNING, Simulation.seedText(seed) + " " + report);
        }
    }
}
