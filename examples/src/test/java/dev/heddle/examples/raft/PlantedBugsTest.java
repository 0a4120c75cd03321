package dev.heddle.examples.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.examples.raft.PlantedBugs.Bug;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Each planted bug is found, and found as what it is: a broken invariant, or a history the
 * linearizability checker refutes. The default suite searches a few seeds from where the last
 * measurement found the bug first; the fuzz job ({@code -Dheddle.fuzz=true}) hunts each bug from
 * seed 0 over up to 500 seeds and prints how many it took.
 */
class PlantedBugsTest {
    /** Seeds the default suite tries per bug, from the first failing seed measured. */
    private static final int SEEDS_PER_BUG = 8;

    @Test
    void aStaleLeaderServingReadsIsNotLinearizable() {
        assertFound(Bug.STALE_READ, 7, "linearizability: ", "NOT_LINEARIZABLE against the key-value model");
    }

    @Test
    void committingBeforeAMajorityAcknowledgedLosesACommittedEntry() {
        assertFound(Bug.EARLY_COMMIT, 4, invariant(ClusterInvariants.COMMITTED_NEVER_LOST));
    }

    @Test
    void aNewLeaderDroppingItsUncommittedTailLosesACommittedEntry() {
        assertFound(Bug.LOST_UPDATE_ON_LEADER_CHANGE, 0, invariant(ClusterInvariants.COMMITTED_NEVER_LOST));
    }

    @Test
    void aRetriedRequestAppliedTwiceIsNotLinearizable() {
        assertFound(Bug.DOUBLE_APPLY, 0, "linearizability: ", "NOT_LINEARIZABLE against the key-value model");
    }

    @Test
    void aVoteForgottenInACrashIsGrantedTwiceInOneTerm() {
        assertFound(Bug.UNPERSISTED_VOTE, 58, invariant(ClusterInvariants.ONE_VOTE_PER_TERM));
    }

    @Test
    void aFailingSeedReplaysWithTheSameTraceAndSaysHowToRerunIt() {
        SimulationFailure found = hunt(Bug.LOST_UPDATE_ON_LEADER_CHANGE, 0, SEEDS_PER_BUG);
        assertNotNull(found, "the lost update was not found");
        assertTrue(found.getMessage().contains("-Dheddle.seed=" + Simulation.hex(found.seed())
                + " -D" + PlantedBugs.PROPERTY + "=lost-update"), found.getMessage());
        SimulationFailure again = assertThrows(SimulationFailure.class,
                () -> simulation(found.seed(), Bug.LOST_UPDATE_ON_LEADER_CHANGE).run(sim ->
                        RaftWorkload.run(sim, RaftWorkload.Settings.standard(PlantedBugs.of(Bug.LOST_UPDATE_ON_LEADER_CHANGE)))));
        assertEquals(found.traceHash(), again.traceHash());
    }

    /** The fuzz job's hunt: every bug from seed 0, up to 500 seeds each, with the seeds it took. */
    @Test
    @EnabledIfSystemProperty(named = "heddle.fuzz", matches = "true")
    void everyPlantedBugIsFoundWithin500Seeds() {
        List<String> missed = new ArrayList<>();
        for (Bug bug : Bug.values()) {
            long start = System.nanoTime();
            SimulationFailure found = hunt(bug, 0, 500);
            String what = found == null ? "not found in 500 seeds"
                    : "found at seed " + Simulation.hex(found.seed()) + " (" + (found.seed() + 1) + " seeds)";
            System.out.printf("planted bug %s: %s, %.1f s%n", bug.propertyName(), what, (System.nanoTime() - start) / 1e9);
            if (found == null) {
                missed.add(bug.propertyName());
            }
        }
        assertTrue(missed.isEmpty(), "planted bugs not found within 500 seeds: " + missed);
    }

    private static String invariant(String name) {
        return "always(\"" + name + "\") was false: ";
    }

    private static void assertFound(Bug bug, long firstFailingSeed, String... expected) {
        SimulationFailure found = hunt(bug, firstFailingSeed, SEEDS_PER_BUG);
        assertNotNull(found, "planted bug " + bug.propertyName() + " was not found in seeds " + firstFailingSeed
                + " to " + (firstFailingSeed + SEEDS_PER_BUG - 1) + ", where it was first found when this test was"
                + " written; if the store or the workload changed, hunt it again with -Dheddle.fuzz=true"
                + " (PlantedBugsTest#everyPlantedBugIsFoundWithin500Seeds) and move the seed");
        for (String text : expected) {
            assertTrue(found.getMessage().contains(text), "planted bug " + bug.propertyName() + " failed seed "
                    + Simulation.hex(found.seed()) + " otherwise than expected (" + text + "):\n" + found.getMessage());
        }
    }

    /** The first seed from {@code from} on, of {@code seeds}, whose run fails with {@code bug} on; null when none does. */
    private static SimulationFailure hunt(Bug bug, long from, int seeds) {
        PlantedBugs bugs = PlantedBugs.of(bug);
        for (long seed = from; seed < from + seeds; seed++) {
            try {
                simulation(seed, bug).run(sim -> RaftWorkload.run(sim, RaftWorkload.Settings.standard(bugs)));
            } catch (SimulationFailure failure) {
                return failure;
            }
        }
        return null;
    }

    /**
     * The run {@link RaftStoreTest#theStoreStaysCorrectUnderSwarmFaults} makes of {@code seed}
     * (RANDOM, swarm mode), whose failure says how to rerun it there with the bug on.
     */
    private static Simulation simulation(long seed, Bug bug) {
        return Simulation.ofSeed(seed).strategy(Strategy.RANDOM).swarm(true)
                .rerunCommand(s -> "mvn test -pl examples -am -Dtest='RaftStoreTest#theStoreStaysCorrectUnderSwarmFaults'"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -Dheddle.seed=" + Simulation.hex(s)
                        + " -D" + PlantedBugs.PROPERTY + "=" + bug.propertyName());
    }
}
