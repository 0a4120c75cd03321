package dev.heddle.check;

import java.util.List;

/**
 * The check of one independent part of a history.
 *
 * @param label          which part, e.g. {@code key "x"}; empty when the model does not partition
 * @param operations     the operations checked, after the model prepared them
 * @param verdict        the verdict for this part
 * @param linearization  when linearizable and found by search, the order found (unknown
 *                       operations left out never took effect); otherwise empty
 * @param counterexample when the search found it not linearizable, why; otherwise {@code null}
 * @param reason         when a polynomial decider gave the verdict, its explanation; when the
 *                       part was not checked, why; otherwise empty
 */
public record PartitionResult(String label, List<Operation> operations, Verdict verdict,
                              List<Operation> linearization, Counterexample counterexample,
                              String reason) {

    public PartitionResult {
        operations = List.copyOf(operations);
        linearization = List.copyOf(linearization);
    }

    /** This part's verdict and, when not linearizable, why, in words. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(label.isEmpty() ? "history" : label).append(": ").append(verdict)
                .append(" (").append(operations.size()).append(" operations)\n");
        if (counterexample != null) text.append(counterexample.describe());
        if (!reason.isEmpty()) text.append(reason).append('\n');
        return text.toString();
    }
}
