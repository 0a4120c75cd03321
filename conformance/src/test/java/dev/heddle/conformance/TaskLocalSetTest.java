package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.LocalSet;
import dev.heddle.select.Select;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/task_local_set.rs}. A {@code LocalSet} is Heddle's {@link LocalSet};
 * {@code run_until(f)} runs {@code f} as a local task of the set ({@link LocalSet#runUntil}),
 * {@code local.await} is {@link LocalSet#join()} and dropping the set is {@link LocalSet#close()}.
 * Tokio's thread-local {@code ON_RT_THREAD} flag, set on the thread that runs the set, becomes the
 * worker that runs it ({@link Heddle#workerIndex()}): Heddle's tasks are virtual threads, so a
 * {@code ThreadLocal} belongs to one task, and what a local task keeps is its worker (its logical
 * worker in simulation). In Heddle a set's tasks run as soon as they are spawned, on the worker of
 * the spawning task, so a set is used inside a task.
 */
class TaskLocalSetTest {
    private static final String BLOCKING_ONLY_MULTI_THREADED =
            "can call blocking only when running on the multi-threaded runtime";

    private static int worker() {
        return Heddle.workerIndex().orElseThrow();
    }

    /** The innermost cause: a failure inside a local task inside {@code runUntil} comes wrapped once per join. */
    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause instanceof JoinException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void assertBlockInPlacePanic(Throwable e) {
        Throwable cause = assertInstanceOf(IllegalStateException.class, rootCause(e));
        assertTrue(cause.getMessage().startsWith(BLOCKING_ONLY_MULTI_THREADED), cause.getMessage());
    }

    // Tokio: local_current_thread_scheduler, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void localCurrentThreadScheduler() {
        new LocalSet().runUntil(() -> Heddle.spawnLocal(() -> { }).join());
    }

    // Tokio: local_threadpool, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void localThreadpool() {
        int onRtThread = worker();
        new LocalSet().runUntil(() -> {
            assertEquals(onRtThread, worker());
            Heddle.spawnLocal(() -> assertEquals(onRtThread, worker())).join();
            return null;
        });
    }

    // Tokio: localset_future_threadpool, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void localsetFutureThreadpool() {
        int onLocalThread = worker();
        LocalSet local = new LocalSet();
        JoinHandle<Void> task = local.spawnLocal(() -> assertEquals(onLocalThread, worker()));
        local.join();
        task.join();
    }

    // Tokio: localset_future_timers, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void localsetFutureTimers() {
        AtomicBoolean ran1 = new AtomicBoolean();
        AtomicBoolean ran2 = new AtomicBoolean();
        LocalSet local = new LocalSet();
        local.spawnLocal(() -> {
            Heddle.sleep(Duration.ofMillis(5));
            ran1.set(true);
        });
        local.spawnLocal(() -> {
            Heddle.sleep(Duration.ofMillis(10));
            ran2.set(true);
        });
        local.join();
        assertTrue(ran1.get());
        assertTrue(ran2.get());
    }

    // Tokio: localset_future_drives_all_local_futs, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void localsetFutureDrivesAllLocalFuts() {
        AtomicBoolean ran1 = new AtomicBoolean();
        AtomicBoolean ran2 = new AtomicBoolean();
        AtomicBoolean ran3 = new AtomicBoolean();
        LocalSet local = new LocalSet();
        local.spawnLocal(() -> {
            Heddle.spawnLocal(() -> {
                Heddle.yieldNow();
                ran3.set(true);
            });
            Heddle.yieldNow();
            ran1.set(true);
        });
        local.spawnLocal(() -> {
            Heddle.yieldNow();
            ran2.set(true);
        });
        local.join();
        assertTrue(ran1.get());
        assertTrue(ran2.get());
        assertTrue(ran3.get(), "the set's join waits for what its tasks spawned with spawnLocal");
    }

    // Tokio: local_threadpool_timer, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void localThreadpoolTimer() {
        int onRtThread = worker();
        new LocalSet().runUntil(() -> {
            assertEquals(onRtThread, worker());
            Heddle.spawnLocal(() -> {
                assertEquals(onRtThread, worker());
                Heddle.sleep(Duration.ofMillis(10));
                assertEquals(onRtThread, worker());
            }).join();
            return null;
        });
    }

    /** Tokio spawns before the set runs through an enter guard; here the spawn comes before runUntil. */
    // Tokio: enter_guard_spawn, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void enterGuardSpawn() {
        LocalSet local = new LocalSet();
        JoinHandle<Boolean> join = local.spawnLocal(() -> true);
        assertTrue(local.runUntil(join::join));
    }

    // Tokio: local_threadpool_blocking_in_place, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void localThreadpoolBlockingInPlace() {
        int onRtThread = worker();
        LocalSet local = new LocalSet();
        JoinException e = assertThrows(JoinException.class, () -> local.runUntil(() -> {
            assertEquals(onRtThread, worker());
            return Heddle.spawnLocal(() -> {
                assertEquals(onRtThread, worker());
                Heddle.blockInPlace(() -> { });
                assertEquals(onRtThread, worker());
            }).join();
        }));
        assertBlockInPlacePanic(e);
    }

    // Tokio: block_in_place_in_run_until_mt, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void blockInPlaceInRunUntilMt() {
        JoinException e = assertThrows(JoinException.class,
                () -> new LocalSet().runUntil(() -> Heddle.blockInPlace(() -> 1)));
        assertBlockInPlacePanic(e);
    }

    // Tokio: block_in_place_in_spawn_local_mt, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void blockInPlaceInSpawnLocalMt() {
        blockInPlaceInSpawnLocal();
    }

    // Tokio: block_in_place_in_spawn_local_drop_mt, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void blockInPlaceInSpawnLocalDropMt() {
        blockInPlaceInSpawnLocalDrop();
    }

    // Tokio: block_in_place_in_run_until_ct, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void blockInPlaceInRunUntilCt() {
        JoinException e = assertThrows(JoinException.class,
                () -> new LocalSet().runUntil(() -> Heddle.blockInPlace(() -> 1)));
        assertBlockInPlacePanic(e);
    }

    // Tokio: block_in_place_in_spawn_local_ct, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void blockInPlaceInSpawnLocalCt() {
        blockInPlaceInSpawnLocal();
    }

    // Tokio: block_in_place_in_spawn_local_drop_ct, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void blockInPlaceInSpawnLocalDropCt() {
        blockInPlaceInSpawnLocalDrop();
    }

    private static void blockInPlaceInSpawnLocal() {
        LocalSet local = new LocalSet();
        JoinHandle<Void> jh = local.spawnLocal(() -> Heddle.blockInPlace(() -> { }));
        local.join();
        assertBlockInPlacePanic(assertThrows(JoinException.class, jh::join));
    }

    /**
     * Tokio's {@code BlockInPlaceOnDrop} is pending forever and calls block_in_place when dropped;
     * Java's drop is the finally block that runs when the set's close aborts the task.
     */
    private static void blockInPlaceInSpawnLocalDrop() {
        LocalSet local = new LocalSet();
        AtomicBoolean polled = new AtomicBoolean();
        JoinHandle<Void> jh = local.spawnLocal(() -> {
            polled.set(true);
            try {
                Heddle.sleep(Duration.ofDays(365));
            } finally {
                Heddle.blockInPlace(() -> { });
            }
        });
        local.runUntil(() -> {
            while (!polled.get()) {
                Heddle.yieldNow();
            }
            return null;
        });
        local.close();
        assertBlockInPlacePanic(assertThrows(JoinException.class, jh::join));
    }

    // Tokio: local_threadpool_blocking_run, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void localThreadpoolBlockingRun() {
        int onRtThread = worker();
        new LocalSet().runUntil(() -> {
            assertEquals(onRtThread, worker());
            Heddle.spawnLocal(() -> {
                assertEquals(onRtThread, worker());
                OptionalInt blockingOn = Heddle.spawnBlocking(Heddle::workerIndex).join();
                assertNotEquals(OptionalInt.of(onRtThread), blockingOn,
                        "blocking must not run on the local task set's thread");
                assertEquals(onRtThread, worker());
            }).join();
            return null;
        });
    }

    // Tokio: all_spawns_are_local, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void allSpawnsAreLocal() {
        int onRtThread = worker();
        new LocalSet().runUntil(() -> {
            assertEquals(onRtThread, worker());
            List<JoinHandle<Void>> handles = new ArrayList<>();
            for (int i = 0; i < 128; i++) {
                handles.add(Heddle.spawnLocal(() -> assertEquals(onRtThread, worker())));
            }
            for (JoinHandle<Void> h : handles) {
                h.join();
            }
            return null;
        });
    }

    // Tokio: nested_spawn_is_local, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void nestedSpawnIsLocal() {
        int onRtThread = worker();
        new LocalSet().runUntil(() -> {
            assertEquals(onRtThread, worker());
            return Heddle.spawnLocal(() -> {
                assertEquals(onRtThread, worker());
                Heddle.spawnLocal(() -> {
                    assertEquals(onRtThread, worker());
                    Heddle.spawnLocal(() -> {
                        assertEquals(onRtThread, worker());
                        Heddle.spawnLocal(() -> assertEquals(onRtThread, worker())).join();
                    }).join();
                }).join();
            }).join();
        });
    }

    /**
     * Tokio's set runs on the thread of {@code block_on}, which is no worker, so "the spawned task
     * is on a worker" there means "not on the set's thread". Heddle's set runs on a worker, and
     * an ordinary task may run on any worker; what stays is that the local task runs on its
     * set's worker though it is awaited from another task, and that the spawned one runs on a worker.
     */
    // Tokio: join_local_future_elsewhere, tokio/tests/task_local_set.rs
    @MultiThreadTest
    void joinLocalFutureElsewhere() {
        int onRtThread = worker();
        LocalSet local = new LocalSet();
        local.runUntil(() -> {
            var ch = Oneshot.<Boolean>channel();
            String onLocalThread = "local task must run on local thread, no matter where it is awaited";
            JoinHandle<String> join = Heddle.spawnLocal(() -> {
                assertEquals(onRtThread, worker(), onLocalThread);
                ch.receiver().recv();
                assertEquals(onRtThread, worker(), onLocalThread);
                return "hello world";
            });
            JoinHandle<Void> join2 = Heddle.spawn(() -> {
                assertTrue(Heddle.workerIndex().isPresent(), "spawned task should be on a worker");
                ch.sender().send(true);
                assertEquals("hello world", join.join(), "task should complete successfully");
            });
            join2.join();
            return null;
        });
    }

    /** Tokio's Rc counts the references the task's future holds; here the task's finally releases its one. */
    // Tokio: drop_cancels_tasks, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void dropCancelsTasks() {
        AtomicInteger strongCount = new AtomicInteger(1);
        var started = Oneshot.<Boolean>channel();
        LocalSet local = new LocalSet();
        strongCount.incrementAndGet();
        JoinHandle<Void> task = local.spawnLocal(() -> {
            try {
                started.sender().send(true);
                Heddle.sleep(Duration.ofDays(365));
            } finally {
                strongCount.decrementAndGet();
            }
        });
        local.runUntil(() -> started.receiver().recv());
        local.close();
        assertTrue(assertThrows(JoinException.class, task::join).isCancelled());
        assertEquals(1, strongCount.get());
    }

    // Tokio: drop_cancels_remote_tasks, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void dropCancelsRemoteTasks() {
        Channel<Boolean> ch = Mpsc.bounded(1024);
        LocalSet local = new LocalSet();
        JoinHandle<Void> receiving = local.spawnLocal(() -> {
            while (ch.receiver().recv() != null) {
                // drain
            }
        });
        local.runUntil(() -> {
            Heddle.sleep(Duration.ofMillis(1));
            return null;
        });
        ch.sender().close();
        // Tokio's drop entered an endless loop when the remote wake-up was not cancelled.
        local.close();
        local.join();
        assertTrue(receiving.isFinished());
    }

    // Tokio: local_tasks_wake_join_all, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void localTasksWakeJoinAll() {
        LocalSet set = new LocalSet();
        List<JoinHandle<Void>> handles = new ArrayList<>();
        for (int i = 1; i <= 128; i++) {
            handles.add(set.spawnLocal(() -> Heddle.spawnLocal(() -> { }).join()));
        }
        set.runUntil(() -> {
            for (JoinHandle<Void> h : handles) {
                h.join();
            }
            return null;
        });
    }

    /** Tokio runs the inner test up to five times as it depends on real time; virtual time does not need that. */
    // Tokio: local_tasks_are_polled_after_tick, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void localTasksArePolledAfterTick() {
        AtomicInteger rx1 = new AtomicInteger();
        AtomicInteger rx2 = new AtomicInteger();
        int expected = 500;
        Channel<dev.heddle.channel.oneshot.Receiver<Boolean>> ch = Mpsc.unbounded();
        new LocalSet().runUntil(() -> {
            JoinHandle<Void> task2 = Heddle.spawn(() -> {
                try (var tx = ch.sender()) {
                    Heddle.sleep(Duration.ofMillis(10));
                    List<dev.heddle.channel.oneshot.Sender<Boolean>> oneshots = new ArrayList<>(expected);
                    for (int i = 0; i < expected; i++) {
                        var oneshot = Oneshot.<Boolean>channel();
                        oneshots.add(oneshot.sender());
                        tx.send(oneshot.receiver());
                    }
                    Heddle.sleep(Duration.ofMillis(10));
                    for (var oneshotTx : oneshots) {
                        oneshotTx.send(true);
                    }
                    while (true) {
                        Heddle.sleep(Duration.ofMillis(20));
                        if (rx1.get() == expected && rx2.get() == expected) {
                            break;
                        }
                    }
                }
            });
            dev.heddle.channel.oneshot.Receiver<Boolean> oneshot;
            while ((oneshot = ch.receiver().recv()) != null) {
                rx1.incrementAndGet();
                var received = oneshot;
                Heddle.spawnLocal(() -> {
                    received.recv();
                    rx2.incrementAndGet();
                });
            }
            task2.join();
            return null;
        });
    }

    // Tokio: acquire_mutex_in_drop, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void acquireMutexInDrop() {
        var ch1 = Oneshot.<Boolean>channel();
        var ch2 = Oneshot.<Boolean>channel();
        LocalSet local = new LocalSet();
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        tasks.add(local.spawnLocal(() -> {
            ch2.receiver().recv();
            throw new AssertionError("unreachable");
        }));
        tasks.add(local.spawnLocal(() -> {
            ch1.receiver().recv();
            ch2.sender().send(true);
            throw new AssertionError("unreachable");
        }));
        // A task that will never notify.
        tasks.add(local.spawnLocal(() -> {
            Heddle.sleep(Duration.ofDays(365));
            ch1.sender().send(true);
        }));
        local.runUntil(() -> {
            Heddle.yieldNow();
            return null;
        });
        local.close();
        for (JoinHandle<Void> t : tasks) {
            assertTrue(assertThrows(JoinException.class, t::join).isCancelled());
        }
    }

    // Tokio: spawn_wakes_localset, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void spawnWakesLocalset() {
        LocalSet local = new LocalSet();
        JoinHandle<Integer> running = Heddle.spawn(() -> local.runUntil(() -> {
            Heddle.sleep(Duration.ofDays(365));
            return -1;
        }));
        JoinHandle<Integer> spawned = Heddle.spawn(() -> local.spawnLocal(() -> 1).join());
        int ret = Select.<Integer>select()
                .join(running, v -> {
                    throw new AssertionError("unreachable");
                })
                .join(spawned, v -> v)
                .run();
        assertEquals(1, ret);
        // Tokio drops the set, and the run_until future with it, at the end of the test.
        running.abort();
        local.close();
    }

    // Tokio: sleep_with_local_enter_guard, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void sleepWithLocalEnterGuard() {
        LocalSet local = new LocalSet();
        var ch = Oneshot.<Boolean>channel();
        local.runUntil(() -> {
            Heddle.spawnLocal(() -> {
                Heddle.sleep(Duration.ZERO);
                ch.sender().send(true);
            });
            assertEquals(true, ch.receiver().recv());
            return null;
        });
    }

    /**
     * Tokio keeps a current-thread runtime and a LocalSet in a thread_local! and uses them from a
     * method; Java keeps them in a ThreadLocal of the test thread.
     */
    // Tokio: store_local_set_in_thread_local_with_runtime, tokio/tests/task_local_set.rs
    // Real runtime: a current-thread runtime built and driven by the test's own thread.
    @Test
    void storeLocalSetInThreadLocalWithRuntime() {
        record RtAndLocalSet(HeddleRuntime rt, LocalSet local) {
            void method() {
                rt.blockOn(() -> local.runUntil(() -> Heddle.spawnLocal(() -> { })));
            }
        }
        ThreadLocal<RtAndLocalSet> current = ThreadLocal.withInitial(
                () -> new RtAndLocalSet(HeddleRuntime.currentThread().build(), new LocalSet()));
        try {
            current.get().method();
        } finally {
            current.get().rt().close();
        }
    }

    /** Tokio's {@code UnhandledPanic::ShutdownRuntime} is {@link LocalSet#shutdownOnUnhandledFailure()}. */
    // Tokio: shutdown_on_panic, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void shutdownOnPanic() {
        LocalSet local = new LocalSet().shutdownOnUnhandledFailure();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> local.runUntil(() -> {
            Heddle.spawnLocal(() -> {
                throw new IllegalStateException("boom");
            });
            Heddle.sleep(Duration.ofDays(365));
            return null;
        }));
        assertTrue(e.getMessage().startsWith(
                "a spawned task failed and the LocalSet is configured to shut down on an unhandled failure"),
                e.getMessage());
    }

    /**
     * A {@code run_until} body runs on what is left of its caller's cooperative budget, while a
     * spawned task starts with a full one. Tokio polls each loop once; here each loop counts the
     * units it spends before the budget would make it yield.
     */
    // Tokio: run_until_does_not_get_own_budget, tokio/tests/task_local_set.rs
    @CurrentThreadTest
    void runUntilDoesNotGetOwnBudget() {
        Heddle.consumeBudget();
        new LocalSet().runUntil(() -> {
            JoinHandle<Integer> spawned = Heddle.spawn(TaskLocalSetTest::unitsBeforeTheBudgetYields);
            int runUntilN = unitsBeforeTheBudgetYields();
            int spawnedN = spawned.join();
            assertNotEquals(0, spawnedN);
            assertNotEquals(0, runUntilN);
            assertTrue(spawnedN > runUntilN, "spawned " + spawnedN + ", run_until body " + runUntilN);
            return null;
        });
    }

    private static int unitsBeforeTheBudgetYields() {
        int n = 0;
        while (Heddle.hasBudgetRemaining()) {
            n++;
            Heddle.consumeBudget();
        }
        return n;
    }
}
