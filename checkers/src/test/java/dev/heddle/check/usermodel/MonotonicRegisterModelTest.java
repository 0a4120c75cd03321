package dev.heddle.check.usermodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.CheckResult;
import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.PartitionResult;
import dev.heddle.check.Status;
import dev.heddle.check.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A user's own model, written against the public API only (this package sees nothing
 * package-private): the monotonic register of the module README, verbatim.
 */
class MonotonicRegisterModelTest {

    private static final Model<Long> MONOTONIC = new Model<>() {
        public String name() { return "monotonic-register"; }
        public Long initial() { return 0L; }
        public Long step(Long state, Operation op) {        // null = this output is impossible here
            return switch (op.f()) {
                case "write" -> (Long) op.input() >= state ? (Long) op.input() : null;
                case "read" -> op.status() == Status.UNKNOWN || state.equals(op.output()) ? state : null;
                default -> throw new IllegalArgumentException("unknown operation " + op.f());
            };
        }
        public boolean readOnly(Operation op) { return op.f().equals("read"); }
    };

    private static CheckResult check(Operation... ops) {
        return LinearizabilityChecker.of(MONOTONIC).check(History.of(ops));
    }

    @Test
    void concurrentWritesMayTakeEffectInIncreasingOrder() {
        // write 5 and write 3 overlap, so 3 can go first; the reads then see 3, then 5.
        CheckResult result = check(
                Operation.ok(0, "write", null, 5L, null, 0, 10),
                Operation.ok(1, "write", null, 3L, null, 1, 10),
                Operation.ok(2, "read", null, null, 3L, 2, 4),
                Operation.ok(2, "read", null, null, 5L, 11, 12),
                Operation.unknown(3, "write", null, 9L, 13));
        assertEquals(Verdict.LINEARIZABLE, result.verdict(), result.describe());
        PartitionResult part = result.partitions().getFirst();
        assertEquals(3L, part.linearization().getFirst().input(), "write 3 must come first: " + part.linearization());
    }

    @Test
    void aWriteOfASmallerValueAfterALargerOneIsNotLinearizable() {
        // The same values, but write 3 is called after write 5 returned: a monotonic register
        // refuses it, though a plain register would accept the history.
        CheckResult result = check(
                Operation.ok(0, "write", null, 5L, null, 0, 10),
                Operation.ok(2, "read", null, null, 5L, 2, 12),
                Operation.ok(1, "write", null, 3L, null, 11, 20),
                Operation.ok(2, "read", null, null, 3L, 21, 22));
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict(), result.describe());
        String why = result.describe();
        assertTrue(why.contains("client 1 write 3"), why);
        assertTrue(why.contains("impossible in state 5"), why);
    }
}
