package dev.heddle.sim;

/**
 * What a simulated host runs: its program, from start to finish, as the main task of each of its
 * incarnations; a restart after a crash runs it again from the beginning. It gets its own
 * {@link Host}, to read back its {@link Host#durable() durable store}.
 */
@FunctionalInterface
public interface HostBody {
    /**
     * Runs the host's program. A crash of the host stops it at its next suspension point, as an
     * abort does; an exception it throws fails its main task, and so the run, as any failed
     * task that nobody joins does.
     */
    void run(Host self) throws Exception;
}
