package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Handle}: the current runtime reached from a task, and used from anywhere. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandleTest {

    @Test
    void the_current_handle_spawns_blocks_on_and_reads_metrics_of_the_tasks_runtime() throws Exception {
        for (RuntimeBuilder builder : new RuntimeBuilder[] {HeddleRuntime.currentThread(),
                HeddleRuntime.multiThread().workerThreads(2)}) {
            try (HeddleRuntime rt = builder.build()) {
                Handle handle = rt.blockOn(Handle::current);
                assertEquals(rt.handle(), handle);
                assertEquals(rt.id(), handle.id());
                // From a thread outside the runtime, through the handle: spawned there, joined here.
                JoinHandle<Integer> spawned = handle.spawn(() -> 40);
                JoinHandle<Integer> blocking = handle.spawnBlocking(() -> 2);
                assertEquals(42, rt.blockOn(() -> spawned.join() + blocking.join()));
                RuntimeMetrics m = handle.metrics();
                assertTrue(m.spawnedTasks() >= 4, m.toString());
            }
        }
    }

    @Test
    void outside_a_task_current_fails_saying_what_to_do_and_try_current_is_empty() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Handle::current);
        assertTrue(e.getMessage().contains("not a Heddle task"), e.getMessage());
        assertTrue(e.getMessage().contains("runtime.handle()"), e.getMessage());
        assertEquals(Optional.empty(), Handle.tryCurrent());
    }

    @Test
    void block_on_inside_a_task_fails_pointing_to_block_in_place_and_works_inside_it() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> rt.blockOn(() -> Handle.current().blockOn(() -> 1)));
            assertTrue(e.getMessage().startsWith("Cannot start a runtime from within a runtime: Handle.blockOn called"
                    + " from inside task"), e.getMessage());
            assertTrue(e.getMessage().contains("Heddle.blockInPlace"), e.getMessage());
            IllegalStateException viaRuntime = assertThrows(IllegalStateException.class,
                    () -> rt.blockOn(() -> rt.blockOn(() -> 1)));
            assertTrue(viaRuntime.getMessage().startsWith("blockOn called from inside task"), viaRuntime.getMessage());
            assertTrue(viaRuntime.getMessage().contains("Heddle.blockInPlace"), viaRuntime.getMessage());
            assertEquals(2, rt.blockOn(() -> Heddle.blockInPlace(() -> Handle.current().blockOn(() -> 2))));
            // And in a spawnBlocking body, which runs on a blocking thread.
            assertEquals(3, rt.blockOn(() -> {
                Handle h = Handle.current();
                return Heddle.spawnBlocking(() -> h.blockOn(() -> 3)).join();
            }));
        }
    }

    @Test
    void a_current_thread_runtime_refuses_block_in_place_with_tokios_message_and_the_alternative() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> rt.blockOn(() -> Heddle.blockInPlace(() -> 1)));
            assertTrue(e.getMessage().startsWith("can call blocking only when running on the multi-threaded runtime"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("spawnBlocking"), e.getMessage());
            // Outside a task, blockInPlace just runs its body.
            assertEquals(5, Heddle.blockInPlace(() -> 5));
        }
    }

    @Test
    void runtimes_have_different_ids_and_a_simulation_has_a_handle_too() {
        try (HeddleRuntime a = HeddleRuntime.currentThread().build();
             HeddleRuntime b = HeddleRuntime.currentThread().build()) {
            assertNotEquals(a.handle().id(), b.handle().id());
        }
        for (long seed = 0; seed < 10; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Handle h = Handle.current();
                assertEquals(10, h.spawn(() -> 10).join());
                assertEquals(Optional.of(h), Handle.tryCurrent());
            });
        }
    }

    @Test
    void task_ids_are_the_join_handles_ids_and_the_block_on_body_has_none() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            rt.blockOn(() -> {
                assertTrue(Heddle.tryTaskId().isEmpty());
                assertThrows(IllegalStateException.class, Heddle::taskId);
                JoinHandle<Long> h = Heddle.spawn(Heddle::taskId);
                assertEquals(h.id(), h.join());
                return null;
            });
        }
        assertTrue(Heddle.tryTaskId().isEmpty());
    }

    @Test
    void entering_a_runtime_makes_it_current_on_a_plain_thread_until_the_guards_close_in_reverse_order() {
        try (HeddleRuntime a = HeddleRuntime.currentThread().build();
             HeddleRuntime b = HeddleRuntime.multiThread().workerThreads(1).build()) {
            try (EnterGuard ea = a.enter()) {
                assertEquals(a.handle(), Handle.current());
                try (EnterGuard eb = b.handle().enter()) {
                    assertEquals(b.handle(), Handle.current());
                    JoinHandle<Integer> spawned = Heddle.spawn(() -> 9);
                    assertEquals(9, b.blockOn(spawned::join));
                }
                assertEquals(a.handle(), Handle.current());
                EnterGuard eb = b.enter();
                IllegalStateException e = assertThrows(IllegalStateException.class, ea::close);
                assertTrue(e.getMessage().contains("out of order"), e.getMessage());
                eb.close();
            }
            assertEquals(Optional.empty(), Handle.tryCurrent());
        }
    }

    @Test
    void the_worker_index_is_the_workers_and_empty_off_workers() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(3).build()) {
            int index = rt.blockOn(() -> Heddle.spawn(() -> Heddle.workerIndex().orElseThrow()).join());
            assertTrue(index >= 0 && index < 3, "index " + index);
            assertTrue(rt.blockOn(() -> Heddle.blockInPlace(() -> Heddle.workerIndex()).isEmpty()));
            assertTrue(rt.blockOn(() -> Heddle.spawnBlocking(Heddle::workerIndex).join()).isEmpty());
        }
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            assertEquals(0, rt.blockOn(() -> Heddle.workerIndex().orElseThrow()));
        }
        assertTrue(Heddle.workerIndex().isEmpty());
    }

    /**
     * Handle.blockOn runs its body on the calling thread with the runtime entered (Tokio's
     * Handle::block_on): what needs no runtime works, spawns go to the runtime, and once the
     * runtime is shut down, what the body spawns ends cancelled at once.
     */
    @Test
    void handle_block_on_runs_on_the_calling_thread_and_after_shutdown_spawns_end_cancelled() {
        HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build();
        Handle handle = rt.handle();
        Thread me = Thread.currentThread();
        assertEquals(me, handle.blockOn(Thread::currentThread));
        assertEquals(handle, handle.blockOn(Handle::current));
        assertEquals(5, handle.blockOn(() -> Heddle.spawn(() -> 5).join()));
        rt.close();
        JoinException e = assertThrows(JoinException.class, () -> handle.blockOn(() -> Heddle.spawn(() -> 5).join()));
        assertTrue(e.isCancelled(), e.toString());
        assertTrue(handle.spawnBlocking(() -> 1).abortHandle().isFinished());
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> rt.blockOn(() -> 1));
        assertTrue(closed.getMessage().contains("shut down"), closed.getMessage());
    }
}
