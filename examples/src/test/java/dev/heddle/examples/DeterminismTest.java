package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every example program, run twice for each of 1,000 seeds, gives identical trace hashes. */
class DeterminismTest {
    private static final int SEEDS = 1_000;

    @Test
    void everyExampleRunsTheSameTwiceForEachSeed() {
        for (Map.Entry<String, SimBody> program : ExamplePrograms.all().entrySet()) {
            for (long seed = 0; seed < SEEDS; seed++) {
                assertEquals(hashOf(program.getValue(), seed), hashOf(program.getValue(), seed),
                        program.getKey() + " seed " + Simulation.hex(seed));
            }
        }
    }

    @Test
    void theFullDeterminismCheckAgreesOnASample() {
        for (SimBody body : ExamplePrograms.all().values()) {
            for (long seed = 0; seed < 20; seed++) {
                try {
                    Simulation.ofSeed(seed).checkDeterminism(body);
                } catch (SimulationFailure f) {
                    // The planted bugs fail some seeds (a failed assertion, lock-order's deadlock), twice alike.
                    assertNotEquals(FailureKind.NONDETERMINISM, f.kind(), f.getMessage());
                }
            }
        }
    }

    /** The trace hash of a run, failed or not: a failing seed must fail the same way twice. */
    private static long hashOf(SimBody body, long seed) {
        try {
            return Simulation.ofSeed(seed).run(body).traceHash();
        } catch (SimulationFailure f) {
            return f.traceHash();
        }
    }
}
