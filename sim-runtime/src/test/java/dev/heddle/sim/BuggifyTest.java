package dev.heddle.sim;

import static dev.heddle.sim.Buggify.buggify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Buggify with FoundationDB's semantics: on or off per run, each point active or not per run
 * (a quarter of them), an active point firing on a quarter of its calls; false outside a
 * simulation; the same seed firing the same calls.
 *
 * <p>Rates are measured over fixed seeds, so the counts are the same on every run of this
 * test; the bounds are five standard deviations of the binomial count either side of its
 * mean, wide enough for any seed range and narrow enough to fail on a wrong constant
 * (0.25 against, say, 0.2 or 0.5).
 */
class BuggifyTest {
    private static final int SEEDS = 200;
    private static final int POINTS = 8;
    private static final int CALLS = 40;

    @Test
    void outsideASimulationEveryCallIsFalse() {
        for (int i = 0; i < 1_000; i++) {
            assertFalse(buggify());
            assertFalse(buggify("slow disk"));
            assertFalse(buggify(1.0));
            assertFalse(buggify("slow disk", 1.0));
        }
    }

    @Test
    void aRunWithBuggifyOffNeverFiresAndCountsNoFault() {
        for (long seed = 0; seed < 50; seed++) {
            SimulationResult r = Simulation.ofSeed(seed).buggify(0).run(sim -> {
                for (int i = 0; i < 100; i++) {
                    assertFalse(buggify(1.0), "buggify(0) must keep every point off");
                    assertFalse(buggify("named", 1.0));
                }
            });
            assertEquals(List.of(), r.faults());
        }
    }

