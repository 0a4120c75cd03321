package dev.heddle.examples;

import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;

/**
 * One example program simulated over seeds {@code 0..seeds-1}: what a row of the demo's
 * summary says. The virtual time covered counts every seed, failing ones included (up to the
 * moment the failure reached the program's main task), so it says how much simulated time the
 * sweep really explored.
 *
 * @param firstFailure the failure of the lowest failing seed, or null when every seed passed
 */
record ProgramSweep(String name, int seeds, int failures, SimulationFailure firstFailure, long virtualNanos,
                    long wallNanos) {

    /** Runs {@code body} once per seed, with the demo's rerun command. */
    static ProgramSweep run(String name, SimBody body, int seeds) {
        long start = System.nanoTime();
        int failures = 0;
        SimulationFailure first = null;
        long virtualNanos = 0;
        for (long seed = 0; seed < seeds; seed++) {
            long[] endedAt = {0};
            SimBody timed = sim -> {
                try {
                    body.run(sim);
                } finally {
                    endedAt[0] = sim.now();
                }
            };
            try {
                virtualNanos += simulation(name, seed).run(timed).virtualNanos();
            } catch (SimulationFailure f) {
                failures++;
                virtualNanos += endedAt[0];
                if (first == null) {
                    first = f;
                }
            }
        }
        return new ProgramSweep(name, seeds, failures, first, virtualNanos, System.nanoTime() - start);
    }

    /**
     * The simulation the demo runs for one seed of a program: its failures say how to replay them.
     * The store's programs run in swarm mode, as the store's tests run them.
     */
    static Simulation simulation(String name, long seed) {
        return Simulation.ofSeed(seed).swarm(StorePrograms.isStore(name)).rerunCommand(s -> rerunCommand(name, s));
    }

    /** The command that replays one seed of one program, from the root of a clone. */
    static String rerunCommand(String name, long seed) {
        return "./heddle demo " + name + " --seed " + Simulation.hex(seed);
    }
}
