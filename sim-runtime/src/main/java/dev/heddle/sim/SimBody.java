package dev.heddle.sim;

/**
 * The main body of a simulation: runs as its first task, outside every host. The run fails when
 * it throws, and when it returns the simulation ends.
 */
@FunctionalInterface
public interface SimBody {
    /** Runs the test against {@code sim}, the handle to the run's hosts, tasks, clock and probes. */
    void run(Sim sim) throws Exception;
}
