package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedBlockingTest {

    @Test
    void spawnBlockingIsASimulatedTaskBoundedByMaxBlockingThreads() {
        for (long seed = 0; seed < 100; seed++) {
            int[] running = {0};
            int[] peak = {0};
            Simulation.ofSeed(seed).maxBlockingThreads(2).run(sim -> {
                List<JoinHandle<Integer>> hs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    int id = i;
                    hs.add(Heddle.spawnBlocking(() -> {
                        running[0]++;
                        peak[0] = Math.max(peak[0], running[0]);
                        sim.sleep(Duration.ofMillis(10));
                        running[0]--;
                        return id;
                    }));
                }
                int sum = 0;
                for (JoinHandle<Integer> h : hs) {
                    sum += h.join();
                }
                assertEquals(15, sum);
                assertEquals(30_000_000, sim.now(), "six 10 ms jobs, two at a time");
            });
            assertEquals(2, peak[0], "seed " + seed);
        }
    }

    @Test
    void anAbortedWaitingBlockingTaskGivesNoSlotAway() {
        for (long seed = 0; seed < 100; seed++) {
            Simulation.ofSeed(seed).maxBlockingThreads(1).run(sim -> {
                JoinHandle<Integer> first = Heddle.spawnBlocking(() -> {
                    sim.sleep(Duration.ofMillis(5));
                    return 1;
                });
                JoinHandle<Integer> waiting = Heddle.spawnBlocking(() -> 2);
                JoinHandle<Integer> third = Heddle.spawnBlocking(() -> 3);
                Heddle.yieldNow();
                waiting.abort();
                assertEquals(1, first.join());
                assertEquals(3, third.join());
            });
        }
    }
}
