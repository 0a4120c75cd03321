package dev.heddle.examples;

import dev.heddle.check.HistoryRecorder;
import dev.heddle.examples.raft.PlantedBugs;
import dev.heddle.examples.raft.PlantedBugs.Bug;
import dev.heddle.examples.raft.RaftWorkload;
import dev.heddle.sim.SimBody;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The replicated key-value store ({@code dev.heddle.examples.raft}) as demo programs: {@value #CORRECT},
 * the correct store, and {@code raft+BUG} for each of its planted bugs, each running the store's
 * whole test ({@link RaftWorkload}, with the settings its tests use). They run in swarm mode, as
 * the store's tests do ({@link ProgramSweep#simulation}): each seed also picks which faults it
 * injects and how often, which is what finds the bugs.
 */
final class StorePrograms {
    /** The correct store's name; on the command line without {@code --seed}, every row of the store. */
    static final String CORRECT = "raft";

    private static final Map<String, PlantedBugs> BUGS = bugsByName();

    private StorePrograms() {}

    private static Map<String, PlantedBugs> bugsByName() {
        Map<String, PlantedBugs> rows = new LinkedHashMap<>();
        rows.put(CORRECT, PlantedBugs.none());
        for (Bug bug : Bug.values()) {
            rows.put(CORRECT + "+" + bug.propertyName(), PlantedBugs.of(bug));
        }
        return Collections.unmodifiableMap(rows);
    }

    /** Every row's name, the correct store first, then one per planted bug. */
    static Iterable<String> names() {
        return BUGS.keySet();
    }

    /** Whether {@code name} is one of the store's rows. */
    static boolean isStore(String name) {
        return BUGS.containsKey(name);
    }

    /** The test of the store named {@code name}. */
    static SimBody body(String name) {
        return body(name, clientOperations -> {});
    }

    /** The test of the store named {@code name}, handing {@code clientOperations} the recorder of the clients' operations. */
    static SimBody body(String name, Consumer<HistoryRecorder> clientOperations) {
        PlantedBugs bugs = BUGS.get(name);
        if (bugs == null) {
            throw new IllegalArgumentException("no store named '" + name + "'; the store's rows are " + BUGS.keySet());
        }
        return sim -> RaftWorkload.run(sim, RaftWorkload.Settings.standard(bugs), clientOperations);
    }
}
