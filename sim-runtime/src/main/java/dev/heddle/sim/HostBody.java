package dev.heddle.sim;

/**
 * What a simulated host runs: its program, from start to finish, as the main task of each of its
 * incarnations; a restart after a crash runs it again from the beginning. It gets its own
 * {@link Host}, to read back its {@link Host#durable() durable store}.
 */
@FunctionalInterface
public interface HostBody {
    void run(Host self) throws Exception;
}
