package dev.heddle.bench;

import dev.heddle.examples.raft.PlantedBugs;
import dev.heddle.examples.raft.PlantedBugs.Bug;
import dev.heddle.examples.raft.RaftWorkload;
import dev.heddle.sim.Simulation;
import dev.heddle.sim.SimulationFailure;
import dev.heddle.sim.Strategy;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./heddle bench bugs}: how soon each strategy finds each planted bug of the
 * Raft-replicated key-value store ({@link PlantedBugs}): for every bug, seeds 0, 1, 2, ... of the
 * store's workload in swarm mode (as {@code RaftStoreTest} runs it) under RANDOM, PCT and
 * PORTFOLIO in turn, until the first failure; one {@code row=} line per bug with the seeds and
 * wall seconds each strategy took ({@code none} when no seed within the bound failed), and the
 * worst seeds-to-failure of all last.
 *
 * <p>Arguments: {@code --max-seeds N}, the seeds each strategy may take per bug (default 500, the
 * bound the store's bugs are held to).
 */
public final class BugsBench {
    private static final List<Strategy> STRATEGIES = List.of(Strategy.RANDOM, Strategy.PCT, Strategy.PORTFOLIO);

    private BugsBench() {}

    public static void main(String[] args) {
        long maxSeeds = 500;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--max-seeds")) {
                maxSeeds = Bench.positive("--max-seeds", Bench.valueOf(args, i++));
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "'; bugs accepts --max-seeds N");
            }
        }
        long worst = 0;
        String worstWhere = "";
        for (Bug bug : Bug.values()) {
            StringBuilder row = new StringBuilder("row=" + bug.propertyName());
            for (Strategy strategy : STRATEGIES) {
                long start = System.nanoTime();
                long seeds = seedsToFailure(bug, strategy, maxSeeds);
                double seconds = (System.nanoTime() - start) / 1e9;
                String name = strategy.name().toLowerCase(Locale.ROOT);
                row.append(' ').append(name).append("_seeds=").append(seeds > 0 ? Long.toString(seeds) : "none")
                        .append(' ').append(name).append(String.format("_s=%.1f", seconds));
                long counted = seeds > 0 ? seeds : maxSeeds + 1;
                if (counted > worst) {
                    worst = counted;
                    worstWhere = bug.propertyName() + " under " + name;
                }
            }
            System.out.println(row);
        }
        System.out.println("worst_seeds_to_failure" + (worst > maxSeeds ? ">" + maxSeeds : "=" + worst) + " ("
                + worstWhere + ")");
    }

    /** How many seeds, from 0, {@code strategy} ran until {@code bug} failed one; 0 when none of {@code max} did. */
    private static long seedsToFailure(Bug bug, Strategy strategy, long max) {
        PlantedBugs bugs = PlantedBugs.of(bug);
        for (long seed = 0; seed < max; seed++) {
            try {
                Simulation.ofSeed(seed).strategy(strategy).swarm(true)
                        .run(sim -> RaftWorkload.run(sim, RaftWorkload.Settings.standard(bugs)));
            } catch (SimulationFailure failure) {
                return seed + 1;
            }
        }
        return 0;
    }
}
