package dev.heddle.sim;

/**
 * What a module built on the simulator must do to the JVM before code in a simulation can use
 * it, found with {@link java.util.ServiceLoader} (listed in the module's
 * {@code META-INF/services/dev.heddle.sim.SimulationSetup}). The simulated network uses it to
 * install the JDK's socket factories, which must be in place before the first simulated task
 * creates a {@code java.net.Socket}: the user adds JVM options and nothing else.
 *
 * <p>{@link #beforeSimulation()} runs on the thread that starts each simulation, before the
 * run's first task; it must be cheap after its first call (do the work once per JVM) and must
 * fail the same way every time while the JVM cannot be set up, so that no later run goes on
 * half set up. An exception it throws fails that run, before anything runs.
 */
public interface SimulationSetup {

    /** Sets the JVM up (once per JVM), or throws saying what is missing and what to add. */
    void beforeSimulation();
}
