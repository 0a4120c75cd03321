package dev.heddle.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.check.History;
import dev.heddle.check.LinearizabilityChecker;
import dev.heddle.check.Model;
import dev.heddle.check.Operation;
import dev.heddle.check.Verdict;
import dev.heddle.check.model.Models;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link PorcupineBaseline} gives the Heddle checker's verdict, on hand-made and on generated histories. */
class PorcupineBaselineTest {
    private static final long NO_DEADLINE = Long.MAX_VALUE / 2;

    private static Verdict porcupine(String model, List<Operation> ops) {
        return PorcupineBaseline.check(Models.byName(model), ops, System.nanoTime() + NO_DEADLINE);
    }

    private static Verdict heddle(String model, List<Operation> ops) {
        return LinearizabilityChecker.of(Models.byName(model)).check(new History(ops)).verdict();
    }

    @Test
    void aStaleReadAfterAWriteCompletedIsNotLinearizable() {
        List<Operation> ops = List.of(
                Operation.ok(0, "write", null, 1L, null, 0, 1),
                Operation.ok(1, "write", null, 2L, null, 2, 3),
                Operation.ok(0, "read", null, null, 1L, 4, 5));
        assertEquals(Verdict.NOT_LINEARIZABLE, porcupine("register", ops));
        assertEquals(Verdict.NOT_LINEARIZABLE, heddle("register", ops));
    }

    @Test
    void overlappingWritesMayBeReadInEitherOrder() {
        List<Operation> ops = List.of(
                Operation.ok(0, "write", null, 1L, null, 0, 10),
                Operation.ok(1, "write", null, 2L, null, 1, 9),
                Operation.ok(2, "read", null, null, 1L, 11, 12));
        assertEquals(Verdict.LINEARIZABLE, porcupine("register", ops));
    }

    @Test
    void anInfoWriteMayHaveTakenEffectLateOrNever() {
        List<Operation> tookEffectLate = List.of(
                Operation.unknown(0, "write", null, 7L, 0),
                Operation.ok(1, "read", null, null, null, 5, 6),
                Operation.ok(1, "read", null, null, 7L, 8, 9));
        assertEquals(Verdict.LINEARIZABLE, porcupine("register", tookEffectLate));
        List<Operation> never = List.of(
                Operation.unknown(0, "cas", null, List.of(3L, 4L), 0),
                Operation.ok(1, "read", null, null, null, 5, 6));
        assertEquals(Verdict.LINEARIZABLE, porcupine("cas-register", never));
        List<Operation> undone = List.of(
                Operation.unknown(0, "write", null, 7L, 0),
                Operation.ok(1, "read", null, null, 7L, 5, 6),
                Operation.ok(1, "read", null, null, null, 8, 9));
        assertEquals(Verdict.NOT_LINEARIZABLE, porcupine("register", undone));
        assertEquals(Verdict.NOT_LINEARIZABLE, heddle("register", undone));
    }

    @Test
    void agreesWithHeddleOnGeneratedHistories() {
        int bad = 0;
        for (String workload : List.of("register", "cas-register", "kv", "queue")) {
            for (int seed = 0; seed < 40; seed++) {
                SplittableRandom random = new SplittableRandom(seed);
                int clients = 1 + random.nextInt(5);
                int ops = 10 + random.nextInt(60);
                boolean legal = random.nextBoolean();
                LinBench.Values values = workload.equals("register") || workload.equals("kv")
                        ? (random.nextBoolean() ? LinBench.Values.UNIQUE : LinBench.Values.REPEATED)
                        : LinBench.Values.UNIQUE;
                History history;
                try {
                    history = LinBench.generate(workload, clients, ops, legal, values, random);
                } catch (IllegalStateException nothingToAlter) {
                    continue;
                }
                Model<?> model = Models.byName(workload);
                Verdict expected = LinearizabilityChecker.of(model).check(history).verdict();
                assertEquals(expected, PorcupineBaseline.check(model, history.operations(), System.nanoTime()
                        + NO_DEADLINE), workload + " seed " + seed + " clients " + clients + " ops " + ops);
                if (expected == Verdict.NOT_LINEARIZABLE) bad++;
            }
        }
        assertTrue(bad >= 20, "only " + bad + " non-linearizable histories were generated");
    }
}
