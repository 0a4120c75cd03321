package dev.heddle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import dev.heddle.check.Verdict;
import dev.heddle.check.model.Models;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link JepsenHistories}: crashed clients, repeated values, and verdicts as generated. */
class JepsenHistoriesTest {

    @Test
    void legalHistoriesAreLinearizableAndCorruptedOnesAreNot() {
        for (String workload : List.of("cas-register", "kv")) {
            Model<?> model = Models.byName(workload);
            for (int seed = 0; seed < 10; seed++) {
                for (boolean legal : List.of(true, false)) {
                    History history = JepsenHistories.generate(workload, workload.equals("kv") ? 50 : 10, 60,
                            legal, new SplittableRandom(seed));
                    Verdict expected = legal ? Verdict.LINEARIZABLE : Verdict.NOT_LINEARIZABLE;
                    String row = workload + " seed " + seed + " legal " + legal;
                    assertEquals(expected, LinearizabilityChecker.of(model).withTimeout(Duration.ofSeconds(20))
                            .check(history).verdict(), row);
                    assertEquals(expected, PorcupineBaseline.check(model, history.operations(),
                            System.nanoTime() + 20_000_000_000L), row);
                }
            }
        }
    }

    @Test
    void crashedClientsComeBackAsNewProcessesAndTheirOperationsNeverReturn() {
        History history = JepsenHistories.generate("cas-register", 10, 1000, true, new SplittableRandom(1));
        List<Operation> info = history.operations().stream().filter(op -> op.status() == Status.UNKNOWN).toList();
        assertTrue(info.size() >= 10, "only " + info.size() + " :info operations in 1000");
        assertTrue(info.stream().allMatch(op -> op.ret() == Operation.NEVER_RETURNED));
        long processes = history.operations().stream().mapToInt(Operation::client).distinct().count();
        assertTrue(processes > 10, "crashed workers should come back as new processes, saw " + processes);
        assertTrue(history.operations().stream().anyMatch(op -> op.status() == Status.FAILED), "no :fail cas");
        assertTrue(history.operations().stream().filter(op -> op.f().equals("write"))
                .allMatch(op -> (Long) op.input() < JepsenHistories.VALUES));
    }

    @Test
    void anUnknownWorkloadIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JepsenHistories.generate("queue", 5, 10, true, new SplittableRandom(0)));
        assertEquals("no Jepsen-like generator for workload 'queue'; there are cas-register and kv", e.getMessage());
    }
}
