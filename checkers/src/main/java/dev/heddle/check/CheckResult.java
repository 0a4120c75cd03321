package dev.heddle.check;

import java.util.List;

/**
 * The outcome of a check: the overall verdict (an illegal part beats a timeout) and each part's.
 *
 * @param verdict    the verdict for the whole history
 * @param model      the name of the model checked against
 * @param partitions the parts, in the order the model produced them
 * @param nanos      how long the check took
 */
public record CheckResult(Verdict verdict, String model, List<PartitionResult> partitions, long nanos) {

    public CheckResult {
        partitions = List.copyOf(partitions);
    }

    public boolean linearizable() {
        return verdict == Verdict.LINEARIZABLE;
    }

    /** The deciders that decided the parts, distinct, e.g. {@code zones} or {@code kv-tokens+search}. */
    public String deciders() {
        return String.join("+", partitions.stream().map(PartitionResult::decider)
                .filter(d -> !d.equals("none")).distinct().sorted().toList());
    }

    /** The verdict and, for the parts that are not linearizable or not decided, why. */
    public String describe() {
        StringBuilder text = new StringBuilder(verdict.name()).append(" against model ").append(model)
                .append(", ").append(partitions.size()).append(partitions.size() == 1 ? " part\n" : " parts\n");
        for (PartitionResult part : partitions) {
            if (part.verdict() != Verdict.LINEARIZABLE) {
                text.append(part.describe());
            }
        }
        return text.toString();
    }
}
