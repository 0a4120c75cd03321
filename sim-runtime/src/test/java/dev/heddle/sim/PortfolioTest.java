package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** {@link Strategy#PORTFOLIO}: RANDOM and PCT at depths 1 to 3 in turn, the seed alone choosing. */
class PortfolioTest {

    private static String choice(Simulation s) {
        RunConfiguration c = s.configuration();
        return c.strategy() == Strategy.PCT ? "PCT" + c.pctDepth() : c.strategy().toString();
    }

    @Test
    void consecutiveSeedsRunRandomThenPctAtDepthsOneTwoAndThree() {
        List<String> choices = new ArrayList<>();
        for (long seed = -4; seed < 8; seed++) {
            choices.add(choice(Simulation.ofSeed(seed).strategy(Strategy.PORTFOLIO)));
        }
        assertEquals(List.of("RANDOM", "PCT1", "PCT2", "PCT3", "RANDOM", "PCT1", "PCT2", "PCT3",
                "RANDOM", "PCT1", "PCT2", "PCT3"), choices);
    }

    @Test
    void withLogicalWorkersEverySeedRunsRandom() {
        for (long seed = 0; seed < 8; seed++) {
            assertEquals("RANDOM", choice(Simulation.ofSeed(seed).strategy(Strategy.PORTFOLIO).workers(2)));
        }
        Simulation.ofSeed(3).strategy(Strategy.PORTFOLIO).workers(2).run(sim -> lostUpdate(sim, 1));
    }

    /**
     * The choice moves no stream of the seed: a portfolio run is, event for event, the run of the
     * strategy and depth it chose set by hand, and its RANDOM seeds run as a default simulation does.
     */
    @Test
    void aPortfolioRunIsTheRunOfItsChoiceSetByHand() {
        for (long seed = 0; seed < 24; seed++) {
            long portfolio = Simulation.ofSeed(seed).strategy(Strategy.PORTFOLIO).pctHorizon(12)
                    .run(PortfolioTest::recordOrder).traceHash();
            RunConfiguration c = Simulation.ofSeed(seed).strategy(Strategy.PORTFOLIO).configuration();
            long byHand = Simulation.ofSeed(seed).strategy(c.strategy()).pctDepth(c.pctDepth()).pctHorizon(12)
                    .run(PortfolioTest::recordOrder).traceHash();
            assertEquals(byHand, portfolio, "seed " + seed);
            if (c.strategy() == Strategy.RANDOM) {
                assertEquals(Simulation.ofSeed(seed).run(PortfolioTest::recordOrder).traceHash(), portfolio);
            }
        }
    }

    /**
     * A bug that needs a task starved for twenty steps (RANDOM: one run in a million) and a lost
     * update (PCT at depth 1 never preempts a task between its read and its write): RANDOM and
     * PCT depth 1 each miss one over 40 seeds; the portfolio finds both.
     */
    @Test
    void thePortfolioFindsBugsThatRandomAndPctAtDepthOneEachMiss() {
        assertEquals(0, failures(s -> Simulation.ofSeed(s), PortfolioTest::starvedReader));
        assertEquals(0, failures(s -> Simulation.ofSeed(s).strategy(Strategy.PCT).pctDepth(1),
                sim -> lostUpdate(sim, 2)));
        assertTrue(failures(s -> Simulation.ofSeed(s).strategy(Strategy.PORTFOLIO), PortfolioTest::starvedReader) > 0);
        assertTrue(failures(s -> Simulation.ofSeed(s).strategy(Strategy.PORTFOLIO).pctHorizon(12),
                sim -> lostUpdate(sim, 2)) > 0);
    }

    private static int failures(LongFunction<Simulation> simulation, SimBody body) {
        int failed = 0;
        for (long seed = 0; seed < 40; seed++) {
            try {
                simulation.apply(seed).run(body);
            } catch (SimulationFailure f) {
                failed++;
            }
        }
        return failed;
    }

    private static void recordOrder(Sim sim) {
        List<Integer> order = new ArrayList<>();
        List<JoinHandle<Void>> hs = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int id = t;
            hs.add(sim.spawn(() -> {
                for (int i = 0; i < 3; i++) {
                    order.add(id);
                    Heddle.yieldNow();
                }
            }));
        }
        hs.forEach(JoinHandle::join);
    }

    private static void lostUpdate(Sim sim, int tasks) {
        int[] x = {0};
        List<JoinHandle<Void>> hs = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            hs.add(sim.spawn(() -> {
                int v = x[0];
                Heddle.yieldNow();
                x[0] = v + 1;
            }));
        }
        hs.forEach(JoinHandle::join);
        assertEquals(tasks, x[0], "lost update");
    }

    private static void starvedReader(Sim sim) {
        int[] count = {0};
        int[] read = {-1};
        JoinHandle<Void> counter = sim.spawn(() -> {
            for (int i = 0; i < 20; i++) {
                count[0]++;
                Heddle.yieldNow();
            }
        });
        JoinHandle<Void> reader = sim.spawn(() -> {
            Heddle.yieldNow();
            read[0] = count[0];
        });
        counter.join();
        reader.join();
        assertTrue(read[0] < 20, "the reader was starved");
    }
}
