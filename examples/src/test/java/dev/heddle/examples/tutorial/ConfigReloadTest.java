package dev.heddle.examples.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import java.util.List;

class ConfigReloadTest {
    static final int SERVERS = 4;
    static final int RELOADS = 10;

    @SimTest(failOnLeakedTasks = true, expectedProbes = "a server skipped a version")
    void everyServerAppliesTheLastConfigAndNeverGoesBack(Sim sim) {
        List<List<Integer>> applied = ConfigReload.run(SERVERS, RELOADS);
        assertOutcome(applied);
        sim.sometimes("a server skipped a version", applied.stream().anyMatch(a -> a.size() < RELOADS + 1));
    }

    @SimTest(seeds = 50, workers = 4, failOnLeakedTasks = true)
    void onFourLogicalWorkers(Sim sim) {
        assertOutcome(ConfigReload.run(SERVERS, RELOADS));
    }

    static void assertOutcome(List<List<Integer>> applied) {
        assertEquals(SERVERS, applied.size());
        for (List<Integer> versions : applied) {
            assertEquals(0, versions.getFirst(), "a server starts on the initial configuration: " + versions);
            assertEquals(RELOADS, versions.getLast(), "every server applies the last configuration: " + versions);
            for (int i = 1; i < versions.size(); i++) {
                assertTrue(versions.get(i) > versions.get(i - 1), "versions only go up: " + versions);
            }
        }
    }
}
