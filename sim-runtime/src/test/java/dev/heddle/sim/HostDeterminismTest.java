package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runs with hosts replay from their seed: clocks, crashes, restarts, pauses and what the hosts do meanwhile. */
class HostDeterminismTest {

    /**
     * Three hosts that count their boots on disk and do random work on random clocks, while the
     * test crashes, restarts, pauses and resumes them at times and in an order drawn from the seed.
     */
    static final SimBody THREE_HOSTS = sim -> {
        long[] work = new long[1];
        for (int i = 0; i < 3; i++) {
            sim.host("node-" + i, self -> {
                byte[] boots = self.durable().get("boots");
                int n = boots == null ? 1 : boots[0] + 1;
                self.durable().put("boots", new byte[] {(byte) n});
                for (int w = 0; w < 2; w++) {
                    Heddle.spawn("worker-" + w, () -> {
                        while (true) {
                            Heddle.sleep(Duration.ofMillis(1 + Heddle.random().nextInt(20)));
                            work[0]++;
                            if (Heddle.random().nextInt(4) == 0) {
                                Heddle.yieldNow();
                            }
                        }
                    });
                }
                while (true) {
                    Heddle.sleep(Duration.ofMillis(10));
                    work[0] += 1_000;
                }
            });
        }
        int restarts = 0;
        for (int round = 0; round < 25; round++) {
            sim.sleep(Duration.ofMillis(1 + sim.random().nextInt(40)));
            Host h = sim.hosts().get(sim.random().nextInt(3));
            switch (h.state()) {
                case RUNNING -> {
                    if (sim.random().nextBoolean()) {
                        h.crash();
                    } else {
                        h.pause();
                    }
                }
                case PAUSED -> {
                    if (sim.random().nextBoolean()) {
                        h.resume();
                    } else {
                        h.crash();
                    }
                }
                case CRASHED -> {
                    h.restart();
                    restarts++;
                }
            }
        }
        sim.sleep(Duration.ofMillis(50));
        int boots = 0;
        for (Host h : sim.hosts()) {
            boots += h.durable().get("boots")[0];
            assertEquals(h.incarnation(), h.durable().get("boots")[0], "every body ran before the next action");
        }
        assertEquals(3 + restarts, boots, "each start and restart counted once on disk");
        assertTrue(work[0] > 0);
    };

    @Test
    void theDeterminismCheckPassesOverManySeeds() {
        for (long seed = 0; seed < 40; seed++) {
            Simulation.ofSeed(seed).checkDeterminism(THREE_HOSTS);
        }
        for (long seed = 0; seed < 10; seed++) {
            Simulation.ofSeed(seed).strategy(Strategy.PCT).checkDeterminism(THREE_HOSTS);
            Simulation.ofSeed(seed).workers(2).checkDeterminism(THREE_HOSTS);
        }
    }

    @Test
    void theSameSeedGivesTheSameTraceHashAndSeedsDiffer() {
        Set<Long> hashes = new HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            long hash = Simulation.ofSeed(seed).run(THREE_HOSTS).traceHash();
            assertEquals(hash, Simulation.ofSeed(seed).run(THREE_HOSTS).traceHash(), "seed " + seed);
            hashes.add(hash);
        }
        assertEquals(30, hashes.size());
    }

    /** Host events are in the trace: a clock that is not the seed's shows where two runs part. */
    @Test
    void aHostEventThatDiffersBetweenRunsIsNamed() {
        int[] runs = {0};
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).checkDeterminism(sim ->
                sim.host("h", new HostClock(Duration.ofMillis(runs[0]++), 0), self -> { })));
        assertEquals(FailureKind.NONDETERMINISM, f.kind());
        assertTrue(f.getMessage().contains("host clock offset 0 ns") && f.getMessage().contains("host clock offset"
                + " 1000000 ns"), f.getMessage());
    }

    @Test
    void crashesAndPausesAreEventsOfTheTrace() {
        int[] runs = {0};
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(2).checkDeterminism(sim -> {
            Host h = sim.host("h", self -> Heddle.sleep(Duration.ofHours(1)));
            sim.sleep(Duration.ofMillis(1));
            if (runs[0]++ == 0) {
                h.crash();
            } else {
                h.pause();
            }
        }));
        assertTrue(f.getMessage().contains("crash host h in incarnation 1")
                && f.getMessage().contains("pause host h in incarnation 1"), f.getMessage());
    }
}
