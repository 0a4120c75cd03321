package dev.heddle.bench;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.LockHeldPolicy;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./heddle bench seeds}: how many whole simulations per second one core runs, for a
 * small test of 10 tasks of 100 steps each; what bounds a fuzz job's seeds per minute. The floor
 * is the same test on a {@link BareSeededExecutor}, virtual threads on one seeded carrier with no
 * Heddle at all, run in turn with Heddle's in the same JVM; the ratio of the two is printed last
 * (1.0 would be a simulation that costs nothing beyond carrying the threads). Between them, the
 * same runs with the search for locks held across a suspension off: its live-stack walks, about
 * eight a run, are the largest single cost of so small a run.
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
        run(seeds, LockHeldPolicy.FAIL);
        run(seeds, LockHeldPolicy.IGNORE);
        runBare(seeds);
        long steps = 0;
        double best = 0;
        double bestUnchecked = 0;
        double bestBare = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            steps = run(seeds, LockHeldPolicy.FAIL);
            best = Math.max(best, seeds / ((System.nanoTime() - start) / 1e9));
            start = System.nanoTime();
            run(seeds, LockHeldPolicy.IGNORE);
            bestUnchecked = Math.max(bestUnchecked, seeds / ((System.nanoTime() - start) / 1e9));
            start = System.nanoTime();
            runBare(seeds);
            bestBare = Math.max(bestBare, seeds / ((System.nanoTime() - start) / 1e9));
        }
        System.out.printf("tasks_per_seed=%d%n", TASKS);
        System.out.printf("steps_per_seed=%d%n", steps / seeds);
        System.out.printf("seeds=%d%n", seeds);
        System.out.printf("seeds_per_sec=%.0f%n", best);
        System.out.printf("lock_checks_off_seeds_per_sec=%.0f%n", bestUnchecked);
        System.out.printf("bare_executor_seeds_per_sec=%.0f%n", bestBare);
        System.out.printf("ratio_to_bare_executor=%.2f%n", best / bestBare);
    }

    /** The small test on a bare seeded executor: a main thread that starts the tasks and joins them. */
    private static void runBare(int seeds) {
        for (long seed = 0; seed < seeds; seed++) {
            BareSeededExecutor carrier = new BareSeededExecutor(seed);
            carrier.start(() -> {
                List<Thread> tasks = new ArrayList<>(TASKS);
                for (int t = 0; t < TASKS; t++) {
                    tasks.add(carrier.start(() -> {
                        for (int s = 1; s < STEPS_PER_TASK; s++) {
                            Thread.yield();
                        }
                    }));
                }
                for (Thread t : tasks) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            carrier.runUntilIdle();
        }
    }

    private static long run(int seeds, LockHeldPolicy lockChecks) {
        long steps = 0;
        for (long seed = 0; seed < seeds; seed++) {
            steps += Simulation.ofSeed(seed).onLockHeldAcrossSuspension(lockChecks).run(SMALL_TEST).steps();
        }
        return steps;
    }
}
