package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.runtime.TaskMeta;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code tokio/tests/task_hooks.rs}: the task hooks of {@link RuntimeBuilder}
 * ({@code onTaskSpawn}, {@code onTaskTerminate}, {@code onBeforeTaskPoll},
 * {@code onAfterTaskPoll}), which Tokio's tests set on runtimes they build themselves. A Heddle
 * task's poll is what it runs between two suspension points.
 */
class TaskHooksTest {
    private static final int TASKS = 8;
    private static final int ITERATIONS = 64;

    // Tokio: spawn_task_hook_fires, tokio/tests/task_hooks.rs
    // Real runtime: the hooks are set on a RuntimeBuilder, and the test spawns from outside its tasks
    @Test
    void spawnTaskHookFires() {
        AtomicInteger count = new AtomicInteger();
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        CancellationToken pending = new CancellationToken();
        try (HeddleRuntime rt = HeddleRuntime.currentThread().onTaskSpawn(meta -> {
            ids.add(meta.id());
            count.incrementAndGet();
        }).build()) {
            for (int i = 0; i < TASKS; i++) {
                rt.spawn(pending::awaitCancellation);
            }
            assertEquals(TASKS, count.get(), "spawn hook calls");
            assertEquals(TASKS, ids.size(), "distinct ids seen by the spawn hook");
        }
    }

    // Tokio: terminate_task_hook_fires, tokio/tests/task_hooks.rs
    // Real runtime: the hooks are set on a RuntimeBuilder
    @Test
    void terminateTaskHookFires() {
        AtomicInteger count = new AtomicInteger();
        try (HeddleRuntime rt = HeddleRuntime.currentThread().onTaskTerminate(meta -> count.incrementAndGet())
                .build()) {
            for (int i = 0; i < TASKS; i++) {
                rt.spawn(() -> { });
            }
            rt.blockOn(() -> {
                for (int i = 0; i < ITERATIONS; i++) {
                    Heddle.yieldNow();
                }
                return null;
            });
            // The task of blockOn has ended too, and is a task like the others here.
            assertEquals(TASKS + 1, count.get());
        }
    }

    // Tokio: task_hook_spawn_location_current_thread, tokio/tests/task_hooks.rs
    // Real runtime: the hooks are set on a RuntimeBuilder
    @Test
    void taskHookSpawnLocationCurrentThread() {
        spawnLocations(HeddleRuntime.currentThread(), "(current_thread)");
    }

    // Tokio: task_hook_spawn_location_multi_thread, tokio/tests/task_hooks.rs
    // Real runtime: the hooks are set on a RuntimeBuilder, here of a real multi-thread runtime
    @Test
    void taskHookSpawnLocationMultiThread() {
        spawnLocations(HeddleRuntime.multiThread(), "(multi_thread)");
    }

    /**
     * Spawns through the runtime and through {@code Heddle.spawn}: each hook sees this file as the
     * spawn location, the spawn hook twice, the poll hooks more than twice and as often before as
     * after.
     */
    private static void spawnLocations(RuntimeBuilder builder, String flavor) {
        AtomicInteger spawns = new AtomicInteger();
        AtomicInteger pollStarts = new AtomicInteger();
        AtomicInteger pollEnds = new AtomicInteger();
        HeddleRuntime rt = builder.onTaskSpawn(locationHook(flavor + " on_task_spawn", spawns))
                .onBeforeTaskPoll(locationHook(flavor + " on_before_task_poll", pollStarts))
                .onAfterTaskPoll(locationHook(flavor + " on_after_task_poll", pollEnds))
                .build();
        JoinHandle<Void> task = rt.spawn(Heddle::yieldNow);
        rt.blockOn(() -> {
            task.join();
            Heddle.spawn(() -> { }).join();
            for (int i = 0; i < ITERATIONS; i++) {
                Heddle.yieldNow();
            }
            return null;
        });
        assertTrue(rt.shutdown(Duration.ofSeconds(60)));
        assertEquals(2, spawns.get());
        assertTrue(pollStarts.get() > 2, "poll starts: " + pollStarts);
        assertEquals(pollStarts.get(), pollEnds.get());
    }

    /**
     * Counts the calls for tasks spawned from this file; a spawn location elsewhere fails the test.
     * The task of {@code blockOn} ({@code main}) is left out, as Tokio's {@code block_on} future is
     * no task.
     */
    private static Consumer<TaskMeta> locationHook(String event, AtomicInteger count) {
        return meta -> {
            if (meta.name().equals("main")) {
                return;
            }
            assertEquals("TaskHooksTest.java", meta.spawnedAt().getFileName(), "spawn location in " + event);
            count.incrementAndGet();
        };
    }

    // Tokio: task_hook_schedule_latency_non_poll_callbacks, tokio/tests/task_hooks.rs
    // Real runtime: the hooks are set on a RuntimeBuilder
    @Test
    void taskHookScheduleLatencyNonPollCallbacks() {
        AtomicInteger spawns = new AtomicInteger();
        AtomicInteger terminations = new AtomicInteger();
        try (HeddleRuntime rt = HeddleRuntime.currentThread().trackTaskScheduleLatency()
                .onTaskSpawn(meta -> {
                    assertNull(meta.scheduleLatency());
                    spawns.incrementAndGet();
                })
                .onTaskTerminate(meta -> {
                    assertNull(meta.scheduleLatency());
                    terminations.incrementAndGet();
                })
                .build()) {
            JoinHandle<Void> task = rt.spawn(() -> { });
            rt.blockOn(task::join);
            // The task of blockOn is spawned and ends too, unlike Tokio's block_on future.
            assertEquals(2, spawns.get());
            assertEquals(2, terminations.get());
        }
    }

