package dev.heddle.examples.tutorial;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Barrier;
import dev.heddle.sync.BarrierWaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks working in rounds, in step, with a {@link Barrier} (Tokio's {@code Barrier}): in each
 * round every task does its part, then waits at the barrier; the last to arrive releases the round
 * and is its leader, which publishes the round's total. The barrier then starts its next
 * generation for the next round.
 *
 * <p>Guarantees: each round has exactly one leader, and rounds are the barrier's generations
 * {@code 0..rounds-1} in order; no task leaves the barrier of a round before every task has done
 * its part of it, so every published total counts all the parts.
 */
public final class BarrierRounds {

    /**
     * What the rounds did.
     *
     * @param leadersPerGeneration how many tasks were told they led each generation
     * @param totals the total each leader published, by round
     * @param incompleteAtRelease releases that found a part of their round missing (none, when the barrier holds)
     */
    public record Outcome(Map<Long, Integer> leadersPerGeneration, Map<Integer, Integer> totals,
                          int incompleteAtRelease) {}

    private BarrierRounds() {}

    /** Runs {@code tasks} tasks for {@code rounds} rounds; in round r, task i contributes {@code r * tasks + i}. */
    public static Outcome run(int tasks, int rounds) {
        Barrier barrier = new Barrier(tasks);
        List<Map<Integer, Integer>> parts = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            parts.add(new ConcurrentHashMap<>());
        }
        Map<Long, Integer> leaders = new ConcurrentHashMap<>();
        Map<Integer, Integer> totals = new ConcurrentHashMap<>();
        AtomicInteger incomplete = new AtomicInteger();
        List<JoinHandle<Void>> running = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int task = i;
            running.add(Heddle.spawn("task-" + i, () -> {
                for (int round = 0; round < rounds; round++) {
                    Heddle.sleep(Duration.ofMillis(Heddle.random().nextInt(5)));   // this task's part of the round
                    parts.get(round).put(task, round * tasks + task);
                    BarrierWaitResult released = barrier.await();
                    if (parts.get(round).size() != tasks) {
                        incomplete.incrementAndGet();
                    }
                    if (released.isLeader()) {
                        leaders.merge(released.generation(), 1, Integer::sum);
                        totals.put(round, parts.get(round).values().stream().mapToInt(Integer::intValue).sum());
                    }
                }
            }));
        }
        for (JoinHandle<Void> t : running) {
            t.join();
        }
        return new Outcome(Map.copyOf(leaders), Map.copyOf(totals), incomplete.get());
    }
}
