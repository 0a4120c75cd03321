package dev.heddle.sim;

/** The main body of a simulation: runs as its first task. */
@FunctionalInterface
public interface SimBody {
    void run(Sim sim) throws Exception;
}
