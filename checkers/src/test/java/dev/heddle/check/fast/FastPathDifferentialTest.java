package dev.heddle.check.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.RandomHistories;
import dev.heddle.check.Verdict;
import dev.heddle.check.model.Models;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The polynomial deciders and the general search agree on thousands of small random histories. */
class FastPathDifferentialTest {
    private static final int HISTORIES = 3000;

    @Test
    void queueDeciderAgreesWithTheSearch() {
        Random random = new Random(0xC0FFEE);
        int[] verdicts = new int[2];
        for (int i = 0; i < HISTORIES; i++) {
            History history = RandomHistories.queue(random, 1 + random.nextInt(4), 1 + random.nextInt(5), false);
            history = mutate(random, history, "dequeue");
            Optional<PolynomialDecider.Decision> decision = new UniqueValueQueueDecider().decide(history.operations());
            if (decision.isEmpty()) {
                continue; // a repeated value after mutation is allowed to fall back
            }
            verdicts[decision.get().linearizable() ? 0 : 1]++;
            assertAgrees(history, decision.get(), Models.queue(), i);
        }
        assertTrue(verdicts[0] > HISTORIES / 10 && verdicts[1] > HISTORIES / 10,
                "both verdicts must be exercised, got " + verdicts[0] + " linearizable, " + verdicts[1] + " not");
    }

    @Test
    void setDeciderAgreesWithTheSearch() {
        Random random = new Random(0x5E7);
        int[] verdicts = new int[2];
        for (int i = 0; i < HISTORIES; i++) {
            History history = RandomHistories.uniqueSet(random, 1 + random.nextInt(4), 1 + random.nextInt(6), 3);
            if (random.nextBoolean() && history.size() > 0) {
                int index = random.nextInt(history.size());
                Operation op = history.operations().get(index);
                if (!Boolean.TRUE.equals(op.output()) || op.f().equals("contains")) {
                    history = RandomHistories.withOutput(history, index, !(Boolean) op.output());
                }
            }
            Optional<PolynomialDecider.Decision> decision = new UniqueValueSetDecider().decide(history.operations());
            if (decision.isEmpty()) {
                continue;
            }
            verdicts[decision.get().linearizable() ? 0 : 1]++;
            assertAgrees(history, decision.get(), Models.set(), i);
        }
        assertTrue(verdicts[0] > HISTORIES / 10 && verdicts[1] > HISTORIES / 20,
                "both verdicts must be exercised, got " + verdicts[0] + " linearizable, " + verdicts[1] + " not");
    }

    private static History mutate(Random random, History history, String f) {
        if (!random.nextBoolean()) {
            return history;
        }
        List<Operation> ops = history.operations();
        List<Integer> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).f().equals(f)) {
                candidates.add(i);
            }
        }
        if (candidates.size() < 2) {
            return history;
        }
        int a = candidates.get(random.nextInt(candidates.size()));
        int b = candidates.get(random.nextInt(candidates.size()));
        Object outputA = ops.get(a).output();
        history = RandomHistories.withOutput(history, a, ops.get(b).output());
        return RandomHistories.withOutput(history, b, outputA);
    }

    private static void assertAgrees(History history, PolynomialDecider.Decision decision,
                                     dev.heddle.check.Model<?> model, int index) {
        Verdict searched = LinearizabilityChecker.of(model).withoutFastPaths().withParallelism(1).check(history).verdict();
        Verdict fast = decision.linearizable() ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
        assertEquals(searched, fast, () -> "history " + index + " (" + decision.reason() + "):\n"
                + String.join("\n", history.operations().stream().map(Operation::toString).toList()));
    }
}
