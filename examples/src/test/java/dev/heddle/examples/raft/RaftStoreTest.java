package dev.heddle.examples.raft;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Strategy;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The replicated store under swarm faults: linearizable, Raft's invariants kept, every client
 * served once the faults heal. The bugs of {@link PlantedBugs} are off unless
 * {@code -Dheddle.raft.bugs=...} switches them on, so these tests also rerun a planted bug's
 * failing seed: {@code mvn test -Dtest='RaftStoreTest#theStoreStaysCorrectUnderSwarmFaults'
 * -Dheddle.seed=0x2 -Dheddle.raft.bugs=stale-read}. A failure with a bug on says so in its rerun
 * command ({@code rerunProperties}).
 *
 * <p>RANDOM, not the portfolio: the store's tasks wait on time and the network, not on each
 * other, and RANDOM makes a seed's run the same in a sweep and alone, so the planted-bug hunts
 * ({@link PlantedBugsTest}) and this sweep run the same seeds.
 */
class RaftStoreTest {

    @SimTest(seeds = 12, strategy = Strategy.RANDOM, swarm = true, rerunProperties = PlantedBugs.PROPERTY,
            expectedProbes = {
            ClusterInvariants.LEADER_CHANGE, RaftWorkload.PARTITION_HEALED,
            ClusterInvariants.CRASH_DURING_REPLICATION, ClusterInvariants.RETRY_DEDUPLICATED})
    void theStoreStaysCorrectUnderSwarmFaults(Sim sim) throws Exception {
        RaftWorkload.run(sim, RaftWorkload.Settings.standard(PlantedBugs.fromSystemProperties()));
    }

    /** The fuzz job's sweep: {@code -Dheddle.fuzz=true}, and {@code -Dheddle.seeds=N} for another length. */
    @SimTest(seeds = 10_000, strategy = Strategy.RANDOM, swarm = true, rerunProperties = PlantedBugs.PROPERTY,
            expectedProbes = {
            ClusterInvariants.LEADER_CHANGE, RaftWorkload.PARTITION_HEALED,
            ClusterInvariants.CRASH_DURING_REPLICATION, ClusterInvariants.RETRY_DEDUPLICATED})
    @EnabledIfSystemProperty(named = "heddle.fuzz", matches = "true")
    void theStoreStaysCorrectOverALongSweep(Sim sim) throws Exception {
        RaftWorkload.run(sim, RaftWorkload.Settings.standard(PlantedBugs.fromSystemProperties()));
    }
}
