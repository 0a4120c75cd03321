package dev.heddle.sim;

/**
 * What {@link Strategy#PORTFOLIO} runs for one seed. The seed's last two bits pick, in turn,
 * RANDOM, PCT depth 1, PCT depth 2 and PCT depth 3, so that a sweep of consecutive seeds gives
 * each a quarter of its runs and tries all four within any four seeds, and a seed alone
 * decides its run (a rerun of one seed makes the same choice). The choice is arithmetic on the
 * seed, not a draw: no stream of {@link Decisions} moves, so the run is exactly the run of the
 * strategy and depth chosen, set by hand. RANDOM comes first so that a sweep starting at a
 * multiple of four has measured a run's length (for an adaptive PCT horizon) before its first
 * PCT run with change points. With logical workers, which PCT cannot drive, every seed runs
 * RANDOM.
 *
 * <p>The seed's third bit turns {@linkplain Simulation#spuriousWakeups spurious wake-ups} on in
 * every other group of four seeds, so that each strategy runs with and without them within
 * any eight seeds: a wait outside a loop is found, and a bug that a spurious wake-up would
 * hide (a waiter that wakes early and retries in time) is still found without.
 *
 * <p>This is the one place that turns a seed into the portfolio's settings: a further
 * dimension takes the seed's next bits here.
 */
record PortfolioChoice(Strategy strategy, int pctDepth, boolean spuriousWakeups) {

    static PortfolioChoice of(long seed, int workers, int configuredDepth) {
        int turn = (int) (seed & 3);
        boolean spurious = ((seed >>> 2) & 1) == 1;
        if (workers > 0 || turn == 0) {
            return new PortfolioChoice(Strategy.RANDOM, configuredDepth, spurious);
        }
        return new PortfolioChoice(Strategy.PCT, turn, spurious);
    }
}
