package dev.heddle.sim;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@link SimulationSetup}s on the class path, loaded once per JVM, in the service loader's
 * order, and run before every simulation.
 */
final class SimulationSetups {
    private static final List<SimulationSetup> SETUPS =
            ServiceLoader.load(SimulationSetup.class, SimulationSetup.class.getClassLoader()).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();

    private SimulationSetups() {}

    /** Runs every setup; the first that throws fails the simulation about to start. */
    static void runAll() {
        for (SimulationSetup setup : SETUPS) {
            setup.beforeSimulation();
        }
    }
}
