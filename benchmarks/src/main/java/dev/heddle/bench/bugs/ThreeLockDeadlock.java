package dev.heddle.bench.bugs;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.FailureKind;
import dev.heddle.sim.Sim;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Three dining philosophers as Heddle tasks, the forks Heddle {@link Mutex}es: each takes the
 * fork on its left, yields, then the fork on its right, so when all three hold their left fork
 * each waits for its neighbour's. A cycle of three needs two tasks to stop at the same place as
 * the first: deeper than a two-lock deadlock. Fixed: the last philosopher takes its right fork
 * first, which breaks the cycle.
 */
final class ThreeLockDeadlock {
    static final BugProgram PROGRAM = new BugProgram("three-lock-deadlock", BugKind.DEADLOCK,
            FailureKind.DEADLOCK,
            "three philosophers each take the left fork, then the right: when all hold one, all wait",
            Set.of(), sim -> run(sim, false), sim -> run(sim, true));

    private static final int PHILOSOPHERS = 3;
    /** Philosopher i thinks for i times this many steps before it reaches for a fork. */
    private static final int THINKING_STEPS = 2;

    private ThreeLockDeadlock() {}

    private static void dine(int thinking, Mutex<Integer> left, Mutex<Integer> right, boolean reversed) {
        for (int i = 0; i < thinking; i++) {
            Heddle.yieldNow();
        }
        Mutex<Integer> first = reversed ? right : left;
        Mutex<Integer> second = reversed ? left : right;
        try (MutexGuard<Integer> one = first.lock()) {
            Heddle.yieldNow();
            try (MutexGuard<Integer> other = second.lock()) {
                one.set(one.get() + 1);
                other.set(other.get() + 1);
            }
        }
    }

    private static void run(Sim sim, boolean fixed) {
        List<Mutex<Integer>> forks = new ArrayList<>();
        for (int i = 0; i < PHILOSOPHERS; i++) {
            forks.add(new Mutex<>(0));
        }
        List<JoinHandle<Void>> philosophers = new ArrayList<>();
        for (int i = 0; i < PHILOSOPHERS; i++) {
            Mutex<Integer> left = forks.get(i);
            Mutex<Integer> right = forks.get((i + 1) % PHILOSOPHERS);
            boolean reversed = fixed && i == PHILOSOPHERS - 1;
            int thinking = i * THINKING_STEPS;
            philosophers.add(sim.spawn("philosopher-" + i, () -> dine(thinking, left, right, reversed)));
        }
        for (JoinHandle<Void> philosopher : philosophers) {
            philosopher.join();
        }
        for (Mutex<Integer> fork : forks) {
            try (MutexGuard<Integer> uses = fork.lock()) {
                if (uses.get() != 2) {
                    throw new AssertionError("a fork was used " + uses.get()
                            + " times by two philosophers eating once");
                }
            }
        }
    }
}
