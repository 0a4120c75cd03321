package dev.heddle.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.JoinSet;
import dev.heddle.runtime.LocalSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** spawnLocal and blockInPlace in simulations that replay the multi-thread runtime's workers. */
class LocalTasksSimTest {

    private static int logicalWorker() {
        return Heddle.workerIndex().orElseThrow();
    }

    /**
     * As on the real runtime: local tasks wake from ordinary tasks that yield all the time and
     * are stolen around four logical workers, yet run every step on their spawner's worker.
     */
    @Test
    void a_local_task_runs_on_its_spawners_logical_worker_in_every_step_over_many_seeds() {
        int stolenAround = 0;
        for (long seed = 0; seed < 100; seed++) {
            List<String> away = new ArrayList<>();
            int[] workersSeen = new int[4];
            Simulation.ofSeed(seed).workers(4).run(sim -> {
                List<JoinHandle<Void>> all = new ArrayList<>();
                for (int l = 0; l < 2; l++) {
                    Channel<Integer> ch = Mpsc.bounded(2);
                    int spawning = logicalWorker();
                    all.add(Heddle.spawnLocal(() -> {
                        for (int i = 0; i < 30; i++) {
                            ch.receiver().recv();
                            if (logicalWorker() != spawning) {
                                away.add("message " + i + " on worker " + logicalWorker() + ", spawned on " + spawning);
                            }
                            Heddle.yieldNow();
                        }
                    }));
                    for (int p = 0; p < 3; p++) {
                        all.add(Heddle.spawn(() -> {
                            for (int y = 0; y < 20; y++) {
                                workersSeen[logicalWorker()]++;
                                Heddle.yieldNow();
                            }
                        }));
                    }
                    all.add(Heddle.spawn(() -> {
                        for (int i = 0; i < 30; i++) {
                            ch.sender().send(i);
                            Heddle.yieldNow();
                        }
                    }));
                }
                for (JoinHandle<Void> h : all) {
                    h.join();
                }
            });
            assertEquals(List.of(), away, "seed " + seed);
            int busy = 0;
            for (int w : workersSeen) {
                busy += w > 0 ? 1 : 0;
            }
            stolenAround += busy > 1 ? 1 : 0;
        }
        assertTrue(stolenAround > 75, "ordinary tasks ran on several logical workers in only " + stolenAround
                + " of 100 seeds: the test needs stealing around the local tasks");
    }

