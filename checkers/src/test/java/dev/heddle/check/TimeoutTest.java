package dev.heddle.check;

import dev.heddle.check.model.Models;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Running out of time gives UNKNOWN; an illegal part found in time still wins. */
class TimeoutTest {

    /**
     * Thirty concurrent writes of two values, then writes of {@code x} and {@code y} and a read of
     * the stale {@code x}: every subset of the thirty must be refuted by the search before the
     * read, and no fast path sees it (values repeat, and {@code x} was written before the read).
     * Their intervals nest, so that no two writes of a value are twins the search may order.
     */
    static List<Operation> pathological(String key) {
        String write = key == null ? "write" : "put";
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ops.add(Operation.ok(i, write, key, "v" + i % 2, null, i, 100 - i));
        }
        ops.add(Operation.ok(99, write, key, "x", null, 101, 102));
        ops.add(Operation.ok(99, write, key, "y", null, 103, 104));
        ops.add(Operation.ok(99, key == null ? "read" : "get", key, null, "x", 105, 106));
        return ops;
    }

    @Test
    void zeroBudgetGivesUnknown() {
        CheckResult result = LinearizabilityChecker.of(Models.register()).withTimeout(Duration.ZERO)
                .check(History.of(Operation.ok(0, "write", null, 1L, null, 0, 1)));
        assertEquals(Verdict.UNKNOWN, result.verdict());
    }

    @Test
    void pathologicalHistoryRunsOutOfTime() {
        for (boolean fastPaths : new boolean[] {false, true}) {
            LinearizabilityChecker<Object> checker = LinearizabilityChecker.of(Models.register());
            if (!fastPaths) {
                checker = checker.withoutFastPaths();
            }
            CheckResult result = checker.withTimeout(Duration.ofMillis(200)).check(new History(pathological(null)));
            assertEquals(Verdict.UNKNOWN, result.verdict(), result.describe());
            assertEquals(true, result.partitions().getFirst().reason().contains("time budget exhausted"),
                    result.describe());
            // The search polls the budget every 1,024 steps (microseconds), the fast paths between
            // them, and a rehash of the cache every 65,536 slots, dropping the rehash when time is
            // up: the check ends a few milliseconds after its budget. The bound leaves room for a
            // loaded machine and a garbage collection.
            assertEquals(true, result.nanos() < 450_000_000L,
                    "fast paths " + fastPaths + ": a 200 ms budget took " + result.nanos() / 1_000_000 + " ms");
        }
    }

    @Test
    void anIllegalPartBeatsATimeout() {
        List<Operation> ops = new ArrayList<>(pathological("slow"));
        ops.add(Operation.ok(0, "put", "fast", "a", null, 0, 1));
        ops.add(Operation.ok(1, "get", "fast", null, "b", 2, 3));
        CheckResult result = LinearizabilityChecker.of(Models.keyValue()).withParallelism(2)
                .withTimeout(Duration.ofSeconds(1)).check(new History(ops));
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict(), result.describe());
    }
}
