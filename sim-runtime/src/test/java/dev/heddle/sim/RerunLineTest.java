package dev.heddle.sim;

import static dev.heddle.sim.Buggify.buggify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.internal.PctHorizon;
import dev.heddle.sync.Barrier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The Java rerun line a failed {@link Simulation} prints replays it: for failures under many
 * configurations (RANDOM, PCT at depths 1 to 3 with a set and an estimated horizon, the
 * portfolio, logical workers, swarm mode, buggify, each budget and the other settings), the
 * printed line, applied as written, gives a simulation with the failure's configuration whose
 * run fails the same way with the same trace hash. The seed alone would not: each case's
 * settings change its run.
 */
class RerunLineTest {
    private static final Object MONITOR = new Object();

    /** Two tasks read, yield and write a shared counter: a lost update. */
    private static void lostUpdate(Sim sim, int tasks, int increments) {
        int[] x = {0};
        List<JoinHandle<Void>> hs = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            hs.add(sim.spawn(() -> {
                for (int i = 0; i < increments; i++) {
                    int v = x[0];
                    Heddle.yieldNow();
                    x[0] = v + 1;
                }
            }));
        }
        joinAll(hs);
        assertEquals(tasks * increments, x[0], "lost update");
    }

    /**
     * The reader, after one yield, must not find the counter's ten increments all done: a bug
     * that needs the reader starved for ten steps, which RANDOM seldom does and PCT at any
     * depth does whenever the counter has the higher priority.
     */
    private static void starvedReader(Sim sim) {
        int[] count = {0};
        int[] read = {-1};
        JoinHandle<Void> counter = sim.spawn(() -> {
            for (int i = 0; i < 10; i++) {
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
        assertTrue(read[0] < 10, "the reader was starved");
    }

    /** Assumes a spawned task has run once its spawner yielded: broken by a steal on two workers. */
    private static void applyInSpawnOrder(Sim sim) {
        List<Integer> applied = new ArrayList<>();
        List<JoinHandle<Void>> hs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int update = i;
            hs.add(Heddle.spawn(() -> {
                applied.add(update);
            }));
            Heddle.yieldNow();
        }
        joinAll(hs);
        assertEquals(List.of(1, 2, 3, 4), applied, "applied out of order");
    }

    private static void joinAll(List<JoinHandle<Void>> hs) {
        for (JoinHandle<Void> h : hs) {
            h.join();
        }
    }

    /** A failure to replay: the simulation of each seed, and the body. */
    private record Case(String name, LongFunction<Simulation> simulation, SimBody body) {}

    /** Any failure. */
    private static final Predicate<SimulationFailure> ANY = f -> true;
    /** A failure of a PCT run (the portfolio's RANDOM runs find the lost update too). */
    private static final Predicate<SimulationFailure> OF_PCT = f -> f.configuration().strategy() == Strategy.PCT;

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("PCT depth 1", s -> Simulation.ofSeed(s).strategy(Strategy.PCT).pctDepth(1),
                RerunLineTest::starvedReader));
        cases.add(new Case("PCT depth 2", s -> Simulation.ofSeed(s).strategy(Strategy.PCT).pctDepth(2).pctHorizon(12),
                sim -> lostUpdate(sim, 2, 1)));
        cases.add(new Case("PCT depth 3", s -> Simulation.ofSeed(s).strategy(Strategy.PCT).pctDepth(3).pctHorizon(40),
                sim -> lostUpdate(sim, 3, 2)));
        cases.add(new Case("portfolio", s -> Simulation.ofSeed(s).strategy(Strategy.PORTFOLIO).pctHorizon(12),
                sim -> lostUpdate(sim, 2, 2)));
        cases.add(new Case("two workers", s -> Simulation.ofSeed(s).workers(2), RerunLineTest::applyInSpawnOrder));
        cases.add(new Case("swarm", s -> Simulation.ofSeed(s).swarm(true), sim -> {
            Heddle.yieldNow();
            assertFalse(buggify("swarmed"), "buggified");
        }));
        cases.add(new Case("buggify", s -> Simulation.ofSeed(s).buggify(1), sim -> {
            for (int i = 0; i < 3; i++) {
                sim.spawn(Heddle::yieldNow).join();
                assertFalse(buggify("point " + i), "buggified");
            }
        }));
        cases.add(new Case("step budget", s -> Simulation.ofSeed(s).maxSteps(300), sim -> {
            for (int i = 0; i < 1_000; i++) {
                Heddle.yieldNow();
            }
        }));
        cases.add(new Case("time budget", s -> Simulation.ofSeed(s).maxTime(Duration.ofMinutes(30)),
                sim -> sim.sleep(Duration.ofHours(1))));
        cases.add(new Case("one blocking thread", s -> Simulation.ofSeed(s).maxBlockingThreads(1), sim -> {
            Barrier both = new Barrier(2);
            JoinHandle<Void> a = Heddle.spawnBlocking(() -> {
                both.await();
                return null;
            });
            JoinHandle<Void> b = Heddle.spawnBlocking(() -> {
                both.await();
                return null;
            });
            a.join();
            b.join();
        }));
        cases.add(new Case("lock held ignored",
                s -> Simulation.ofSeed(s).onLockHeldAcrossSuspension(LockHeldPolicy.IGNORE), sim -> {
                    synchronized (MONITOR) {
                        sim.sleep(Duration.ofMillis(1));
                    }
                    throw new AssertionError("after the monitor");
                }));
        cases.add(new Case("epoch", s -> Simulation.ofSeed(s).epoch(Instant.parse("2031-02-03T04:05:06Z")),
                sim -> assertTrue(sim.clock().instant().isBefore(Instant.parse("2030-01-01T00:00:00Z")),
                        "the future")));
        cases.add(new Case("clock skew", s -> Simulation.ofSeed(s).clockSkew(Duration.ofSeconds(10), 0), sim -> {
            Host h = sim.host("h", self -> { });
            assertTrue(h.clock().offset().abs().compareTo(Duration.ofSeconds(1)) < 0, "skewed: " + h.clock());
        }));
        cases.add(new Case("leaked tasks", s -> Simulation.ofSeed(s).failOnLeakedTasks(true),
                sim -> sim.spawn("forever", () -> new CancellationToken().awaitCancellation())));
        cases.add(new Case("everything at once", s -> Simulation.ofSeed(s).strategy(Strategy.PCT).pctDepth(2)
                .pctHorizon(30).maxSteps(5_000).maxTime(Duration.ofSeconds(90)).maxBlockingThreads(4)
                .onLockHeldAcrossSuspension(LockHeldPolicy.WARN).epoch(Instant.parse("2027-01-01T00:00:00Z"))
                .clockSkew(Duration.ofMillis(5), 3).swarm(true).buggify(0.5), sim -> {
                    buggify("anywhere");
                    lostUpdate(sim, 2, 2);
                }));
        return cases;
    }

    @Test
    void everyPrintedJavaLineReplaysItsFailure() {
        for (Case c : cases()) {
            SimulationFailure f = firstFailure(c.name(), c.simulation(), c.body(), null,
                    c.name().equals("portfolio") ? OF_PCT : ANY);
            assertReplays(c.name(), f, c.body());
        }
    }

    /**
     * A sweep whose PCT horizon is estimated from its runs' steps ({@link PctHorizon}): the
     * failing seed's line carries the horizon it ran with, which a run of the seed alone would
     * not estimate (the first run's estimate differs).
     */
    @Test
    void aLineOfASweepWithAnEstimatedHorizonCarriesTheHorizonItUsed() {
        for (int depth = 1; depth <= 3; depth++) {
            int d = depth;
            PctHorizon horizon = PctHorizon.estimated();
            SimBody body = d == 1 ? RerunLineTest::starvedReader : sim -> lostUpdate(sim, 2, 3);
            SimulationFailure f = firstFailure("estimated horizon, depth " + d,
                    s -> Simulation.ofSeed(s).strategy(Strategy.PCT).pctDepth(d).pctHorizon(horizon.forNextRun()),
                    body, horizon, e -> e.configuration().pctHorizon() != PctHorizon.FIRST_ESTIMATE);
            assertTrue(JavaRerunLine.of(f).contains(".pctHorizon(" + f.configuration().pctHorizon() + ")"),
                    JavaRerunLine.of(f));
            assertReplays("estimated horizon, depth " + d, f, body);
        }
    }

    @Test
    void aPortfolioLineNamesTheStrategyTheSeedRan() {
        SimulationFailure f = firstFailure("portfolio",
                s -> Simulation.ofSeed(s).strategy(Strategy.PORTFOLIO).pctHorizon(12),
                sim -> lostUpdate(sim, 2, 2), null, OF_PCT);
        String line = JavaRerunLine.of(f);
        assertFalse(line.contains("PORTFOLIO"), line);
        assertEquals(Strategy.PCT, f.configuration().strategy(), line);
        assertTrue(line.contains(".strategy(Strategy.PCT).pctDepth(" + f.configuration().pctDepth() + ")"), line);
    }

    /**
     * The first failure of {@code simulation} running {@code body} over seeds 0, 1, ... that is
     * {@code wanted}. With a {@code horizon}, each passing run's steps are told to it.
     */
    private static SimulationFailure firstFailure(String name, LongFunction<Simulation> simulation, SimBody body,
                                                  PctHorizon horizon, Predicate<SimulationFailure> wanted) {
        for (long seed = 0; seed < 400; seed++) {
            Simulation s = simulation.apply(seed);
            try {
                SimulationResult r = s.run(body);
                if (horizon != null) {
                    horizon.ran(s.configuration(), r.steps());
                }
            } catch (SimulationFailure f) {
                if (wanted.test(f)) {
                    return f;
                }
            }
        }
        throw new AssertionError(name + ": no seed of 400 failed");
    }

    private static void assertReplays(String name, SimulationFailure f, SimBody body) {
        String line = JavaRerunLine.of(f);
        Simulation again = JavaRerunLine.parse(line);
        assertEquals(f.configuration(), again.configuration(), name + ": " + line);
        SimulationFailure rerun = assertThrows(SimulationFailure.class, () -> again.run(body), name + ": " + line);
        assertEquals(f.kind(), rerun.kind(), name + ": " + line);
        assertEquals(f.traceHash(), rerun.traceHash(), name + ": " + line);
        assertEquals(f.getMessage(), rerun.getMessage(), name + ": " + line);
        String outcome;
        try {
            outcome = "passed with hash " + Simulation.ofSeed(f.seed()).run(body).traceHash();
        } catch (SimulationFailure bare) {
            outcome = bare.kind() + " with hash " + bare.traceHash();
        }
        assertNotEquals(f.kind() + " with hash " + f.traceHash(), outcome,
                name + ": the seed alone repeats the run, so the case tests no setting: " + line);
    }
}
