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
     * Thirty concurrent writes and a read of a value never written: every order must be refuted
     * by the search (the unique-value fast paths see at once that "never" is never written).
     */
    static List<Operation> pathological(String key) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < 30; i++) ops.add(Operation.ok(i, key == null ? "write" : "put", key, "v" + i, null, 0, 100));
        ops.add(Operation.ok(99, key == null ? "read" : "get", key, null, "never", 0, 100));
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
        // The search's timeout: with unique values the zones fast path would decide this at once.
        CheckResult result = LinearizabilityChecker.of(Models.register()).withoutFastPaths()
                .withTimeout(Duration.ofMillis(200)).check(new History(pathological(null)));
        assertEquals(Verdict.UNKNOWN, result.verdict());
        assertEquals(true, result.partitions().getFirst().reason().contains("time budget exhausted"));
        // The budget is polled every 1,024 steps and the cache never rehashes past 2^22 slots, so
        // the check ends soon after its budget (generous bound: the machine may be loaded).
        assertEquals(true, result.nanos() < 2_000_000_000L, "took " + result.nanos() / 1_000_000 + " ms");
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
