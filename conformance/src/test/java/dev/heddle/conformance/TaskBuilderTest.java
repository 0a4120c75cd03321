package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.LocalSet;

/**
 * Tokio's {@code tokio/tests/task_builder.rs}: Tokio's {@code task::Builder} with or without a
 * name is Heddle's {@code spawn}, {@code spawnBlocking} and {@code spawnLocal} with or without
 * a name; the name is also checked on the handle. Tokio's {@code LocalRuntime} is a
 * current-thread runtime, where every task is local.
 */
class TaskBuilderTest {

    // Tokio: spawn_with_name, tokio/tests/task_builder.rs
    @CurrentThreadTest
    void spawnWithName() {
        JoinHandle<String> h = Heddle.spawn("name", () -> "task executed");
        assertEquals("task executed", h.join());
        assertEquals("name", h.name());
    }

    // Tokio: spawn_local_on_local_runtime, tokio/tests/task_builder.rs
    @CurrentThreadTest
    void spawnLocalOnLocalRuntime() {
        assertEquals("task executed", Heddle.spawnLocal(() -> "task executed").join());
    }

    /**
     * Tokio refuses spawn_local where nothing keeps local tasks (no LocalSet, no LocalRuntime).
     * Heddle keeps a local task on the worker of its spawner, so the place without one is a
     * thread on no worker: a spawnBlocking body (or blockInPlace); there spawnLocal fails with
     * the reason.
     */
    // Tokio: spawn_local_panics_outside_local_set_or_local_runtime, tokio/tests/task_builder.rs
    @CurrentThreadTest
    void spawnLocalPanicsOutsideLocalSetOrLocalRuntime() {
        IllegalStateException e = Heddle.spawnBlocking(() -> assertThrows(IllegalStateException.class,
                () -> Heddle.spawnLocal(() -> "task executed"))).join();
        assertTrue(e.getMessage().startsWith("spawnLocal called from"), e.getMessage());
        assertTrue(e.getMessage().contains("runs on no worker"), e.getMessage());
    }

    /** As above, on the multi-thread runtime: a thread blockInPlace took off its worker keeps no local task. */
    // Tokio: spawn_local_panics_in_multi_thread_runtime, tokio/tests/task_builder.rs
    @MultiThreadTest
    void spawnLocalPanicsInMultiThreadRuntime() {
        IllegalStateException e = Heddle.blockInPlace(() -> assertThrows(IllegalStateException.class,
                () -> Heddle.spawnLocal(() -> "task executed")));
        assertTrue(e.getMessage().contains("inside blockInPlace"), e.getMessage());
    }

    // Tokio: spawn_blocking_with_name, tokio/tests/task_builder.rs
    @CurrentThreadTest
    void spawnBlockingWithName() {
        JoinHandle<String> h = Heddle.spawnBlocking("name", () -> "task executed");
        assertEquals("task executed", h.join());
        assertEquals("name", h.name());
    }

    // Tokio: spawn_local_with_name, tokio/tests/task_builder.rs
    @CurrentThreadTest
    void spawnLocalWithName() {
        StringBuilder unsendData = new StringBuilder("task executed");
        JoinHandle<StringBuilder> h = new LocalSet().runUntil(() -> Heddle.spawnLocal("name", () -> unsendData));
        assertEquals("task executed", h.join().toString());
        assertEquals("name", h.name());
    }

    // Tokio: spawn_without_name, tokio/tests/task_builder.rs
    @CurrentThreadTest
    void spawnWithoutName() {
        assertEquals("task executed", Heddle.spawn(() -> "task executed").join());
    }

    // Tokio: spawn_blocking_without_name, tokio/tests/task_builder.rs
    @CurrentThreadTest
    void spawnBlockingWithoutName() {
        assertEquals("task executed", Heddle.spawnBlocking(() -> "task executed").join());
    }

    // Tokio: spawn_local_without_name, tokio/tests/task_builder.rs
    @CurrentThreadTest
    void spawnLocalWithoutName() {
        StringBuilder unsendData = new StringBuilder("task executed");
        StringBuilder result = new LocalSet().runUntil(() -> Heddle.spawnLocal(() -> unsendData).join());
        assertEquals("task executed", result.toString());
    }
}
