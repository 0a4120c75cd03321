package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.RuntimeBuilder;
import dev.heddle.runtime.TaskMeta;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
}