    @Test
    void pinned_schedules_replay_from_the_seed() {
        SimBody body = sim -> {
            List<JoinHandle<Integer>> hs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int v = i;
                hs.add(Heddle.spawnLocal(() -> {
                    Heddle.yieldNow();
                    return v;
                }));
                hs.add(Heddle.spawn(() -> {
                    Heddle.yieldNow();
                    return -v;
                }));
            }
            for (JoinHandle<Integer> h : hs) {
                h.join();
            }
        };
        for (long seed = 0; seed < 20; seed++) {
            Simulation.ofSeed(seed).workers(3).checkDeterminism(body);
        }
    }

    /**
     * With logical workers the blockInPlace body runs in its task's step; a body that waits on a
     * JDK latch parks its task, and the other tasks run and count the latch down.
     */
    @Test
    void block_in_place_runs_its_body_on_the_task_and_other_tasks_go_on_over_many_seeds() {
        for (long seed = 0; seed < 100; seed++) {
            int[] result = new int[1];
            Simulation.ofSeed(seed).workers(2).run(sim -> {
                CountDownLatch latch = new CountDownLatch(3);
                List<JoinHandle<Void>> others = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    others.add(Heddle.spawn(() -> {
                        Heddle.yieldNow();
                        latch.countDown();
                    }));
                }
                long taskId = Heddle.spawn(() -> Heddle.blockInPlace(() -> {
                    latch.await();
                    return Heddle.taskId();
                })).join();
                for (JoinHandle<Void> h : others) {
                    h.join();
                }
                result[0] = taskId > 0 ? 1 : 0;
            });
            assertEquals(1, result[0], "seed " + seed);
        }
    }

    @Test
    void block_in_place_without_logical_workers_fails_as_on_the_current_thread_runtime() {
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Simulation.ofSeed(1).run(sim -> {
            JoinException e = assertThrows(JoinException.class,
                    () -> Heddle.spawn(() -> Heddle.blockInPlace(() -> 1)).join());
            IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
            throw new AssertionError(cause.getMessage());
        }));
        assertTrue(f.getMessage().contains("can call blocking only when running on the multi-threaded runtime"),
                f.getMessage());
        assertTrue(f.getMessage().contains("spawnBlocking"), f.getMessage());
    }

    @Test
    void spawn_local_without_logical_workers_is_an_ordinary_task() {
        for (long seed = 0; seed < 20; seed++) {
            int[] v = new int[1];
            Simulation.ofSeed(seed).run(sim -> {
                v[0] = Heddle.spawnLocal(() -> 6 * 7).join();
            });
            assertEquals(42, v[0]);
        }
    }

    /** A LocalSet keeps what its tasks spawn with spawnLocal: join waits for it all, close aborts what is left. */
    @Test
    void a_local_set_joins_the_tasks_its_tasks_spawn_and_close_aborts_the_rest_over_many_seeds() {
        for (long seed = 0; seed < 50; seed++) {
            List<String> ran = new ArrayList<>();
            boolean[] aborted = new boolean[1];
            boolean[] started = new boolean[1];
            Simulation.ofSeed(seed).workers(3).run(sim -> {
                int worker = logicalWorker();
                LocalSet set = new LocalSet();
                set.spawnLocal(() -> {
                    Heddle.spawnLocal(() -> {
                        Heddle.yieldNow();
                        ran.add("nested on " + (logicalWorker() == worker));
                    });
                    Heddle.yieldNow();
                    ran.add("outer on " + (logicalWorker() == worker));
                });
                set.join();
                assertTrue(set.isIdle());
                JoinHandle<Void> forever;
                try (LocalSet other = new LocalSet()) {
                    forever = other.spawnLocal(() -> {
                        started[0] = true;
                        try {
                            Heddle.sleep(java.time.Duration.ofDays(1));
                        } finally {
                            aborted[0] = true;
                        }
                    });
                    while (!started[0]) {
                        Heddle.yieldNow();
                    }
                }
                JoinException e = assertThrows(JoinException.class, forever::join);
                assertTrue(e.isCancelled());
            });
            assertEquals(List.of("nested on true", "outer on true"), ran.stream().sorted().toList(), "seed " + seed);
            assertTrue(aborted[0], "seed " + seed);
        }
    }

    /**
     * The spawner of a set's tasks is an ordinary task, which moves between workers; the set's
     * tasks stay on the worker of its first one however far the spawner has moved.
     */
    @Test
    void every_task_of_a_local_set_runs_on_the_worker_of_its_first_task_over_many_seeds() {
        int spawnerMoved = 0;
        for (long seed = 0; seed < 100; seed++) {
            List<Integer> workers = new ArrayList<>();
            int[] spawnerWorkers = new int[2];
            Simulation.ofSeed(seed).workers(4).run(sim -> {
                LocalSet set = new LocalSet();
                spawnerWorkers[0] = logicalWorker();
                for (int i = 0; i < 5; i++) {
                    set.spawnLocal(() -> {
                        Heddle.yieldNow();
                        workers.add(logicalWorker());
                    });
                    for (int y = 0; y < 3; y++) {
                        Heddle.spawn(() -> Heddle.yieldNow());
                        Heddle.yieldNow();
                    }
                }
                spawnerWorkers[1] = logicalWorker();
                set.join();
            });
            assertEquals(5, workers.size(), "seed " + seed);
            assertEquals(1, workers.stream().distinct().count(), "seed " + seed + ": " + workers);
            spawnerMoved += spawnerWorkers[0] != spawnerWorkers[1] ? 1 : 0;
        }
        assertTrue(spawnerMoved > 20, "the spawner moved to another worker in only " + spawnerMoved + " of 100 seeds");
    }
    /**
     * A JoinSet's local task spawned in a task of a LocalSet belongs to that set as well, as
     * Tokio's does: it runs on the set's worker, what it spawns with spawnLocal joins the set, and
     * closing the set aborts it. spawnLocalOn puts a task in a given set from a task outside it.
     */
    @Test
    void a_join_sets_local_tasks_belong_to_the_local_set_they_are_spawned_in_or_on_over_many_seeds() {
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).workers(3).run(sim -> {
                List<String> ended = new ArrayList<>();
                int[] started = new int[1];
                LocalSet local = new LocalSet();
                JoinSet<Integer> joins = new JoinSet<>();
                int setWorker = local.runUntil(() -> {
                    joins.spawnLocal(() -> {
                        Heddle.spawnLocal(() -> sleepForever(started, ended, "child of spawnLocal"));
                        return logicalWorker();
                    });
                    return logicalWorker();
                });
                joins.spawnLocalOn(() -> sleepForever(started, ended, "spawnLocalOn"), local);
                joins.spawnLocalOn(() -> logicalWorker(), local);
                assertEquals(setWorker, joins.joinNext());
                assertEquals(setWorker, joins.joinNext());
                assertEquals(1, joins.size());
                // A task aborted before it first runs runs no finally block: let both start.
                while (started[0] < 2) {
                    Heddle.yieldNow();
                }
                local.close();
                JoinException e = assertThrows(JoinException.class, joins::joinNext);
                assertTrue(e.isCancelled(), e.getMessage());
                local.join();
                assertEquals(List.of("child of spawnLocal", "spawnLocalOn"), ended.stream().sorted().toList(),
                        "closing the LocalSet left a task spawned in it running");
            });
        }
    }

    private static int sleepForever(int[] started, List<String> ended, String name) {
        started[0]++;
        try {
            Heddle.sleep(java.time.Duration.ofDays(365));
        } finally {
            ended.add(name);
        }
        return -1;
    }
}
