package dev.heddle.bench;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./heddle bench seeds}: how many whole simulations per second one core runs, for a
 * small test of 10 tasks of 100 steps each; what bounds a fuzz job's seeds per minute.
 * Prints {@code seeds_per_sec} last.
 */
public final class SeedsBench {
    private static final int TASKS = 10;
    private static final int STEPS_PER_TASK = 100;

    private SeedsBench() {}

    static final SimBody SMALL_TEST = sim -> {
        List<JoinHandle<Void>> tasks = new ArrayList<>(TASKS);
        for (int t = 0; t < TASKS; t++) {
            tasks.add(sim.spawn(() -> {
                for (int s = 1; s < STEPS_PER_TASK; s++) {
                    Heddle.yieldNow();
                }
            }));
        }
        for (JoinHandle<Void> t : tasks) {
            t.join();
        }
    };

    public static void main(String[] args) {
        int seeds = args.length > 0 ? (int) Bench.positive("seeds", args[0]) : 5_000;
        run(seeds);
        long steps = 0;
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            steps = run(seeds);
            best = Math.max(best, seeds / ((System.nanoTime() - start) / 1e9));
        }
        System.out.printf("tasks_per_seed=%d%n", TASKS);
        System.out.printf("steps_per_seed=%d%n", steps / seeds);
        System.out.printf("seeds=%d%n", seeds);
        System.out.printf("seeds_per_sec=%.0f%n", best);
    }

    private static long run(int seeds) {
        long steps = 0;
        for (long seed = 0; seed < seeds; seed++) {
            steps += Simulation.ofSeed(seed).run(SMALL_TEST).steps();
        }
        return steps;
    }
}
