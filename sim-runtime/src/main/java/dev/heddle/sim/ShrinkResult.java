package dev.heddle.sim;

import java.util.Map;
import java.util.Optional;

/**
 * What {@link DecisionLogShrinker} made of a failing decision log: the log it started from, the
 * smallest one it found that fails with the same {@link FailureSignature}, and what that cost.
 *
 * @param original   the log shrunk, as recorded
 * @param shrunk     the smallest log found that fails alike (the original, as a shrunk log, when nothing could go)
 * @param signature  the failure both logs end in; empty when the original did not fail when replayed
 * @param failure    the failure of the shrunk log's last replay; empty when the original did not fail
 * @param replays    how many runs the shrink took
 * @param maxReplays the bound it had
 * @param nanos      the wall time it took
 */
public record ShrinkResult(DecisionLog original, DecisionLog shrunk, Optional<FailureSignature> signature,
                           Optional<SimulationFailure> failure, int replays, int maxReplays, long nanos) {

    /** Whether replaying the original log failed at all; nothing is shrunk when it did not. */
    public boolean reproduced() {
        return signature.isPresent();
    }

    /** Whether the shrink stopped at its bound of replays, before it was sure no decision could go. */
    public boolean stoppedAtBound() {
        return replays >= maxReplays;
    }

    /**
     * The before and after in a few lines: decisions (by stream), context switches, steps,
     * virtual time and faults, and the replays and time taken.
     */
    public String summary() {
        if (!reproduced()) {
            return "the decision log of seed " + Simulation.hex(original.seed()) + " did not fail when replayed, so"
                    + " there is nothing to shrink: the run it came from depends on more than its seed and decisions"
                    + " (real time, a foreign thread, state kept between runs)";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("shrunk the decision log of seed ").append(Simulation.hex(original.seed())).append(" in ")
                .append(replays).append(" replays (at most ").append(maxReplays).append(stoppedAtBound()
                        ? ", reached: a longer shrink may find less" : "").append(") and ")
                .append(String.format("%.2f s", nanos / 1e9)).append(", failing as before: ")
                .append(signature.orElseThrow()).append('\n');
        sb.append("  decisions ").append(original.size()).append(" -> ").append(shrunk.size());
        Map<String, Integer> before = original.decisionsByStream();
        Map<String, Integer> after = shrunk.decisionsByStream();
        StringBuilder removed = new StringBuilder();
        before.forEach((stream, n) -> {
            int left = after.getOrDefault(stream, 0);
            if (left < n) {
                removed.append(removed.isEmpty() ? "" : ", ").append(stream).append(' ').append(n).append(" -> ")
                        .append(left);
            }
        });
        if (!removed.isEmpty()) {
            sb.append(" (removed: ").append(removed).append(')');
        }
        sb.append('\n');
        sb.append("  context switches ").append(original.contextSwitches()).append(" -> ")
                .append(shrunk.contextSwitches())
                .append(", steps ").append(original.steps()).append(" -> ").append(shrunk.steps())
                .append(", virtual time ").append(original.virtualNanos() / 1_000_000).append(" -> ")
                .append(shrunk.virtualNanos() / 1_000_000).append(" ms")
                .append(", faults fired ").append(original.faultsFired()).append(" -> ").append(shrunk.faultsFired());
        return sb.toString();
    }
}
