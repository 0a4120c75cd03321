package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.sim.SimBody;
import dev.heddle.sim.SimulationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Simulations run side by side in one JVM, as JUnit's parallel execution runs a suite's tests, each
 * run as it runs alone: the same trace hash and the same outcome, for the example programs and
 * the replicated store (hosts, the simulated network, durable stores, chaos). A simulation shares
 * nothing with another but the JVM.
 */
class SimulationsSideBySideTest {
    private static final int SEEDS = 4;

    @Test
    void eachRunOnThreeThreadsAtOnceIsTheRunItIsAlone() throws Exception {
        Map<String, SimBody> programs = new LinkedHashMap<>(ExamplePrograms.all());
        programs.put(StorePrograms.CORRECT, StorePrograms.body(StorePrograms.CORRECT));
        programs.put("raft+double-apply", StorePrograms.body("raft+double-apply"));
        List<String> runs = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        for (Map.Entry<String, SimBody> p : programs.entrySet()) {
            for (long seed = 0; seed < SEEDS; seed++) {
                runs.add(p.getKey() + " seed " + seed);
                alone.add(outcome(p.getKey(), p.getValue(), seed));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> sideBySide = new ArrayList<>();
            for (Map.Entry<String, SimBody> p : programs.entrySet()) {
                for (long seed = 0; seed < SEEDS; seed++) {
                    long s = seed;
                    sideBySide.add(pool.submit(() -> outcome(p.getKey(), p.getValue(), s)));
                }
            }
            for (int i = 0; i < runs.size(); i++) {
                assertEquals(alone.get(i), sideBySide.get(i).get(), runs.get(i) + " ran otherwise beside others");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** How the run of {@code seed} ended: passed or the failure's kind, and its trace hash. */
    private static String outcome(String name, SimBody body, long seed) {
        try {
            return "passed " + Long.toHexString(ProgramSweep.simulation(name, seed).run(body).traceHash());
        } catch (SimulationFailure f) {
            return f.kind() + " " + Long.toHexString(f.traceHash());
        }
    }
}
