package dev.heddle.check.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import dev.heddle.check.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every built-in model on hand-made histories of both verdicts. */
class ModelsTest {

    private static Operation op(int client, String f, Object input, Object output, long call, long ret) {
        return Operation.ok(client, f, null, input, output, call, ret);
    }

    private static Verdict check(Model<?> model, Operation... ops) {
        Verdict fast = LinearizabilityChecker.of(model).check(History.of(ops)).verdict();
        Verdict searched = LinearizabilityChecker.of(model).withoutFastPaths().check(History.of(ops)).verdict();
        assertEquals(searched, fast, "fast path and search disagree");
        return fast;
    }

    @Test
    void casRegisterTreatsAFailedCasAsAnObservation() {
        Operation write = op(0, "write", 1L, null, 0, 1);
        Operation failedCas = new Operation(1, "cas", null, List.of(1L, 2L), null, 2, 3, Status.FAILED);
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.casRegister(), write, failedCas),
                "the compare cannot fail when the value is 1");
        Operation failedCas2 = new Operation(1, "cas", null, List.of(5L, 2L), null, 2, 3, Status.FAILED);
        assertEquals(Verdict.LINEARIZABLE, check(Models.casRegister(), write, failedCas2, op(2, "read", null, 1L, 4, 5)));
        assertEquals(Verdict.LINEARIZABLE, check(Models.casRegister(), write, op(1, "cas", List.of(1L, 2L), true, 2, 3),
                op(2, "read", null, 2L, 4, 5)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.casRegister(), op(1, "cas", List.of(1L, 2L), true, 2, 3)),
                "starts empty, so cas from 1 cannot succeed");
        assertEquals(Verdict.LINEARIZABLE, check(Models.casRegister(), op(1, "read", null, null, 0, 1)));
    }

    @Test
    void casRegisterRejectsAMalformedCas() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> check(Models.casRegister(), op(1, "cas", 3L, true, 0, 1)));
        assertTrue(e.getMessage().contains("[expected new]"), e.getMessage());
    }

    @Test
    void queueIsFifo() {
        assertEquals(Verdict.LINEARIZABLE, check(Models.queue(),
                op(0, "enqueue", 1L, null, 0, 1), op(0, "enqueue", 2L, null, 2, 3),
                op(1, "dequeue", null, 1L, 4, 5), op(1, "dequeue", null, 2L, 6, 7), op(1, "dequeue", null, null, 8, 9)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.queue(),
                op(0, "enqueue", 1L, null, 0, 1), op(0, "enqueue", 2L, null, 2, 3), op(1, "dequeue", null, 2L, 4, 5)));
        assertEquals(Verdict.LINEARIZABLE, check(Models.queue(),
                op(0, "enqueue", 1L, null, 0, 10), op(1, "enqueue", 2L, null, 0, 10), op(2, "dequeue", null, 2L, 11, 12)),
                "concurrent enqueues may take effect in either order");
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.queue(),
                op(0, "enqueue", 1L, null, 0, 1), op(1, "dequeue", null, null, 2, 3)), "not empty after an enqueue");
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.queue(),
                op(0, "enqueue", 1L, null, 0, 1), op(1, "dequeue", null, 1L, 2, 3), op(2, "dequeue", null, 1L, 2, 3)));
    }

    @Test
    void queueFastPathExplainsTheViolation() {
        List<Operation> ops = List.of(
                op(0, "enqueue", 1L, null, 0, 1), op(0, "enqueue", 2L, null, 2, 3), op(1, "dequeue", null, 2L, 3, 5));
        var decision = new dev.heddle.check.fast.UniqueValueQueueDecider().decide(ops).orElseThrow();
        assertFalse(decision.linearizable());
        assertTrue(decision.reason().contains("FIFO violation"), decision.reason());
        assertTrue(decision.reason().contains("is never dequeued"), decision.reason());
        // Through the checker, a history this small is refuted by the optimistic search first.
        var result = LinearizabilityChecker.of(Models.queue()).check(new History(ops));
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        assertEquals("greedy", result.deciders());
    }

    @Test
    void setChecksMembershipPerValue() {
        assertEquals(Verdict.LINEARIZABLE, check(Models.set(),
                op(0, "add", 1L, true, 0, 1), op(1, "contains", 1L, true, 2, 3), op(1, "add", 1L, false, 4, 5),
                op(0, "remove", 1L, true, 6, 7), op(1, "contains", 1L, false, 8, 9), op(1, "contains", 2L, false, 0, 9)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.set(),
                op(0, "add", 1L, true, 0, 1), op(0, "remove", 1L, true, 2, 3), op(1, "contains", 1L, true, 4, 5)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.set(), op(1, "contains", 3L, true, 0, 1)));
        assertEquals(Verdict.LINEARIZABLE, check(Models.set(),
                op(0, "add", 1L, true, 0, 10), op(1, "contains", 1L, false, 1, 2), op(2, "contains", 1L, true, 3, 4)));
        assertEquals(Verdict.LINEARIZABLE, check(Models.set(),
                op(0, "add", 1L, true, 0, 1), op(0, "add", 1L, false, 2, 3), op(0, "remove", 1L, true, 4, 5),
                op(0, "add", 1L, true, 6, 7), op(1, "contains", 1L, true, 8, 9)), "re-adding leaves the fast path");
    }

    @Test
    void counterAddsUp() {
        assertEquals(Verdict.LINEARIZABLE, check(Models.counter(),
                op(0, "add", 2L, null, 0, 10), op(1, "add", null, null, 0, 10), op(2, "read", null, 1L, 1, 2),
                op(2, "read", null, 3L, 11, 12)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.counter(),
                op(0, "add", 2L, null, 0, 1), op(2, "read", null, 1L, 2, 3)));
    }

    @Test
    void lockExcludes() {
        assertEquals(Verdict.LINEARIZABLE, check(Models.lock(),
                op(0, "acquire", null, null, 0, 1), op(1, "acquire", null, null, 0, 10), op(0, "release", null, null, 2, 3)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.lock(),
                op(0, "acquire", null, null, 0, 1), op(1, "acquire", null, null, 2, 3)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.lock(),
                op(0, "acquire", null, null, 0, 1), op(1, "release", null, null, 2, 3)), "only the holder releases");
        assertEquals(Verdict.LINEARIZABLE, check(Models.lock(),
                op(0, "acquire", null, null, 0, 1), op(1, "acquire", null, false, 2, 3)), "a try-lock sees it held");
    }

    @Test
    void keyValueConcatenatesAppendsPerKey() {
        Operation append = Operation.ok(0, "append", "x", "a", null, 0, 1);
        Operation append2 = Operation.ok(1, "append", "x", "b", null, 0, 1);
        Operation put = Operation.ok(0, "put", "y", "p", null, 2, 3);
        assertEquals(Verdict.LINEARIZABLE, check(Models.keyValue(), append, append2,
                Operation.ok(2, "get", "x", null, "ba", 2, 3), put, Operation.ok(2, "get", "y", null, "p", 4, 5),
                Operation.ok(2, "get", "z", null, null, 4, 5)));
        var result = LinearizabilityChecker.of(Models.keyValue()).check(History.of(append, append2,
                Operation.ok(2, "get", "x", null, "b", 2, 3), put));
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict());
        assertEquals(2, result.partitions().size());
        assertTrue(result.describe().contains("key \"x\": NOT_LINEARIZABLE"), result.describe());
    }

    @Test
    void keyValueCasSwapsOnlyTheExpectedValueOfItsKey() {
        Operation put = Operation.ok(0, "put", "x", "a", null, 0, 1);
        Operation swapped = Operation.ok(1, "cas", "x", List.of("a", "b"), true, 2, 3);
        assertEquals(Verdict.LINEARIZABLE, check(Models.keyValue(), put, swapped,
                Operation.ok(2, "get", "x", null, "b", 4, 5), Operation.ok(2, "cas", "y", List.of("a", "c"), false, 4, 5)));
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.keyValue(), put, swapped,
                Operation.ok(2, "get", "x", null, "a", 4, 5)), "a read after the swap sees the new value");
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.keyValue(), put,
                Operation.ok(1, "cas", "x", List.of("a", "b"), false, 2, 3)), "the compare cannot fail on the expected value");
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.keyValue(),
                Operation.ok(1, "cas", "y", List.of("a", "b"), true, 0, 1)), "y is still \"\"");
        assertEquals(Verdict.LINEARIZABLE, check(Models.keyValue(), put, Operation.unknown(1, "cas", "x", List.of("a", "b"), 2),
                Operation.ok(2, "get", "x", null, "b", 4, 5)), "an unknown cas may have swapped");
        assertEquals(Verdict.NOT_LINEARIZABLE, check(Models.keyValue(), put,
                new Operation(1, "cas", "x", List.of("z", "b"), null, 2, 3, Status.FAILED),
                Operation.ok(2, "get", "x", null, "b", 4, 5)), "a failed cas swapped nothing");
        assertThrows(IllegalArgumentException.class, () -> check(Models.keyValue(),
                Operation.ok(1, "cas", "x", "b", true, 0, 1)));
    }

    @Test
    void unknownOperationsInEveryModelMayNeverHappen() {
        assertEquals(Verdict.LINEARIZABLE, check(Models.queue(), Operation.unknown(0, "enqueue", null, 1L, 0),
                op(1, "dequeue", null, null, 5, 6)));
        assertEquals(Verdict.LINEARIZABLE, check(Models.queue(), Operation.unknown(0, "enqueue", null, 1L, 0),
                op(1, "dequeue", null, 1L, 5, 6)));
        assertEquals(Verdict.LINEARIZABLE, check(Models.counter(), Operation.unknown(0, "add", null, 5L, 0),
                op(1, "read", null, 0L, 5, 6), op(1, "read", null, 5L, 7, 8)));
        assertEquals(Verdict.LINEARIZABLE, check(Models.lock(), Operation.unknown(0, "acquire", null, null, 0),
                op(1, "acquire", null, null, 5, 6)));
        assertEquals(Verdict.LINEARIZABLE, check(Models.set(), Operation.unknown(0, "add", null, 1L, 0),
                op(1, "contains", 1L, false, 5, 6), op(1, "contains", 1L, true, 7, 8)));
    }

    @Test
    void unknownModelNameListsTheModels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.byName("regster"));
        assertTrue(e.getMessage().contains("'regster'") && e.getMessage().contains("cas-register"), e.getMessage());
        for (String name : Models.names()) {
            assertEquals(name, Models.byName(name).name());
        }
    }

    @Test
    void unknownOperationNamesTheModelsOperations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> check(Models.register(), op(0, "cas", null, null, 0, 1)));
        assertTrue(e.getMessage().contains("read, write"), e.getMessage());
    }
}
