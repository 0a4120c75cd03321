package dev.heddle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import org.junit.jupiter.api.Test;

class KeyValueManagerTest {

    @SimTest(failOnLeakedTasks = true)
    void aClientReadsWhatItWrote(Sim sim) {
        try (KeyValueManager kv = KeyValueManager.start(4); KeyValueManager.Client c = kv.client()) {
            assertEquals("", c.get("foo"));
            c.set("foo", "bar");
            assertEquals("bar", c.get("foo"));
        }
    }

    @SimTest(seeds = 300)
    void concurrentClientsSeeALinearizableStore(Sim sim) {
        KeyValueWorkload.run(3, 6, client -> client);
    }

    @Test
    void theCheckerCatchesTheStaleReadCacheAndItsSeedReplaysIt() {
        SimulationFailure found = null;
        for (long seed = 0; seed < 100 && found == null; seed++) {
            try {
                Simulation.ofSeed(seed).run(sim -> KeyValueWorkload.run(3, 6, StaleReadCache::new));
            } catch (SimulationFailure f) {
                found = f;
            }
        }
        assertNotNull(found, "a stale read must show up within 100 seeds");
        assertTrue(found.getMessage().contains("NOT_LINEARIZABLE against model kv"), found.getMessage());
        long seed = found.seed();
        SimulationFailure again = org.junit.jupiter.api.Assertions.assertThrows(SimulationFailure.class,
                () -> Simulation.ofSeed(seed).run(sim -> KeyValueWorkload.run(3, 6, StaleReadCache::new)));
        assertEquals(found.traceHash(), again.traceHash());
    }
}
