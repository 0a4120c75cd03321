package dev.heddle.runtime.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.Handle;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeMetrics;
import dev.heddle.runtime.internal.RuntimeAccess;
import dev.heddle.runtime.internal.WorkerPoolCarrier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** spawnLocal's pinning and blockInPlace's hand-off on the real work-stealing scheduler. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalTasksAndBlockInPlaceTest {

    private static WorkStealingScheduler scheduler(HeddleRuntime rt) {
        return ((WorkerPoolCarrier) RuntimeAccess.carrier(rt)).scheduler();
    }

    /**
     * Local tasks wait on a channel fed by ordinary tasks that yield all the time, while the
     * spawner's worker has a thousand stealable tasks queued: the ordinary tasks are stolen
     * around the workers and wake the local ones from wherever they run, yet every local task
     * resumes, each of its thousand times, on the thread of the worker that spawned it.
     */
    @Test
    void a_local_task_always_runs_on_the_spawning_workers_thread_while_everything_around_it_is_stolen() {
        int locals = 4;
        int messages = 1_000;
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(4).build()) {
            WorkStealingScheduler scheduler = scheduler(rt);
            List<String> moves = rt.blockOn(() -> Heddle.spawn(() -> {
                List<String> moved = new ArrayList<>();
                List<JoinHandle<List<String>>> localTasks = new ArrayList<>();
                List<JoinHandle<Void>> others = new ArrayList<>();
                for (int l = 0; l < locals; l++) {
                    Channel<Integer> ch = Mpsc.bounded(4);
                    WorkerThread spawning = WorkerThread.currentOf(scheduler);
                    localTasks.add(Heddle.spawnLocal(() -> {
                        List<String> away = new ArrayList<>();
                        for (int i = 0; i < messages; i++) {
                            ch.receiver().recv();
                            WorkerThread here = WorkerThread.currentOf(scheduler);
                            if (here != spawning) {
                                away.add("message " + i + " on " + here + ", spawned on " + spawning);
                            }
                        }
                        return away;
                    }));
                    others.add(Heddle.spawn(() -> {
                        for (int i = 0; i < messages; i++) {
                            ch.sender().send(i);
                            Heddle.yieldNow();
                        }
                    }));
                    for (int i = 0; i < 250; i++) {
                        others.add(Heddle.spawn(() -> {
                            for (int y = 0; y < 20; y++) {
                                Heddle.yieldNow();
                            }
                        }));
                    }
                }
                for (JoinHandle<List<String>> h : localTasks) {
                    moved.addAll(h.join());
                }
                for (JoinHandle<Void> h : others) {
                    h.join();
                }
                return moved;
            }).join());
            assertEquals(List.of(), moves, "local tasks ran away from their worker");
            RuntimeMetrics m = rt.metrics();
            assertTrue(m.steals() > 0, "the test needs steals around the local tasks: " + m);
            assertEquals(m.remoteSchedules() + m.localSchedules(), m.polls(),
                    "every submission ran once, pinned ones included: " + m);
        }
    }

    /**
     * One worker: a task blocks its thread until a task queued behind it on the same worker has
     * run. Without the hand-off that task could never run; with it, a replacement thread takes
     * the worker's core and runs it, while the blocking task's thread stays blocked.
     */
    @Test
    void block_in_place_hands_the_workers_queued_tasks_to_a_replacement_thread() throws Exception {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(1).build()) {
            WorkStealingScheduler scheduler = scheduler(rt);
            CountDownLatch queuedTaskRan = new CountDownLatch(1);
            AtomicReference<Thread> queuedOn = new AtomicReference<>();
            AtomicReference<Thread> blockedOn = new AtomicReference<>();
            String result = rt.blockOn(() -> Heddle.spawn(() -> {
                JoinHandle<Void> queued = Heddle.spawn(() -> {
                    queuedOn.set(WorkerThread.currentOf(scheduler));
                    queuedTaskRan.countDown();
                });
                blockedOn.set(WorkerThread.currentOf(scheduler));
                return Heddle.blockInPlace(() -> {
                    assertEquals(null, WorkerThread.currentOf(scheduler), "the blocking thread is no worker now");
                    // Blocks the thread itself, as a native call or a spinning library would.
                    while (queuedTaskRan.getCount() > 0) {
                        Thread.onSpinWait();
                    }
                    queued.join();
                    return "unblocked";
                });
            }).join());
            assertEquals("unblocked", result);
            assertTrue(queuedOn.get() != null, "the queued task ran on a worker");
            assertNotSame(blockedOn.get(), queuedOn.get(),
                    "the queued task ran on the replacement, not on the blocked thread");
            assertEquals(1, rt.metrics().workers());
            // The replacement is a full worker: more tasks run on it.
            assertEquals(42, rt.blockOn(() -> Heddle.spawn(() -> 42).join()));
        }
    }

    /**
     * Other tasks keep running, on every worker, while a blockInPlace body holds its thread
     * waiting on a latch that those tasks count down.
     */
    @Test
    void other_tasks_keep_running_while_a_block_in_place_body_waits_on_a_latch() {
        int tasks = 200;
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            CountDownLatch allRan = new CountDownLatch(tasks);
            long left = rt.blockOn(() -> {
                List<JoinHandle<Void>> spawned = new ArrayList<>();
                for (int i = 0; i < tasks; i++) {
                    spawned.add(Heddle.spawn(() -> {
                        Heddle.yieldNow();
                        allRan.countDown();
                    }));
                }
                long count = Heddle.blockInPlace(() -> {
                    while (allRan.getCount() > 0) {
                        Thread.onSpinWait();
                    }
                    return allRan.getCount();
                });
                for (JoinHandle<Void> h : spawned) {
                    h.join();
                }
                return count;
            });
            assertEquals(0, left);
        }
    }

    @Test
    void block_in_place_nests_and_lets_its_body_block_on_the_runtime_again() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int v = rt.blockOn(() -> Heddle.spawn(() -> Heddle.blockInPlace(() -> Heddle.blockInPlace(
                    () -> Handle.current().blockOn(() -> Heddle.spawn(() -> 7).join()) * 6))).join());
            assertEquals(42, v);
        }
    }

    @Test
    void a_local_task_may_not_block_in_place_and_the_error_says_why() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            JoinException failed = assertThrows(JoinException.class,
                    () -> rt.blockOn(() -> Heddle.spawnLocal(() -> Heddle.blockInPlace(() -> 1)).join()));
            IllegalStateException e = assertInstanceOf(IllegalStateException.class, failed.getCause());
            assertTrue(e.getMessage().startsWith("can call blocking only when running on the multi-threaded runtime"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("spawnLocal task"), e.getMessage());
        }
    }

    @Test
    void spawn_local_inside_block_in_place_fails_with_the_reason() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> rt.blockOn(() -> Heddle.blockInPlace(() -> Heddle.spawnLocal(() -> 1))));
            assertTrue(e.getMessage().contains("inside blockInPlace"), e.getMessage());
        }
    }

    @Test
    void a_local_task_started_on_a_worker_keeps_its_thread_across_parks_and_joins() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(4).build()) {
            WorkStealingScheduler scheduler = scheduler(rt);
            rt.blockOn(() -> {
                WorkerThread spawning = WorkerThread.currentOf(scheduler);
                JoinHandle<WorkerThread> nested = Heddle.spawnLocal(() -> Heddle.spawnLocal(
                        () -> Heddle.spawnLocal(() -> WorkerThread.currentOf(scheduler)).join()).join());
                assertSame(spawning, nested.join(), "nested local tasks stay on the first spawner's worker");
                return null;
            });
        }
    }
}
