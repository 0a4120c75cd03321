package dev.heddle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.HostClock;
import dev.heddle.sim.LockHeldPolicy;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Strategy;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SimTest} attributes that shape each run, and the {@code heddle.strategy} property,
 * each shown to change what the runs do.
 */
class SimTestSettingsTest {
    static final Set<List<Integer>> ORDERS = new HashSet<>();
    static final AtomicInteger RUNS = new AtomicInteger();
    static final Object MONITOR = new Object();

    /** Sample tests run through the JUnit engine by the tests below, never on their own. */
    static class Samples {
        /** Spawns four tasks and records the order in which they ran. */
        static void recordOrder(Sim sim) {
            List<Integer> order = new ArrayList<>();
            List<JoinHandle<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int id = i;
                tasks.add(sim.spawn(() -> {
                    order.add(id);
                }));
            }
            for (JoinHandle<Void> t : tasks) {
                t.join();
            }
            ORDERS.add(order);
        }

        @SimTest(seeds = 20)
        void randomOrder(Sim sim) {
            recordOrder(sim);
        }

        @FifoTest
        void fifoThroughAComposedAnnotation(Sim sim) {
            recordOrder(sim);
        }

        @SimTest(seeds = 20, strategy = Strategy.FIFO)
        void fifoOrder(Sim sim) {
            recordOrder(sim);
        }

        @SimTest(seeds = 20, strategy = Strategy.PCT, pctDepth = 2)
        void pctOrder(Sim sim) {
            recordOrder(sim);
        }

        @SimTest(seeds = 1, strategy = Strategy.PCT, pctDepth = 0)
        void pctWithoutDepth(Sim sim) {
        }

        @SimTest(seeds = 1, strategy = Strategy.PCT, pctHorizon = 0)
        void pctWithoutHorizon(Sim sim) {
        }

        @SimTest(seeds = 3, checkDeterminism = true)
        void deterministic(Sim sim) {
            RUNS.incrementAndGet();
            sim.spawn(Heddle::yieldNow).join();
        }

        /** Every second run takes one more step: a decision made by state outside the seed. */
        @SimTest(seeds = 3, checkDeterminism = true)
        void decidedOutsideTheSeed(Sim sim) {
            if (RUNS.incrementAndGet() % 2 == 0) {
                sim.spawn(Heddle::yieldNow).join();
            }
        }

        @SimTest(seeds = 3)
        void decidedOutsideTheSeedUnchecked(Sim sim) {
            decidedOutsideTheSeed(sim);
        }

