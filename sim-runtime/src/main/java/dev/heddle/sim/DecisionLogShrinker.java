package dev.heddle.sim;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Shrinks a failing run's {@link DecisionLog} to a smaller one that fails the same way
 * ({@link FailureSignature}), by delta debugging (Zeller's ddmin, its complement steps) over the
 * log's decisions: it removes a part of them, replays, and keeps the removal when the replay
 * still fails alike. A decision a shrunk log does not hold is the simplest one: the task that
 * ran last goes on (no context switch), tasks run in the order they became ready (none early), a
 * number is drawn as its smallest (no delay, so less virtual time), a probability draw says no
 * (no fault). So a shorter log is a simpler run: fewer context switches, tasks run early, faults
 * and less simulated time. After each replay that fails alike, the decisions it did not use are
 * dropped too.
 *
 * <p>It is bounded and deterministic: at most {@code maxReplays} runs, each a plain replay, and
 * the same log, code and bound shrink to the same log. The shrunk log is verified by one last
 * replay.
 *
 * <pre>{@code
 * catch (SimulationFailure f) {
 *     ShrinkResult r = DecisionLogShrinker.shrink(simulation, body, f.decisionLog().orElseThrow(), 200);
 *     System.out.println(r.summary());
 *     r.shrunk().write(Path.of("target/heddle/counter.shrunk.decisions"));
 * }
 * }</pre>
 */
public final class DecisionLogShrinker {
    /** The default bound on replays: a few seconds for runs of a few thousand steps. */
    public static final int DEFAULT_MAX_REPLAYS = 500;

    private final Simulation simulation;
    private final SimBody body;
    private final int maxReplays;
    private int replays;

    private DecisionLogShrinker(Simulation simulation, SimBody body, int maxReplays) {
        this.simulation = simulation;
        this.body = body;
        this.maxReplays = maxReplays;
    }

    /**
     * Shrinks {@code log}, replaying it with {@code simulation} (of the log's seed, with the settings
     * of the run it came from; {@link DecisionLog#simulation()} gives them) and {@code body}, in at
     * most {@code maxReplays} runs.
     *
     * @throws IllegalArgumentException when {@code maxReplays} is below 1 or the seeds differ
     */
    public static ShrinkResult shrink(Simulation simulation, SimBody body, DecisionLog log, int maxReplays) {
        Objects.requireNonNull(log, "log");
        if (maxReplays < 1) {
            throw new IllegalArgumentException("a shrink needs at least one replay, maxReplays was " + maxReplays);
        }
        if (simulation.configuration().seed() != log.seed()) {
            throw new IllegalArgumentException("the decision log is of seed " + Simulation.hex(log.seed())
                    + ", the simulation runs seed " + Simulation.hex(simulation.configuration().seed())
                    + "; shrink it with log.simulation()");
        }
        long start = System.nanoTime();
        return new DecisionLogShrinker(simulation, body, maxReplays).shrink(log, start);
    }

    private ShrinkResult shrink(DecisionLog log, long start) {
        boolean[] all = new boolean[log.size()];
        Arrays.fill(all, true);
        DecisionLog full = log.keeping(all, factsOf(log));
        Attempt first = attempt(full);
        if (first.failure == null) {
            return new ShrinkResult(log, log, Optional.empty(), Optional.empty(), replays, maxReplays,
                    System.nanoTime() - start);
        }
        FailureSignature signature = FailureSignature.of(first.failure);
        Attempt failing = first;
        DecisionLog current = first.compacted();
        int n = 2;
        while (current.size() > 0 && replays < maxReplays) {
            int size = current.size();
            int chunk = (size + n - 1) / n;
            boolean reduced = false;
            for (int from = 0; from < size && replays < maxReplays; from += chunk) {
                boolean[] keep = new boolean[size];
                Arrays.fill(keep, true);
                Arrays.fill(keep, from, Math.min(size, from + chunk), false);
                Attempt a = attempt(current.keeping(keep, DecisionLog.RunFacts.NONE));
                if (a.failsAs(signature)) {
                    failing = a;
                    current = a.compacted();
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= size) {
                    break;
                }
                n = Math.min(2 * n, size);
            }
        }
        if (current.size() < failing.log.size() && replays < maxReplays) {
            Attempt check = attempt(current);
            if (check.failsAs(signature)) {
                failing = check;
            }
        }
        DecisionLog shrunk = failing.log.keeping(all(failing.log.size()), failing.facts());
        return new ShrinkResult(log, shrunk, Optional.of(signature), Optional.of(failing.failure), replays,
                maxReplays, System.nanoTime() - start);
    }

    private static boolean[] all(int size) {
        boolean[] keep = new boolean[size];
        Arrays.fill(keep, true);
        return keep;
    }

    private static DecisionLog.RunFacts factsOf(DecisionLog log) {
        return new DecisionLog.RunFacts(log.steps(), log.contextSwitches(), log.virtualNanos(), log.faultsFired());
    }

    /** One replay of {@code log}: its failure, or null when it passed, and the entries it used. */
    private Attempt attempt(DecisionLog log) {
        replays++;
        DecisionReplay replay = new DecisionReplay(log);
        SimulationFailure failure = null;
        try {
            simulation.execute(body, new Trace(log.seed(), false), replay);
        } catch (SimulationFailure f) {
            failure = f;
        }
        return new Attempt(log, failure, replay.used());
    }

    private record Attempt(DecisionLog log, SimulationFailure failure, boolean[] used) {
        boolean failsAs(FailureSignature signature) {
            return failure != null && FailureSignature.of(failure).equals(signature);
        }

        /** The run's numbers, from the log its failure recorded. */
        DecisionLog.RunFacts facts() {
            return failure.decisionLog().map(DecisionLogShrinker::factsOf).orElse(DecisionLog.RunFacts.NONE);
        }

        /** The log without the decisions this replay did not use. */
        DecisionLog compacted() {
            return log.keeping(used, facts());
        }
    }
}
