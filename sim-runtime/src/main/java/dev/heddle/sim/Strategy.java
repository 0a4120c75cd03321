package dev.heddle.sim;

/** How the simulator picks the next task to run among the ready ones. */
public enum Strategy {
    /** Uniformly at random, from the seed: the default, good at finding races broadly. */
    RANDOM,
    /**
     * Probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): random task
     * priorities with {@code depth - 1} priority change points; finds a bug of depth d with
     * probability at least 1/(n·k^(d-1)) per run.
     */
    PCT,
    /** In the order tasks became ready, like Tokio's run queue: for debugging, explores nothing. */
    FIFO,
    /**
     * RANDOM and PCT at depths 1, 2 and 3 in turn across seeds, the seed choosing (its last two
     * bits): no one strategy finds every kind of bug first, so a sweep tries each on a quarter
     * of its seeds. A failure's {@link SimulationFailure#configuration()} and rerun line give the
     * strategy and depth the seed ran. With logical workers every seed runs RANDOM.
     */
    PORTFOLIO
}
