package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.LocalSet;
import dev.heddle.select.Join;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/task_id.rs}: {@code task::id()} is {@link Heddle#taskId()},
 * {@code task::try_id()} {@link Heddle#tryTaskId()}, {@code JoinHandle::id()} the handle's id. A
 * future's destructor, which runs in its task, is the task's {@code finally} block. The body of
 * {@code block_on} (so of a test) is no task, in Heddle as in Tokio.
 */
class TaskIdTest {

    // Tokio: task_id_spawn, tokio/tests/task_id.rs
    @CurrentThreadTest
    void taskIdSpawn() {
        JoinHandle<Long> h = Heddle.spawn(Heddle::taskId);
        assertEquals(h.id(), h.join());
    }

    // Tokio: task_id_spawn_blocking, tokio/tests/task_id.rs
    @CurrentThreadTest
    void taskIdSpawnBlocking() {
        JoinHandle<Long> h = Heddle.spawnBlocking(Heddle::taskId);
        assertEquals(h.id(), h.join());
    }

    // Tokio: task_id_collision_current_thread, tokio/tests/task_id.rs
    @CurrentThreadTest
    void taskIdCollisionCurrentThread() {
        JoinHandle<Long> handle1 = Heddle.spawn(Heddle::taskId);
        JoinHandle<Long> handle2 = Heddle.spawn(Heddle::taskId);
        var ids = Join.join(handle1::join, handle2::join);
        assertNotEquals(ids.first(), ids.second());
    }

    // Tokio: task_id_collision_multi_thread, tokio/tests/task_id.rs
    @MultiThreadTest
    void taskIdCollisionMultiThread() {
        JoinHandle<Long> handle1 = Heddle.spawn(Heddle::taskId);
        JoinHandle<Long> handle2 = Heddle.spawn(Heddle::taskId);
        var ids = Join.join(handle1::join, handle2::join);
        assertNotEquals(ids.first(), ids.second());
    }

    private static void taskIdsMatch() {
        var ch = Oneshot.<Long>channel();
        JoinHandle<Void> handle = Heddle.spawn(() -> {
            long id = ch.receiver().recv();
            assertEquals(id, Heddle.taskId());
        });
        ch.sender().send(handle.id());
        handle.join();
    }

    // Tokio: task_ids_match_current_thread, tokio/tests/task_id.rs
    @CurrentThreadTest
    void taskIdsMatchCurrentThread() {
        taskIdsMatch();
    }

    // Tokio: task_ids_match_multi_thread, tokio/tests/task_id.rs
    @MultiThreadTest
    void taskIdsMatchMultiThread() {
        taskIdsMatch();
    }

    // Tokio: task_id_future_destructor_completion, tokio/tests/task_id.rs
    @MultiThreadTest
    void taskIdFutureDestructorCompletion() {
        var ch = Oneshot.<Long>channel();
        JoinHandle<Void> handle = Heddle.spawn(() -> {
            try {
                return;
            } finally {
                ch.sender().send(Heddle.taskId());
            }
        });
        long id = handle.id();
        handle.join();
        assertEquals(id, ch.receiver().recv());
    }

    /**
     * Tokio may abort the task before its first poll and still drops the future in the task; a
     * Heddle task aborted before it starts never runs its body, so the test lets it start (its
     * future is pending forever either way) before the abort.
     */
    // Tokio: task_id_future_destructor_abort, tokio/tests/task_id.rs
    @MultiThreadTest
    void taskIdFutureDestructorAbort() {
        var ch = Oneshot.<Long>channel();
        AtomicBoolean polled = new AtomicBoolean();
        JoinHandle<Void> handle = Heddle.spawn(() -> {
            try {
                polled.set(true);
                Heddle.sleep(Duration.ofDays(365));
            } finally {
                ch.sender().send(Heddle.taskId());
            }
        });
        long id = handle.id();
        while (!polled.get()) {
            Heddle.yieldNow();
        }
        handle.abort();
        assertTrue(assertThrows(JoinException.class, handle::join).isCancelled());
        assertEquals(id, ch.receiver().recv());
    }

    // Tokio: task_try_id_outside_task, tokio/tests/task_id.rs
    // Real runtime: no runtime at all, the test's own thread.
    @Test
    void taskTryIdOutsideTask() {
        assertTrue(Heddle.tryTaskId().isEmpty());
    }

    // Tokio: task_try_id_inside_block_on, tokio/tests/task_id.rs
    @MultiThreadTest
    void taskTryIdInsideBlockOn() {
        assertTrue(Heddle.tryTaskId().isEmpty());
    }

    // Tokio: task_id_spawn_local, tokio/tests/task_id.rs
    @CurrentThreadTest
    void taskIdSpawnLocal() {
        new LocalSet().runUntil(() -> {
            JoinHandle<Long> h = Heddle.spawnLocal(Heddle::taskId);
            assertEquals(h.id(), h.join());
            return null;
        });
    }

    // Tokio: task_id_nested_spawn_local, tokio/tests/task_id.rs
    @CurrentThreadTest
    void taskIdNestedSpawnLocal() {
        new LocalSet().runUntil(() -> Heddle.spawnLocal(() -> {
            long parentId = Heddle.taskId();
            new LocalSet().runUntil(() -> Heddle.spawnLocal(() -> assertNotEquals(parentId, Heddle.taskId())).join());
            assertEquals(parentId, Heddle.taskId());
        }).join());
    }

    // Tokio: task_id_block_in_place_block_on_spawn, tokio/tests/task_id.rs
    // Real runtime: builds and drives a second, real runtime from inside blockInPlace.
    @Test
    void taskIdBlockInPlaceBlockOnSpawn() {
        try (HeddleRuntime outer = HeddleRuntime.multiThread().workerThreads(2).build()) {
            outer.blockOn(() -> Heddle.spawn(() -> {
                long parentId = Heddle.taskId();
                Heddle.blockInPlace(() -> {
                    try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
                        JoinHandle<Void> inner = rt.spawn(() -> assertNotEquals(parentId, Heddle.taskId()));
                        rt.blockOn(inner::join);
                    }
                });
                assertEquals(parentId, Heddle.taskId());
            }).join());
        }
    }
}
