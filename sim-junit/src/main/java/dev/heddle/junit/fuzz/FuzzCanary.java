package dev.heddle.junit.fuzz;

import dev.heddle.junit.SimTest;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import java.util.ArrayList;
import java.util.List;

/**
 * The test {@code --canary} adds to a fuzz run: a lost update that must fail on some seeds, as
 * TigerBeetle's VOPR runs a canary. When it fails, the run proves that a failing seed reaches a
 * folder, the summary, {@code junit.xml} and the exit code; when it passes every seed, the run
 * fails, since a real bug could go unreported too. Its failures do not fail the run by themselves.
 */
public final class FuzzCanary {

    /** For the JUnit Platform, which instantiates test classes. */
    public FuzzCanary() {}

    /** Two tasks add 1 three times each, reading, yielding and writing: some interleavings lose an update. */
    @SimTest
    void incrementsAreNotLost(Sim sim) {
        int[] counter = {0};
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            tasks.add(sim.spawn(() -> {
                for (int i = 0; i < 3; i++) {
                    int read = counter[0];
                    Heddle.yieldNow();
                    counter[0] = read + 1;
                }
            }));
        }
        tasks.forEach(JoinHandle::join);
        if (counter[0] != 6) {
            throw new AssertionError("the canary's counter lost an update, as it must on some seeds: expected 6 but"
                    + " was " + counter[0]);
        }
    }
}
