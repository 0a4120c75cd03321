package dev.heddle.check;

import dev.heddle.check.model.Models;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register examples of MIT 6.824's linearizability lab (as in Porcupine's tests), and edge cases. */
class RegisterExamplesTest {

    private static Verdict check(Operation... ops) {
        return LinearizabilityChecker.of(Models.register()).check(History.of(ops)).verdict();
    }

    private static Operation write(int client, long value, long call, long ret) {
        return Operation.ok(client, "write", null, value, null, call, ret);
    }

    private static Operation read(int client, Long value, long call, long ret) {
        return Operation.ok(client, "read", null, null, value, call, ret);
    }

    @Test
    void readsConcurrentWithAWriteMaySeeOldThenNew() {
        assertEquals(Verdict.LINEARIZABLE, check(
                write(0, 100, 0, 100),
                read(1, 100L, 25, 75),
                read(2, null, 30, 60)));
    }

    @Test
    void aReadAfterSeeingTheNewValueCannotBeFollowedByTheOld() {
        assertEquals(Verdict.NOT_LINEARIZABLE, check(
                write(0, 200, 0, 100),
                read(1, 200L, 10, 30),
                read(2, null, 40, 90)));
    }

    @Test
    void sequentialHistoryFollowsTheModel() {
        assertEquals(Verdict.LINEARIZABLE, check(write(0, 1, 0, 1), read(0, 1L, 2, 3), write(0, 2, 4, 5), read(1, 2L, 6, 7)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(write(0, 1, 0, 1), write(0, 2, 2, 3), read(1, 1L, 4, 5)));
    }

    @Test
    void zeroDurationOperationsAtTheSamePositionAreConcurrent() {
        assertEquals(Verdict.LINEARIZABLE, check(read(1, 5L, 10, 10), write(0, 5, 10, 10)));
        assertEquals(Verdict.LINEARIZABLE, check(write(0, 5, 10, 10), read(1, null, 10, 10)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(write(0, 5, 10, 10), read(1, null, 11, 11)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(read(1, 5L, 9, 9), write(0, 5, 10, 10)));
    }

    @Test
    void unknownOperationsMayTakeEffectLateOrNever() {
        Operation lostWrite = Operation.unknown(0, "write", null, 7L, 0);
        assertEquals(Verdict.LINEARIZABLE, check(lostWrite, read(1, null, 5, 6), read(1, 7L, 100, 101)),
                "takes effect between the reads");
        assertEquals(Verdict.LINEARIZABLE, check(lostWrite, read(1, null, 5, 6), read(1, null, 100, 101)),
                "never takes effect");
        assertEquals(Verdict.NOT_LINEARIZABLE, check(lostWrite, read(1, 7L, 5, 6), read(1, null, 100, 101)),
                "once seen it cannot be undone");
        assertEquals(Verdict.NOT_LINEARIZABLE, check(read(1, 7L, 0, 1), Operation.unknown(0, "write", null, 7L, 5)),
                "cannot take effect before its call");
    }

    @Test
    void failedOperationsHadNoEffect() {
        Operation failedWrite = new Operation(0, "write", null, 7L, null, 0, 1, Status.FAILED);
        assertEquals(Verdict.NOT_LINEARIZABLE, check(failedWrite, read(1, 7L, 5, 6)));
        assertEquals(Verdict.LINEARIZABLE, check(failedWrite, read(1, null, 5, 6)));
    }

    @Test
    void theLinearizationFoundRespectsRealTimeAndTheModel() {
        CheckResult result = LinearizabilityChecker.of(Models.register()).check(History.of(
                write(0, 1, 0, 10), read(1, 1L, 5, 20), write(2, 2, 15, 30), read(0, 2L, 25, 40)));
        List<Operation> order = result.partitions().getFirst().linearization();
        assertEquals(4, order.size());
        for (int i = 0; i < order.size(); i++) {
            for (int j = i + 1; j < order.size(); j++) {
                assertFalse(order.get(j).ret() < order.get(i).call(), "real-time order broken in " + order);
            }
        }
        assertEquals("write", order.getFirst().f());
    }

    @Test
    void counterexampleNamesThePrefixTheBlockingOperationAndTheState() {
        CheckResult result = LinearizabilityChecker.of(Models.register()).check(History.of(
                write(0, 200, 0, 100), read(1, 200L, 10, 30), read(2, null, 40, 90)));
        Counterexample counterexample = result.partitions().getFirst().counterexample();
        assertNotNull(counterexample);
        assertEquals(2, counterexample.prefix().size());
        assertEquals("200", counterexample.stateAfter());
        assertEquals(null, counterexample.blocking().output());
        String words = result.describe();
        assertTrue(words.contains("client 2 read -> nil [40, 90]"), words);
        assertTrue(words.contains("impossible in state 200"), words);
    }

    @Test
    void sequentialHistoryIsReplayedAndTheRefusedOperationIsTheCounterexample() {
        CheckResult result = LinearizabilityChecker.of(Models.register()).check(History.of(
                write(0, 1, 0, 1), read(1, 1L, 2, 3), write(0, 2, 4, 5), read(1, 1L, 6, 7), write(0, 3, 8, 9)));
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        assertEquals("sequential", result.deciders());
        Counterexample counterexample = result.partitions().getFirst().counterexample();
        assertEquals(3, counterexample.prefix().size());
        assertEquals("2", counterexample.stateAfter());
        assertEquals(6, counterexample.blocking().call());
        CheckResult legal = LinearizabilityChecker.of(Models.register()).check(History.of(
                write(0, 1, 0, 1), read(1, 1L, 2, 3), write(0, 2, 4, 5), read(1, 2L, 6, 7)));
        assertEquals(Verdict.LINEARIZABLE, legal.verdict());
        assertEquals(4, legal.partitions().getFirst().linearization().size());
    }

    @Test
    void concurrentWritesAreOrderedByWhatIsReadAndAStaleReadIsRefuted() {
        CheckResult result = LinearizabilityChecker.of(Models.register()).check(History.of(
                write(0, 1, 0, 10), write(1, 2, 0, 10), read(2, 2L, 0, 10), read(3, 1L, 11, 12)));
        assertEquals(Verdict.LINEARIZABLE, result.verdict());
        List<Operation> order = result.partitions().getFirst().linearization();
        assertEquals(4, order.size());
        assertEquals(1L, order.get(order.size() - 2).input(), "1 must be written last: " + order);
        CheckResult stale = LinearizabilityChecker.of(Models.register()).check(History.of(
                write(0, 1, 0, 1), write(1, 2, 2, 3), read(2, 1L, 4, 5), read(3, 2L, 0, 9), write(4, 5, 0, 9),
                write(5, 6, 0, 9), write(6, 7, 0, 9), write(7, 8, 0, 9), write(8, 9, 0, 9), write(9, 10, 0, 9)));
        assertEquals(Verdict.NOT_LINEARIZABLE, stale.verdict(), stale.describe());
    }

    @Test
    void emptyHistoryIsLinearizable() {
        assertEquals(Verdict.LINEARIZABLE, check());
    }
}
