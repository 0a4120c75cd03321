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
 * @param decider        what decided this part: {@code search}, a polynomial decider's
 *                       {@linkplain dev.heddle.check.PolynomialDecider#name() name}, or
 *                       {@code none} when it was not checked
 */
public record PartitionResult(String label, List<Operation> operations, Verdict verdict,
                              List<Operation> linearization, Counterexample counterexample,
                              String reason, String decider) {

    public PartitionResult {
        operations = List.copyOf(operations);
        linearization = List.copyOf(linearization);
    }

    /** A part decided by the search, or not checked ({@code decider} {@code none}, when the verdict is unknown). */
    public PartitionResult(String label, List<Operation> operations, Verdict verdict,
                           List<Operation> linearization, Counterexample counterexample, String reason) {
        this(label, operations, verdict, linearization, counterexample, reason,
                verdict == Verdict.UNKNOWN && linearization.isEmpty() && reason.startsWith("not checked") ? "none" : "search");
    }

    /** This part's verdict and, when not linearizable, why, in words. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(label.isEmpty() ? "history" : label).append(": ").append(verdict)
                .append(" (").append(operations.size()).append(" operations)\n");
        if (counterexample != null) {
            text.append(counterexample.describe());
        }
        if (!reason.isEmpty()) {
            text.append(reason).append('\n');
        }
        return text.toString();
    }
}
