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
    FIFO
}
