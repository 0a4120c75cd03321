package dev.heddle.check.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.CheckResult;
import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.PolynomialDecider;
import dev.heddle.check.RandomHistories;
import dev.heddle.check.Status;
import dev.heddle.check.Verdict;
import dev.heddle.check.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The unique-value deciders ({@link UniqueValueRegisterDecider}, {@link UniqueTokenKvDecider})
 * agree with the general search on thousands of small random histories, generated legal and
 * then, half of the time, with one output altered; some operations crash (unknown status).
 */
class UniqueValueDeciderDifferentialTest {
    private static final int HISTORIES = 4000;

    @Test
    void registerDeciderAgreesWithTheSearch() {
        Random random = new Random(0xA70E5);
        run("register", Models.register(), i -> mutate(random,
                RandomHistories.uniqueRegister(random, 1 + random.nextInt(6), 1 + random.nextInt(4), false)), 0.9);
    }

    @Test
    void casRegisterDeciderAgreesWithTheSearch() {
        Random random = new Random(0xCA5);
        run("cas-register", Models.casRegister(), i -> mutate(random,
                RandomHistories.uniqueRegister(random, 1 + random.nextInt(6), 1 + random.nextInt(4), true)), 0.7);
    }

    @Test
    void kvDeciderAgreesWithTheSearch() {
        Random random = new Random(0x4B5);
        run("kv", Models.keyValue(), i -> mutate(random,
                RandomHistories.uniqueKeyValue(random, 1 + random.nextInt(6), 1 + random.nextInt(4), 1 + random.nextInt(2))), 0.9);
    }

    /**
     * The model's decider, called directly on each prepared part (the checker would try the
     * sequential replay and the optimistic search first), against the memoized search.
     */
    private void run(String name, Model<?> model, java.util.function.IntFunction<History> histories, double minFast) {
        int[] verdicts = new int[2];
        int fast = 0;
        PolynomialDecider decider = model.polynomialDecider().orElseThrow();
        for (int i = 0; i < HISTORIES; i++) {
            History history = histories.apply(i);
            Boolean decided = decide(model, decider, history);
            CheckResult searched = LinearizabilityChecker.of(model).withoutFastPaths().withParallelism(1).check(history);
            if (decided == null) {
                continue;
            }
            int index = i;
            assertEquals(searched.verdict(), decided ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE,
                    () -> name + " history " + index + ":\n"
                            + String.join("\n", history.operations().stream().map(Operation::toString).toList()));
            fast++;
            verdicts[decided ? 0 : 1]++;
        }
        int decidedCount = fast;
        assertTrue(decidedCount >= minFast * HISTORIES, () -> name + ": the decider decided only " + decidedCount + " of " + HISTORIES);
        assertTrue(verdicts[0] > HISTORIES / 10 && verdicts[1] > HISTORIES / 10,
                name + ": both verdicts must come from the decider, got " + verdicts[0] + " linearizable, "
                        + verdicts[1] + " not");
        // And the whole checker, with every fast path, agrees too.
        for (int i = 0; i < HISTORIES / 4; i++) {
            History history = histories.apply(i);
            assertEquals(LinearizabilityChecker.of(model).withoutFastPaths().withParallelism(1).check(history).verdict(),
                    LinearizabilityChecker.of(model).withParallelism(1).check(history).verdict(), name + " checker " + i);
        }
    }

    /** The decider's verdict on the history as the checker prepares and partitions it; null if it declines a part. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Boolean decide(Model model, PolynomialDecider decider, History history) {
        List<Operation> prepared = new ArrayList<>();
        for (Operation op : history.operations()) {
            Operation checked = model.prepare(op);
            if (checked == null || (checked.status() == Status.UNKNOWN && model.readOnly(checked))) {
                continue;
            }
            prepared.add(checked);
        }
        boolean linearizable = true;
        for (List<Operation> part : (List<List<Operation>>) model.partition(prepared)) {
            var decision = decider.decide(part);
            if (decision.isEmpty()) {
                return null;
            }
            linearizable &= decision.get().linearizable();
        }
        return linearizable;
    }

    /** Half of the time, one completed read-like output replaced by another value seen in the history. */
    private static History mutate(Random random, History history) {
        if (random.nextBoolean()) {
            return history;
        }
        List<Operation> ops = history.operations();
        List<Integer> observers = new ArrayList<>();
        List<Object> outputs = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op.status() != Status.OK) {
                continue;
            }
            switch (op.f()) {
                case "read", "get" -> {
                    observers.add(i);
                    outputs.add(op.output());
                }
                case "cas" -> observers.add(i);
                case "write", "put" -> outputs.add(op.input());
                default -> {
                }
            }
        }
        if (observers.isEmpty()) {
            return history;
        }
        int index = observers.get(random.nextInt(observers.size()));
        Operation op = ops.get(index);
        Object output;
        if (op.f().equals("cas")) {
            output = !(Boolean) op.output();
        } else if (op.f().equals("get") && op.output() instanceof String s && !s.isEmpty() && random.nextBoolean()) {
            // Drop the last token, or append one that exists elsewhere.
            output = random.nextBoolean() ? s.substring(0, s.lastIndexOf(';', s.length() - 2) + 1)
                    : s + outputs.get(random.nextInt(outputs.size()));
        } else {
            output = outputs.isEmpty() ? null : outputs.get(random.nextInt(outputs.size()));
        }
        return RandomHistories.withOutput(history, index, output);
    }
}
