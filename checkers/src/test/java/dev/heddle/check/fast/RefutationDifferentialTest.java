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
import dev.heddle.check.model.KeyValueModel;
import dev.heddle.check.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The refutations ({@link UnwrittenValueRefuter}, {@link UnreachableKvValueRefuter}) never
 * refute a history the search finds linearizable, on thousands of small random histories with
 * repeated values and crashed operations, half of them with one observation replaced by a value
 * written elsewhere (perhaps later), never written, or (KV) extended or cut; they refute most of
 * the illegal ones whose observation was invented; and the whole checker agrees with the search.
 */
class RefutationDifferentialTest {
    private static final int HISTORIES = 4000;

    @Test
    void registerRefutationIsSound() {
        Random random = new Random(0x4E6);
        run(Models.register(), () -> corrupt(random,
                RandomHistories.repeatedRegister(random, 1 + random.nextInt(5), 1 + random.nextInt(4), false)));
    }

    @Test
    void casRegisterRefutationIsSound() {
        Random random = new Random(0xCA5E);
        run(Models.casRegister(), () -> corrupt(random,
                RandomHistories.repeatedRegister(random, 1 + random.nextInt(5), 1 + random.nextInt(4), true)));
    }

    @Test
    void kvRefutationIsSound() {
        Random random = new Random(0x4B);
        run(Models.keyValue(), () -> corrupt(random,
                RandomHistories.repeatedKeyValue(random, 1 + random.nextInt(5), 1 + random.nextInt(4), 1 + random.nextInt(2))));
    }

    @Test
    void aReadOfAValueWrittenOnlyLaterIsRefutedNamingIt() {
        History history = History.of(
                Operation.ok(0, "write", null, 1L, null, 0, 15),
                Operation.ok(1, "read", null, null, 2L, 12, 20),
                Operation.ok(0, "write", null, 2L, null, 21, 30));
        CheckResult result = LinearizabilityChecker.of(Models.register()).check(history);
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        assertEquals("unwritten", result.deciders());
        String reason = result.partitions().getFirst().reason();
        assertTrue(reason.contains("client 1 read -> 2 [12, 20]") && reason.contains("called after it returns (the first at 21)"),
                reason);
    }

    @Test
    void aGetNoAppendsProduceIsRefutedNamingIt() {
        History history = History.of(
                Operation.ok(0, "put", "k", "p", null, 0, 10),
                Operation.unknown(1, "append", "k", "a", 5),
                Operation.ok(2, "get", "k", null, "pab", 12, 20));
        CheckResult result = LinearizabilityChecker.of(Models.keyValue()).check(history);
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        assertEquals("unwritten", result.deciders());
        assertTrue(result.partitions().getFirst().reason().contains("client 2 get \"k\" -> \"pab\" [12, 20]"),
                result.partitions().getFirst().reason());
        // "pa" and "paa" can be produced (an append may be counted twice: the check is an over-approximation).
        for (String producible : List.of("pa", "paa")) {
            History legalLooking = History.of(history.operations().get(0), history.operations().get(1),
                    Operation.ok(2, "get", "k", null, producible, 12, 20));
            assertTrue(new UnreachableKvValueRefuter(KeyValueModel::text).decide(legalLooking.operations()).isEmpty(), producible);
        }
    }

    private static void run(Model<?> model, Supplier<History> histories) {
        PolynomialDecider refutation = model.refutation().orElseThrow();
        int refuted = 0;
        int illegal = 0;
        for (int i = 0; i < HISTORIES; i++) {
            History history = histories.get();
            Verdict searched = LinearizabilityChecker.of(model).withoutFastPaths().withParallelism(1).check(history).verdict();
            boolean refutes = refutedPart(model, refutation, history);
            int index = i;
            if (refutes) {
                assertEquals(Verdict.NOT_LINEARIZABLE, searched, () -> model.name() + " history " + index
                        + " refuted, but the search linearizes it:\n" + show(history));
                refuted++;
            }
            if (searched == Verdict.NOT_LINEARIZABLE) {
                illegal++;
            }
            if (i % 4 == 0) {
                assertEquals(searched, LinearizabilityChecker.of(model).withParallelism(1).check(history).verdict(),
                        () -> model.name() + " checker " + index + ":\n" + show(history));
            }
        }
        int refutedCount = refuted;
        int illegalCount = illegal;
        assertTrue(refuted > HISTORIES / 10 && refuted < illegal, () -> model.name() + ": refuted " + refutedCount
                + " of " + illegalCount + " illegal histories; expected more than a tenth of all and not every illegal one");
    }

    /** Whether the refutation refutes some part of the history as the checker prepares and partitions it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean refutedPart(Model model, PolynomialDecider refutation, History history) {
        List<Operation> prepared = new ArrayList<>();
        for (Operation op : history.operations()) {
            Operation checked = model.prepare(op);
            if (checked == null || (checked.status() == Status.UNKNOWN && model.readOnly(checked))) {
                continue;
            }
            prepared.add(checked);
        }
        for (List<Operation> part : (List<List<Operation>>) model.partition(prepared)) {
            var decision = refutation.decide(part);
            if (decision.isPresent()) {
                assertTrue(!decision.get().linearizable(), "a refutation decided a part linearizable");
                return true;
            }
        }
        return false;
    }

    /**
     * Half of the time, one completed observation (read, get, or a successful cas's expected
     * value) replaced by a value written elsewhere in the history, one never written
     * ({@code 7}, {@code "z"}), or for a get its value extended by a suffix or cut short.
     */
    private static History corrupt(Random random, History history) {
        if (random.nextBoolean()) {
            return history;
        }
        List<Operation> ops = history.operations();
        List<Integer> observers = new ArrayList<>();
        List<Object> written = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op.f().equals("write") || op.f().equals("put") || op.f().equals("append")) {
                written.add(op.input());
            }
            if (op.status() != Status.OK) {
                continue;
            }
            if (op.f().equals("read") || op.f().equals("get") || (op.f().equals("cas") && Boolean.TRUE.equals(op.output()))) {
                observers.add(i);
            }
        }
        if (observers.isEmpty()) {
            return history;
        }
        int index = observers.get(random.nextInt(observers.size()));
        Operation op = ops.get(index);
        boolean invent = random.nextBoolean() || written.isEmpty();
        Object other = written.isEmpty() ? null : written.get(random.nextInt(written.size()));
        List<Operation> changed = new ArrayList<>(ops);
        switch (op.f()) {
            case "cas" -> {
                List<?> args = (List<?>) op.input();
                Object expected = invent ? (Object) 7L : other;
                changed.set(index, new Operation(op.client(), "cas", null, java.util.Arrays.asList(expected, args.get(1)),
                        true, op.call(), op.ret(), Status.OK));
            }
            case "get" -> {
                String value = op.output() == null ? "" : (String) op.output();
                Object output = switch (random.nextInt(3)) {
                    case 0 -> invent ? value + "z" : value + other;
                    case 1 -> value.isEmpty() ? "z" : value.substring(0, random.nextInt(value.length()));
                    default -> invent ? "z" : other;
                };
                changed.set(index, op.withOutcome(output, Status.OK));
            }
            default -> changed.set(index, op.withOutcome(invent ? (Object) 7L : other, Status.OK));
        }
        return new History(changed);
    }

    private static String show(History history) {
        return String.join("\n", history.operations().stream().map(Operation::toString).toList());
    }
}
