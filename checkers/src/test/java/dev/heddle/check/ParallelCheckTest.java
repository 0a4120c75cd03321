package dev.heddle.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.model.Models;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * P-compositional checking on several threads: parts that no fast path decides, 4,096 operations
 * or more between them, checked in parallel, and the first illegal part stopping the others.
 */
class ParallelCheckTest {
    private static final String WORKER = "heddle-lin-check";

    /**
     * {@code blocks} rounds on {@code key}: four concurrent appends of {@code a b c d}, called in
     * that order, then a get that saw them in the reverse order. The values repeat, so the
     * unique-token decider does not apply, and the greedy search, trying appends in call order,
     * needs most of the 24 orders per round, so it gives up: only the memoized search decides.
     * With {@code lie}, the last get sees {@code dcbb}, which no order of the appends gives.
     */
    static List<Operation> rounds(String key, int blocks, boolean lie) {
        List<Operation> ops = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (int b = 0; b < blocks; b++) {
            long t = 20L * b;
            for (int i = 0; i < 4; i++) {
                ops.add(Operation.ok(i, "append", key, String.valueOf("abcd".charAt(i)), null, t + i, t + 10));
            }
            value.append("dcba");
            String seen = lie && b == blocks - 1 ? value.substring(0, value.length() - 4) + "dcbb" : value.toString();
            ops.add(Operation.ok(4, "get", key, null, seen, t + 11, t + 12));
        }
        return ops;
    }

    /**
     * Thirty concurrent puts of two values, then a put of {@code x}, a put of {@code y} and a get
     * of the stale {@code x}: the search must refute every subset of the thirty puts (2^30)
     * before it reaches the get, so it does not end in any reasonable time; with the values
     * repeated no decider applies, and {@code x} was written before the get, so no refutation
     * sees at once that the get is impossible. The puts' intervals nest, so that no two puts of
     * a value are twins the search may order.
     */
    static List<Operation> slow(String key) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ops.add(Operation.ok(i, "put", key, "v" + i % 2, null, i, 100 - i));
        }
        ops.add(Operation.ok(99, "put", key, "x", null, 101, 102));
        ops.add(Operation.ok(99, "put", key, "y", null, 103, 104));
        ops.add(Operation.ok(99, "get", key, null, "x", 105, 106));
        return ops;
    }

    @Test
    void partsTheFastPathsLeaveAreSearchedInParallel() {
        List<Operation> ops = new ArrayList<>();
        for (String key : List.of("k1", "k2", "k3", "k4")) {
            ops.addAll(rounds(key, 220, false)); // 4 x 1,100 ops
        }
        ThreadRecordingModel<Map<Object, String>> model = new ThreadRecordingModel<>(Models.keyValue());
        CheckResult result = LinearizabilityChecker.of(model).withParallelism(2).check(new History(ops));

        assertEquals(Verdict.LINEARIZABLE, result.verdict(), result.describe());
        assertEquals(4, result.partitions().size());
        for (PartitionResult part : result.partitions()) {
            assertEquals("search", part.decider(), part.label() + " must need the general search");
            assertEquals(Verdict.LINEARIZABLE, part.verdict(), part.describe());
        }
        assertTrue(model.threads.stream().anyMatch(name -> name.startsWith(WORKER)),
                "the parts were searched on the checker's worker threads, not only on " + model.threads);
    }

    @Test
    void theFirstIllegalPartStopsASearchThatWouldNotEnd() {
        List<Operation> ops = new ArrayList<>(slow("slow"));
        ops.addAll(rounds("bad", 200, true));
        ops.addAll(rounds("big1", 420, false));
        ops.addAll(rounds("big2", 420, false));
        CheckResult result = LinearizabilityChecker.of(Models.keyValue()).withParallelism(2)
                .withTimeout(Duration.ofMinutes(2)).check(new History(ops));

        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict(), result.describe());
        PartitionResult bad = part(result, "bad");
        assertEquals(Verdict.NOT_LINEARIZABLE, bad.verdict(), bad.describe());
        assertEquals("search", bad.decider());
        assertTrue(bad.counterexample().describe().contains("dcbb"), bad.describe());
        PartitionResult slow = part(result, "slow");
        assertEquals(Verdict.UNKNOWN, slow.verdict(), slow.describe());
        assertTrue(slow.reason().contains("another part is not linearizable"),
                "the slow part must be stopped by the illegal one, not by the timeout: " + slow.reason());
    }

    private static PartitionResult part(CheckResult result, String key) {
        return result.partitions().stream().filter(p -> p.label().contains("\"" + key + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no part for key " + key + " in " + result.describe()));
    }

    /** The KV model, noting which threads step it. */
    private static final class ThreadRecordingModel<S> implements Model<S> {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        private final Model<S> model;

        ThreadRecordingModel(Model<S> model) {
            this.model = model;
        }

        @Override
        public String name() {
            return model.name();
        }

        @Override
        public S initial() {
            return model.initial();
        }

        @Override
        public S step(S state, Operation op) {
            threads.add(Thread.currentThread().getName());
            return model.step(state, op);
        }

        @Override
        public boolean equal(S a, S b) {
            return model.equal(a, b);
        }

        @Override
        public int hash(S state) {
            return model.hash(state);
        }

        @Override
        public boolean readOnly(Operation op) {
            return model.readOnly(op);
        }

        @Override
        public Operation prepare(Operation op) {
            return model.prepare(op);
        }

        @Override
        public List<List<Operation>> partition(List<Operation> operations) {
            return model.partition(operations);
        }

        @Override
        public String partitionLabel(List<Operation> part) {
            return model.partitionLabel(part);
        }

        @Override
        public Optional<PolynomialDecider> polynomialDecider() {
            return model.polynomialDecider();
        }

        @Override
        public String describeState(S state) {
            return model.describeState(state);
        }

        @Override
        public String describeOperation(Operation op) {
            return model.describeOperation(op);
        }
    }
}