        /**
         * Assumes a spawned task has run once its spawner yielded: true on one worker, broken
         * when a second worker steals the spawner (the planted bug of LogicalWorkersTest).
         */
        static void applyInSpawnOrder() {
            List<Integer> applied = new ArrayList<>();
            List<JoinHandle<Void>> handles = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int update = i;
                handles.add(Heddle.spawn(() -> {
                    applied.add(update);
                }));
                Heddle.yieldNow();
            }
            for (JoinHandle<Void> h : handles) {
                h.join();
            }
            assertEquals(List.of(1, 2, 3, 4), applied, "updates applied out of order");
        }

        @SimTest(seeds = 200, workers = 1)
        void spawnOrderOnOneWorker(Sim sim) {
            applyInSpawnOrder();
        }

        @SimTest(seeds = 100, workers = 2)
        void spawnOrderOnTwoWorkers(Sim sim) {
            applyInSpawnOrder();
        }

        @SimTest(seeds = 1, workers = 2, strategy = Strategy.PCT)
        void workersWithPct(Sim sim) {
        }

        @SimTest(seeds = 1, workers = -1)
        void negativeWorkers(Sim sim) {
        }

        static void holdMonitorAcrossASleep(Sim sim) {
            synchronized (MONITOR) {
                sim.sleep(Duration.ofMillis(1));
            }
        }

        @SimTest(seeds = 2)
        void monitorHeldByDefault(Sim sim) {
            holdMonitorAcrossASleep(sim);
        }

        @SimTest(seeds = 2, onLockHeldAcrossSuspension = LockHeldPolicy.WARN)
        void monitorHeldWarns(Sim sim) {
            holdMonitorAcrossASleep(sim);
        }

        @SimTest(seeds = 2, onLockHeldAcrossSuspension = LockHeldPolicy.IGNORE)
        void monitorHeldIgnored(Sim sim) {
            holdMonitorAcrossASleep(sim);
        }

        /** The clocks the seeds drew for three hosts, in the order they started. */
        static final List<HostClock> CLOCKS = new ArrayList<>();

        static void startThreeHosts(Sim sim) {
            for (String name : List.of("a", "b", "c")) {
                CLOCKS.add(sim.host(name, host -> { }).clock());
            }
        }

        @SimTest(seeds = 20)
        void defaultClockSkew(Sim sim) {
            startThreeHosts(sim);
        }

        @SimTest(seeds = 20, maxClockOffsetMillis = 0, maxClockDriftPpm = 0)
        void trueTimeOnEveryHost(Sim sim) {
            startThreeHosts(sim);
        }

        @SimTest(seeds = 20, maxClockOffsetMillis = 5_000, maxClockDriftPpm = 1_000)
        void wideClockSkew(Sim sim) {
            startThreeHosts(sim);
        }

        @SimTest(seeds = 1, maxClockOffsetMillis = -1)
        void negativeClockSkew(Sim sim) {
        }
    }

    @Test
    void theClockSkewOfTheAnnotationBoundsEveryHostsClock() {
        Samples.CLOCKS.clear();
        assertTrue(SampleRun.of(Samples.class, "trueTimeOnEveryHost").passed());
        assertEquals(60, Samples.CLOCKS.size());
        assertTrue(Samples.CLOCKS.stream().allMatch(HostClock.EXACT::equals), Samples.CLOCKS.toString());

        Samples.CLOCKS.clear();
        assertTrue(SampleRun.of(Samples.class, "defaultClockSkew").passed());
        assertTrue(Samples.CLOCKS.stream().allMatch(c -> Math.abs(c.offset().toMillis()) <= 100
                && Math.abs(c.driftPpm()) <= 100), Samples.CLOCKS.toString());
        assertTrue(Samples.CLOCKS.stream().anyMatch(c -> Math.abs(c.offset().toMillis()) > 50), "the default skews");

        Samples.CLOCKS.clear();
        assertTrue(SampleRun.of(Samples.class, "wideClockSkew").passed());
        assertTrue(Samples.CLOCKS.stream().allMatch(c -> Math.abs(c.offset().toMillis()) <= 5_000
                && Math.abs(c.driftPpm()) <= 1_000), Samples.CLOCKS.toString());
        assertTrue(Samples.CLOCKS.stream().anyMatch(c -> Math.abs(c.offset().toMillis()) > 1_000), Samples.CLOCKS
                .toString());
        assertTrue(Samples.CLOCKS.stream().anyMatch(c -> Math.abs(c.driftPpm()) > 100), Samples.CLOCKS.toString());

        assertEquals("@SimTest(maxClockOffsetMillis, maxClockDriftPpm) must not be negative, were -1 and 100.0",
                SampleRun.of(Samples.class, "negativeClockSkew").failureMessage());
    }

    @AfterEach
    void reset() {
        ORDERS.clear();
        RUNS.set(0);
        System.clearProperty("heddle.strategy");
        System.clearProperty("heddle.seed");
    }

    private static final List<Integer> SPAWN_ORDER = List.of(0, 1, 2, 3);

    @Test
    void fifoRunsTasksInSpawnOrderOnEverySeedWhileRandomAndPctVaryIt() {
        assertTrue(SampleRun.of(Samples.class, "fifoOrder").passed());
        assertEquals(Set.of(SPAWN_ORDER), ORDERS);
        ORDERS.clear();
        assertTrue(SampleRun.of(Samples.class, "randomOrder").passed());
        assertTrue(ORDERS.size() > 1, "RANDOM ran 20 seeds in one order: " + ORDERS);
        ORDERS.clear();
        assertTrue(SampleRun.of(Samples.class, "pctOrder").passed());
        assertTrue(ORDERS.size() > 1, "PCT ran 20 seeds in one order: " + ORDERS);
    }

    /** A suite's own annotation that carries {@code @SimTest} with its settings. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SimTest(seeds = 5, strategy = Strategy.FIFO)
    @interface FifoTest {}

    @Test
    void aComposedAnnotationRunsWithTheSettingsOfItsSimTest() {
        assertTrue(SampleRun.of(Samples.class, "fifoThroughAComposedAnnotation").passed());
        assertEquals(Set.of(SPAWN_ORDER), ORDERS);
    }

    @Test
    void pctDepthIsPassedOnAndValidated() {
        assertEquals("pctDepth must be at least 1, was 0", SampleRun.of(Samples.class, "pctWithoutDepth").failureMessage());
        assertEquals("pctHorizon must be at least 1, was 0",
                SampleRun.of(Samples.class, "pctWithoutHorizon").failureMessage());
    }

    @Test
    void heddleStrategyOverridesTheAnnotationIgnoringCase() {
        System.setProperty("heddle.strategy", " fifo ");
        assertTrue(SampleRun.of(Samples.class, "randomOrder").passed());
        assertEquals(Set.of(SPAWN_ORDER), ORDERS);
    }

    @Test
    void anUnknownHeddleStrategyIsRejectedNamingTheValue() {
        System.setProperty("heddle.strategy", "LIFO");
        assertEquals("heddle.strategy must be one of RANDOM, PCT, FIFO, PORTFOLIO, was 'LIFO'",
                SampleRun.of(Samples.class, "randomOrder").failureMessage());
        assertEquals(Set.of(), ORDERS, "no seed ran");
    }

    @Test
    void checkDeterminismRunsEverySeedTwice() {
        assertTrue(SampleRun.of(Samples.class, "deterministic").passed());
        assertEquals(6, RUNS.get());
    }

    @Test
    void checkDeterminismCatchesADecisionMadeOutsideTheSeedThatAPlainSweepMisses() {
        assertTrue(SampleRun.of(Samples.class, "decidedOutsideTheSeedUnchecked").passed());
        RUNS.set(0);
        String message = SampleRun.of(Samples.class, "decidedOutsideTheSeed").failureMessage();
        assertTrue(message.startsWith("seed=0x0 NONDETERMINISM: two runs of the same seed differ at event #"), message);
        assertTrue(message.endsWith("\nrerun: mvn test -Dtest='SimTestSettingsTest$Samples#decidedOutsideTheSeed'"
                + " -Dheddle.seed=0x0 -Dsurefire.failIfNoSpecifiedTests=false"), message);
        assertEquals(2, RUNS.get(), "the sweep stops at the first seed");
    }

    @Test
    void twoWorkersFindTheStealingBugThatOneWorkerNeverShowsAndItsSeedReplaysIt() {
        assertTrue(SampleRun.of(Samples.class, "spawnOrderOnOneWorker").passed());
        String found = SampleRun.of(Samples.class, "spawnOrderOnTwoWorkers").failureMessage();
        assertTrue(found.startsWith("seed=0x") && found.contains("updates applied out of order"), found);

        String seed = found.substring("seed=".length(), found.indexOf(' '));
        System.setProperty("heddle.seed", seed);
        assertEquals(found, SampleRun.of(Samples.class, "spawnOrderOnTwoWorkers").failureMessage(),
                "the rerun of " + seed + " fails the same way");
    }

    @Test
    void workersAreValidatedAndRefusePct() {
        assertTrue(SampleRun.of(Samples.class, "workersWithPct").failureMessage()
                .startsWith("strategy PCT cannot be combined with workers(2)"));
        assertEquals("@SimTest(workers) must be 0 (one pool of ready tasks) or the number of logical workers to"
                + " replay, was -1", SampleRun.of(Samples.class, "negativeWorkers").failureMessage());
    }

    @Test
    void aMonitorHeldAcrossASuspensionFailsByDefault() {
        String message = SampleRun.of(Samples.class, "monitorHeldByDefault").failureMessage();
        assertTrue(message.startsWith("seed=0x0 LOCK_HELD_ACROSS_SUSPENSION: "), message);
        assertTrue(message.contains("monitor of a java.lang.Object (synchronized)"), message);
    }

    @Test
    void warnLogsTheLockAndTheSweepPasses() {
        SampleRun run = SampleRun.of(Samples.class, "monitorHeldWarns");
        assertTrue(run.passed(), run.output());
        assertTrue(run.log().startsWith("WARNING: seed=0x0 task main"), run.output());
        assertTrue(run.log().contains("monitor of a java.lang.Object (synchronized)"), run.output());
        assertEquals("", run.err(), "the warning is logged, not printed");
    }

    @Test
    void ignoreNeitherFailsNorWarns() {
        SampleRun run = SampleRun.of(Samples.class, "monitorHeldIgnored");
        assertTrue(run.passed(), run.output());
        assertFalse(run.log().contains("WARNING"), run.output());
    }
}