    // Tokio: task_hook_schedule_latency_disabled, tokio/tests/task_hooks.rs
    // Real runtime: the hooks are set on a RuntimeBuilder
    @Test
    void taskHookScheduleLatencyDisabled() {
        AtomicInteger polls = new AtomicInteger();
        try (HeddleRuntime rt = HeddleRuntime.currentThread().onBeforeTaskPoll(meta -> {
            assertNull(meta.scheduleLatency());
            polls.incrementAndGet();
        }).build()) {
            JoinHandle<Void> task = rt.spawn(() -> { });
            rt.blockOn(task::join);
            assertTrue(polls.get() >= 2, "polls: " + polls);
        }
    }

    /**
     * A task spawned before {@code blockOn} cannot run until it drives the runtime: its first poll
     * waited at least the 50 ms the test spent before calling it; the after-poll hook sees the same.
     */
    // Tokio: task_hook_schedule_latency_current_thread, tokio/tests/task_hooks.rs
    // Real runtime: schedule latency is real time, measured on the hooks of a RuntimeBuilder
    @Test
    void taskHookScheduleLatencyCurrentThread() throws InterruptedException {
        AtomicLong target = new AtomicLong(-1);
        List<Duration> latencies = new CopyOnWriteArrayList<>();
        List<Duration> afterLatencies = new CopyOnWriteArrayList<>();
        try (HeddleRuntime rt = HeddleRuntime.currentThread().trackTaskScheduleLatency()
                .onBeforeTaskPoll(latencyHook(target, latencies))
                .onAfterTaskPoll(latencyHook(target, afterLatencies))
                .build()) {
            JoinHandle<Void> task = rt.spawn(() -> { });
            target.set(task.id());
            waitForElapsed(Duration.ofMillis(50));
            rt.blockOn(task::join);
        }
        assertEquals(1, latencies.size(), latencies.toString());
        assertTrue(latencies.getFirst().compareTo(Duration.ofMillis(25)) >= 0, latencies.toString());
        assertEquals(latencies, afterLatencies);
    }

    /**
     * One worker, held by a task that spins until the test releases it (Tokio's blocks its thread
     * on a std channel; a Heddle task waiting on a JDK queue would leave its worker, so it spins):
     * a task spawned meanwhile waits the 50 ms the test waits before releasing it.
     */
    // Tokio: task_hook_schedule_latency_multi_thread, tokio/tests/task_hooks.rs
    // Real runtime: schedule latency is real time, on a real multi-thread runtime's one worker
    @Test
    void taskHookScheduleLatencyMultiThread() throws InterruptedException {
        AtomicLong target = new AtomicLong(-1);
        List<Duration> latencies = new CopyOnWriteArrayList<>();
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(1).trackTaskScheduleLatency()
                .onBeforeTaskPoll(latencyHook(target, latencies)).build()) {
            CountDownLatch started = new CountDownLatch(1);
            AtomicBoolean released = new AtomicBoolean();
            JoinHandle<Void> blocker = rt.spawn(() -> {
                started.countDown();
                while (!released.get()) {
                    Thread.onSpinWait();
                }
            });
            started.await();
            JoinHandle<Void> task = rt.spawn(() -> { });
            target.set(task.id());
            waitForElapsed(Duration.ofMillis(50));
            released.set(true);
            rt.blockOn(() -> {
                blocker.join();
                task.join();
                return null;
            });
        }
        assertEquals(1, latencies.size(), latencies.toString());
        assertTrue(latencies.getFirst().compareTo(Duration.ofMillis(25)) >= 0, latencies.toString());
    }

    /**
     * A task spawned from a task goes to its worker's LIFO slot and runs only once the spawner
     * gives the worker up: 50 ms later, as the spawner holds its one worker for that long.
     */
    // Tokio: task_hook_schedule_latency_multi_thread_lifo, tokio/tests/task_hooks.rs
    // Real runtime: schedule latency is real time, on a real multi-thread runtime's one worker
    @Test
    void taskHookScheduleLatencyMultiThreadLifo() {
        AtomicLong target = new AtomicLong(-1);
        List<Duration> latencies = new CopyOnWriteArrayList<>();
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(1).trackTaskScheduleLatency()
                .onBeforeTaskPoll(latencyHook(target, latencies)).build()) {
            JoinHandle<Void> parent = rt.spawn(() -> {
                JoinHandle<Void> task = Heddle.spawn(() -> { });
                target.set(task.id());
                long until = System.nanoTime() + Duration.ofMillis(50).toNanos();
                while (System.nanoTime() < until) {
                    Thread.onSpinWait(); // holds the worker, as Tokio's std::thread::sleep does
                }
                task.join();
            });
            rt.blockOn(parent::join);
        }
        assertEquals(1, latencies.size(), latencies.toString());
        assertTrue(latencies.getFirst().compareTo(Duration.ofMillis(25)) >= 0, latencies.toString());
    }

    private static Consumer<TaskMeta> latencyHook(AtomicLong target, List<Duration> latencies) {
        return meta -> {
            if (meta.id() == target.get()) {
                latencies.add(meta.scheduleLatency());
            }
        };
    }

    /** Tokio's wait_for_elapsed: sleeps until at least {@code duration} has passed. */
    private static void waitForElapsed(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = until - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
