package dev.heddle.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The memoized search with its read-only shortcut gives the verdict of the literal definition on
 * thousands of small random histories, with altered outputs and unknown operations.
 */
class SearchAgainstBruteForceTest {

    @Test
    void registerHistories() {
        Random random = new Random(42);
        int illegal = 0;
        for (int i = 0; i < 2000; i++) {
            History history = RandomHistories.register(random, 1 + random.nextInt(4), 1 + random.nextInt(4));
            history = alterAndLose(random, history);
            illegal += compare(Models.register(), history, i);
        }
        assertTrue(illegal > 150, "too few illegal histories to mean anything: " + illegal);
    }

    @Test
    void casRegisterHistories() {
        Random random = new Random(7);
        int illegal = 0;
        for (int i = 0; i < 1500; i++) {
            List<Operation> ops = new ArrayList<>();
            Object value = null;
            for (RandomHistories.Slot s : RandomHistories.slots(random, 1 + random.nextInt(3), 1 + random.nextInt(4), 3, 6)) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        value = (long) random.nextInt(3);
                        ops.add(Operation.ok(s.client(), "write", null, value, null, s.call(), s.ret()));
                    }
                    case 1 -> ops.add(Operation.ok(s.client(), "read", null, null, value, s.call(), s.ret()));
                    default -> {
                        Long expected = (long) random.nextInt(3);
                        boolean swapped = expected.equals(value);
                        if (swapped) {
                            value = (long) random.nextInt(3);
                        }
                        ops.add(new Operation(s.client(), "cas", null, List.of(expected, random.nextInt(3)),
                                null, s.call(), s.ret(), swapped ? Status.OK : Status.FAILED));
                    }
                }
            }
            illegal += compare(Models.casRegister(), alterAndLose(random, new History(ops)), i);
        }
        assertTrue(illegal > 60, "too few illegal histories to mean anything: " + illegal);
    }

    @Test
    void keyValueHistoriesPartitionedAndWhole() {
        Random random = new Random(99);
        int illegal = 0;
        for (int i = 0; i < 1500; i++) {
            History history = alterAndLose(random, RandomHistories.keyValue(random, 1 + random.nextInt(3), 1 + random.nextInt(4), 2));
            illegal += compare(Models.keyValue(), history, i);
            Verdict whole = LinearizabilityChecker.of(Models.byName("kv-unpartitioned")).check(history).verdict();
            assertEquals(BruteForce.linearizable(Models.keyValue(), history) ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE,
                    whole, "unpartitioned kv, history " + i);
        }
        assertTrue(illegal > 60, "too few illegal histories to mean anything: " + illegal);
    }

    /**
     * Alters one read's output to a random plausible value, and makes from one in two to one in
     * eight operations unknown: with few values, many unknown operations are the same request.
     */
    private static History alterAndLose(Random random, History history) {
        int lossRate = 2 + random.nextInt(7);
        List<Operation> ops = new ArrayList<>(history.operations());
        List<Integer> reads = new ArrayList<>();
        List<Object> outputs = new ArrayList<>();
        outputs.add(null);
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op.f().equals("read") || op.f().equals("get")) {
                reads.add(i);
                outputs.add(op.output());
            }
        }
        if (!reads.isEmpty() && random.nextInt(10) < 7) {
            int index = reads.get(random.nextInt(reads.size()));
            ops.set(index, ops.get(index).withOutcome(outputs.get(random.nextInt(outputs.size())), Status.OK));
        }
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (random.nextInt(lossRate) == 0) {
                ops.set(i, Operation.unknown(op.client(), op.f(), op.key(), op.input(), op.call()));
            }
        }
        return new History(ops);
    }

    private static <S> Verdict restartingOften(Model<S> model, History history) {
        Verdict verdict = Verdict.LINEARIZABLE;
        List<Operation> prepared = new ArrayList<>();
        for (Operation op : history.operations()) {
            Operation checked = model.prepare(op);
            if (checked != null && !(checked.status() == Status.UNKNOWN && model.readOnly(checked))) {
                prepared.add(checked);
            }
        }
        for (List<Operation> part : model.partition(prepared)) {
            WingGongSearch.Outcome outcome = new WingGongSearch<>(model, part,
                    new SearchBudget(null, new SearchProgress()), true, Long.MAX_VALUE, 3).run();
            if (outcome.verdict() != Verdict.LINEARIZABLE) {
                verdict = outcome.verdict();
            }
        }
        return verdict;
    }

    private static int compare(Model<?> model, History history, int index) {
        boolean expected = BruteForce.linearizable(model, history);
        Verdict verdict = LinearizabilityChecker.of(model).withParallelism(1).check(history).verdict();
        assertEquals(expected ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE, verdict, () -> "history " + index + ":\n"
                + String.join("\n", history.operations().stream().map(Operation::toString).toList()));
        // The search alone, which the fast paths would otherwise often spare.
        Verdict searched = LinearizabilityChecker.of(model).withParallelism(1).withoutFastPaths().check(history).verdict();
        assertEquals(verdict, searched, () -> "the search alone, history " + index + ":\n"
                + String.join("\n", history.operations().stream().map(Operation::toString).toList()));
        // The search restarting every few steps, which it does only on long searches otherwise:
        // what it keeps in its cache across restarts must hold whatever the order of candidates.
        assertEquals(verdict, restartingOften(model, history), () -> "the search restarting, history " + index
                + ":\n" + String.join("\n", history.operations().stream().map(Operation::toString).toList()));
        return expected ? 0 : 1;
    }
}
