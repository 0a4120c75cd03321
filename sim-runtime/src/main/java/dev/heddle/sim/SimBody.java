package dev.heddle.sim;

/**
 * The main body of a simulation: runs as its first task, outside every host. The run fails when
 * it throws; when it returns, the tasks still ready run until they wait, and the run ends.
 */
@FunctionalInterface
public interface SimBody {
    /** Runs the test against {@code sim}, the handle to the run's hosts, tasks, clock and probes. */
    void run(Sim sim) throws Exception;
}
