package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Simulations that replay the multi-thread runtime's N workers ({@link Simulation#workers}). */
class LogicalWorkersTest {

    /**
     * A planted ordering bug: the code assumes that a task it spawns runs before it goes on,
     * once it has yielded. That holds on one worker (the spawned task waits in the LIFO slot,
     * the yielding task at the back of the queue) and on the current-thread runtime, and work
     * stealing breaks it: an idle worker steals the yielded spawner, which spawns the next
     * update on its own worker, and the two updates race.
     */
    static List<Integer> applyInSpawnOrder(int updates) {
        List<Integer> applied = new ArrayList<>();
        List<JoinHandle<Void>> handles = new ArrayList<>();
        for (int i = 1; i <= updates; i++) {
            int update = i;
            handles.add(Heddle.spawn(() -> {
                applied.add(update);
            }));
            Heddle.yieldNow();  // "now the update has been applied"
        }
        for (JoinHandle<Void> h : handles) {
            h.join();
        }
        return applied;
    }

    private static final List<Integer> IN_ORDER = List.of(1, 2, 3, 4);

    private static SimBody plantedBug() {
        return sim -> assertEquals(IN_ORDER, applyInSpawnOrder(4), "updates applied out of order");
    }

    @Test
    void aBugThatNeedsStealingIsFoundWithTwoWorkersAndReproducedFromItsSeed() {
        SimulationFailure found = null;
        for (long seed = 0; seed < 100 && found == null; seed++) {
            try {
                Simulation.ofSeed(seed).workers(2).run(plantedBug());
            } catch (SimulationFailure f) {
                found = f;
            }
        }
        assertNotNull(found, "two workers did not break the spawn-order assumption within 100 seeds");
        assertEquals(FailureKind.TASK_FAILED, found.kind());
        assertTrue(found.getMessage().contains("updates applied out of order"), found.getMessage());
        assertTrue(found.getMessage().startsWith("seed=" + Simulation.hex(found.seed())), found.getMessage());

        long seed = found.seed();
        SimulationFailure again = assertThrows(SimulationFailure.class,
                () -> Simulation.ofSeed(seed).workers(2).run(plantedBug()));
        assertEquals(found.traceHash(), again.traceHash(), "the rerun of " + Simulation.hex(seed) + " differs");
        assertEquals(found.getMessage(), again.getMessage());
    }

    @Test
    void theSameBugIsNeverSeenOnOneWorkerNorOnTheCurrentThreadRuntime() {
        for (long seed = 0; seed < 1_000; seed++) {
            Simulation.ofSeed(seed).workers(1).run(plantedBug());
        }
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            assertEquals(IN_ORDER, rt.blockOn(() -> applyInSpawnOrder(4)));
        }
    }

    @Test
    void oneWorkerLeavesTheSeedNoChoiceOfTask() {
        List<List<Integer>> orders = new ArrayList<>();
        for (long seed = 0; seed < 50; seed++) {
            List<Integer> order = new ArrayList<>();
            Simulation.ofSeed(seed).workers(1).run(sim -> {
                List<JoinHandle<Void>> hs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    int id = i;
                    hs.add(sim.spawn(() -> {
                        order.add(id);
                        Heddle.yieldNow();
                        order.add(10 + id);
                    }));
                }
                for (JoinHandle<Void> h : hs) {
                    h.join();
                }
            });
            orders.add(order);
        }
        // LIFO slot first (the last spawned), then the local queue oldest first; yielders go to the back.
        assertEquals(List.of(5, 0, 1, 2, 3, 4, 15, 10, 11, 12, 13, 14), orders.getFirst());
        for (List<Integer> o : orders) {
            assertEquals(orders.getFirst(), o);
        }
    }

    /**
     * Tasks that spawn, yield, sleep, wait on a semaphore and send on a channel, over 1,000 seeds and 1
     * to 8 workers: every task runs its body exactly once and finishes, and nothing is left.
     */
    @Test
    void noTaskIsLostOrRunTwiceOnAnyNumberOfWorkers() {
        for (int workers = 1; workers <= 8; workers++) {
            for (long seed = 0; seed < 1_000; seed++) {
                int w = workers;
                long s = seed;
                SimulationResult r = Simulation.ofSeed(seed).workers(workers).failOnLeakedTasks(true).run(sim -> {
                    int tasks = 8 + sim.random().nextInt(16);
                    int[] started = new int[tasks];
                    int[] finished = new int[tasks];
                    Channel<Integer> done = Mpsc.unbounded();
                    Semaphore gate = new Semaphore(0);
                    List<JoinHandle<Void>> hs = new ArrayList<>();
                    for (int i = 0; i < tasks; i++) {
                        int id = i;
                        Sender<Integer> tx = done.sender().clone();
                        hs.add(sim.spawn(() -> {
                            try (tx) {
                                started[id]++;
                                switch (sim.random().nextInt(4)) {
                                    case 0 -> Heddle.yieldNow();
                                    case 1 -> sim.sleep(Duration.ofMillis(sim.random().nextInt(3)));
                                    case 2 -> gate.acquire().close();
                                    default -> {
                                        JoinHandle<Void> child = sim.spawn(Heddle::yieldNow);
                                        child.join();
                                    }
                                }
                                finished[id]++;
                                tx.send(id);
                            }
                        }));
                    }
                    done.sender().close();
                    Heddle.yieldNow();
                    gate.addPermits(1);
                    int received = 0;
                    while (done.receiver().recv() != null) {
                        received++;
                    }
                    for (JoinHandle<Void> h : hs) {
                        h.join();
                    }
                    assertEquals(tasks, received, "seed " + s + ", " + w + " workers");
                    for (int i = 0; i < tasks; i++) {
                        assertEquals(1, started[i], "task " + i + " started, seed " + s + ", " + w + " workers");
                        assertEquals(1, finished[i], "task " + i + " finished, seed " + s + ", " + w + " workers");
                    }
                });
                assertTrue(r.tasks() >= 9, "seed " + s + ": " + r);
            }
        }
    }

    @Test
    void aWorkerRunIsDeterministic() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).workers(3).checkDeterminism(SimulationTest.WORKLOAD);
        }
    }

    @Test
    void workersAreValidatedAndPctNeedsTheSinglePool() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Simulation.ofSeed(1).workers(0));
        assertEquals("workers must be at least 1, was 0", zero.getMessage());
        IllegalArgumentException pct = assertThrows(IllegalArgumentException.class,
                () -> Simulation.ofSeed(1).workers(2).strategy(Strategy.PCT).run(sim -> { }));
        assertTrue(pct.getMessage().startsWith("strategy PCT cannot be combined with workers(2)"), pct.getMessage());
    }
}
