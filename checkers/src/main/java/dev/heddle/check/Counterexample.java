package dev.heddle.check;

import java.util.List;

/**
 * Why a partition is not linearizable: the longest prefix the search could linearize, the state
 * it leads to, and the operations that cannot be placed next.
 *
 * @param prefix       the longest linearizable prefix found, in linearization order
 * @param stateAfter   the model state after that prefix, described by the model
 * @param unplaceable  the operations that were candidates to come next, each with why it fails
 * @param blocking     the completed operation that returns first among those left: it must be
 *                     linearized before its return, and no order allows it
 */
public record Counterexample(List<Operation> prefix, String stateAfter,
                             List<Attempt> unplaceable, Operation blocking) {

    /**
     * One operation tried after the prefix.
     *
     * @param operation the operation
     * @param outcome   the state it would lead to, or {@code null} when its output is impossible
     */
    public record Attempt(Operation operation, String outcome) {
    }

    /** The counterexample in words. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("The longest linearizable prefix has ").append(prefix.size()).append(" operation")
                .append(prefix.size() == 1 ? "" : "s").append(", leaving the state ").append(stateAfter)
                .append(".\n");
        if (blocking != null) {
            text.append("Operation ").append(blocking).append(" must take effect before it returns at ")
                    .append(blocking.ret()).append(", but no order of the operations that may come first allows it.\n");
        }
        for (Attempt attempt : unplaceable) {
            text.append("  ").append(attempt.operation()).append(": ");
            if (attempt.outcome() == null) {
                text.append("impossible in state ").append(stateAfter);
            } else {
                text.append("would lead to ").append(attempt.outcome())
                        .append(", from which the remaining operations cannot all be placed");
            }
            text.append('\n');
        }
        return text.toString();
    }
}