    /**
     * With buggify on in every run, {@code buggify(point, 1.0)} fires exactly when the point is
     * active, so the first call at each point tells its activation; the following calls at
     * the default probability measure how often an active point fires.
     */
    @Test
    void aQuarterOfThePointsAreActiveAndAnActivePointFiresOnAQuarterOfItsCalls() {
        long active = 0;
        long calls = 0;
        long fired = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            long[] counts = new long[3];
            SimulationResult r = Simulation.ofSeed(seed).buggify(1).run(sim -> {
                for (int p = 0; p < POINTS; p++) {
                    String point = "point " + p;
                    if (buggify(point, 1.0)) {
                        counts[0]++;
                        for (int c = 0; c < CALLS; c++) {
                            counts[1]++;
                            counts[2] += buggify(point) ? 1 : 0;
                        }
                    } else {
                        for (int c = 0; c < CALLS; c++) {
                            assertFalse(buggify(point), "an inactive point fired");
                        }
                    }
                }
            });
            assertEquals(List.of(new FaultRecord("buggify", true, counts[0] + counts[2])), r.faults());
            active += counts[0];
            calls += counts[1];
            fired += counts[2];
        }
        assertNear(SEEDS * POINTS, Buggify.P_POINT_ACTIVATED, active, "active points");
        assertNear(calls, Buggify.P_POINT_FIRES, fired, "firings of active points");
    }

    @Test
    void byDefaultBuggifyIsOnInFourRunsOfFive() {
        long on = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            SimulationResult r = Simulation.ofSeed(seed).run(sim -> buggify("reached"));
            on += r.faults().stream().filter(f -> f.name().equals("buggify") && f.configured()).count();
        }
        assertNear(SEEDS, Buggify.P_RUN_ENABLED, on, "runs with buggify on");
    }

    @Test
    void theSameSeedFiresTheSameCallsAndOtherSeedsOthers() {
        List<Boolean> first = firings(7);
        assertEquals(first, firings(7));
        assertTrue(first.contains(true), "seed 7 fires some call: " + first);
        assertNotEquals(first, firings(8));
        assertEquals(Simulation.ofSeed(7).buggify(1).checkDeterminism(BuggifyTest::callEveryPoint).traceHash(),
                Simulation.ofSeed(7).buggify(1).run(BuggifyTest::callEveryPoint).traceHash());
    }

    @Test
    void activationsAndFiringsAreInTheTrace() {
        long off = Simulation.ofSeed(7).buggify(0).run(BuggifyTest::callEveryPoint).traceHash();
        long on = Simulation.ofSeed(7).buggify(1).run(BuggifyTest::callEveryPoint).traceHash();
        assertNotEquals(off, on);
    }

    @Test
    void aPointIsItsCallersLineOrItsName() {
        int sameLineDiffers = 0;
        int linesDiffer = 0;
        int namesDiffer = 0;
        for (long seed = 0; seed < 100; seed++) {
            List<Boolean> lineA = new ArrayList<>();
            List<Boolean> lineB = new ArrayList<>();
            List<Boolean> named = new ArrayList<>();
            Simulation.ofSeed(seed).buggify(1).run(sim -> {
                for (int i = 0; i < 5; i++) {
                    lineA.add(buggify(1.0));
                    lineB.add(buggify(1.0));
                    named.add(buggify("shared", 1.0));
                    named.add(buggify("shared", 1.0));
                    named.add(viaHelper());
                }
            });
            sameLineDiffers += lineA.stream().distinct().count() > 1 ? 1 : 0;
            linesDiffer += lineA.getFirst().equals(lineB.getFirst()) ? 0 : 1;
            namesDiffer += named.stream().distinct().count() > 1 ? 1 : 0;
        }
        assertEquals(0, sameLineDiffers, "calls from one line are one point, active or not for the whole run");
        assertEquals(0, namesDiffer, "calls with one name are one point, whatever their line");
        assertTrue(linesDiffer > 10, "two lines are two points, decided apart: they differed in " + linesDiffer
                + " of 100 seeds");
    }

    @Test
    void explicitlySetBuggifyIsAConfiguredFaultEvenWhenNoPointIsReached() {
        SimulationResult set = Simulation.ofSeed(1).buggify(1).run(sim -> { });
        assertEquals(List.of(new FaultRecord("buggify", true, 0)), set.faults());
        assertTrue(set.faults().getFirst().inert());
        assertEquals(List.of(), Simulation.ofSeed(1).run(sim -> { }).faults(), "by default, only a reached point"
                + " turns buggify on, so code without points reports nothing");
    }

    @Test
    void inSwarmModeTheProfileTurnsBuggifyOnOrOff() {
        int on = 0;
        for (long seed = 0; seed < 40; seed++) {
            SimulationResult r = Simulation.ofSeed(seed).swarm(true).buggify(1).run(sim -> {
                boolean profileOn = SimContext.current().orElseThrow().swarm().orElseThrow().on("buggify");
                boolean fired = false;
                for (int i = 0; i < 20; i++) {
                    fired |= buggify(1.0);
                }
                assertTrue(profileOn || !fired, "buggify fired though the profile turned it off");
            });
            on += r.swarm().orElseThrow().on("buggify") ? 1 : 0;
        }
        assertTrue(on > 5 && on < 35, "the profile turned buggify on in " + on + " of 40 seeds");
        Simulation.ofSeed(3).swarm(true).buggify(0).run(sim -> {
            for (int i = 0; i < 100; i++) {
                assertFalse(buggify(1.0), "buggify(0) keeps it off in swarm mode too");
            }
        });
    }

    @Test
    void badArgumentsAreRefusedNamingTheValue() {
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> buggify(1.5));
        assertEquals("buggify's probability must be between 0 and 1, was 1.5", p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> buggify("x", Double.NaN));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> buggify(" "));
        assertTrue(name.getMessage().startsWith("buggify point name \" \" is blank"), name.getMessage());
        IllegalArgumentException run = assertThrows(IllegalArgumentException.class,
                () -> Simulation.ofSeed(1).buggify(-0.1));
        assertTrue(run.getMessage().contains("must be between 0 and 1, was -0.1"), run.getMessage());
    }

    private static boolean viaHelper() {
        return buggify("shared", 1.0);
    }

    private static void callEveryPoint(Sim sim) {
        for (int p = 0; p < POINTS; p++) {
            for (int c = 0; c < 10; c++) {
                buggify("point " + p);
            }
        }
    }

    private static List<Boolean> firings(long seed) {
        List<Boolean> fired = new ArrayList<>();
        Simulation.ofSeed(seed).buggify(1).run(sim -> {
            for (int p = 0; p < POINTS; p++) {
                for (int c = 0; c < 10; c++) {
                    fired.add(buggify("point " + p));
                }
            }
        });
        return fired;
    }

    /** {@code count} successes of {@code trials} is within five standard deviations of {@code p * trials}. */
    private static void assertNear(long trials, double p, long count, String what) {
        double mean = trials * p;
        double tolerance = 5 * Math.sqrt(trials * p * (1 - p));
        assertTrue(Math.abs(count - mean) <= tolerance, what + ": " + count + " of " + trials + ", expected "
                + mean + " +- " + tolerance);
    }
}
