package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.LocalSet;
import dev.heddle.runtime.TaskLocal;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/task_panic.rs}: misuse of the task API panics, and
 * {@code #[track_caller]} reports the panic at the caller's line. In Java the misuse throws at
 * once, on the caller's thread, an exception whose message says what went wrong and what to do;
 * Java's counterpart of the caller's line is the stack trace, whose nearest frame outside
 * Heddle's own code must be the test's call, not a frame of another task or thread.
 */
class TaskPanicTest {

    /**
     * Checks that the nearest frame of {@code e} outside Heddle's library is the method that calls
     * this check (or a lambda in it), as {@code #[track_caller]} makes the panic name the caller.
     * The calls under test are lambdas, not method references, whose call site leaves no frame.
     */
    private static void assertThrownAtCaller(Throwable e) {
        String caller = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow()
                .getMethodName();
        StackTraceElement nearest = Arrays.stream(e.getStackTrace())
                .filter(f -> !f.getClassName().startsWith("dev.heddle.")
                        || f.getClassName().startsWith(TaskPanicTest.class.getPackageName() + "."))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no frame outside Heddle in the stack trace of " + e, e));
        assertEquals(TaskPanicTest.class.getName(), nearest.getClassName(), "nearest frame outside Heddle: " + nearest);
        assertTrue(nearest.getMethodName().equals(caller)
                || nearest.getMethodName().startsWith("lambda$" + caller + "$"),
                "nearest frame outside Heddle is " + nearest + ", not " + caller);
    }

    // Tokio: block_in_place_panic_caller, tokio/tests/task_panic.rs
    @CurrentThreadTest
    void blockInPlacePanicCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Heddle.blockInPlace(() -> { }));
        assertTrue(e.getMessage().startsWith("can call blocking only when running on the multi-threaded runtime"),
                e.getMessage());
        assertTrue(e.getMessage().contains("use spawnBlocking(body).join()"), e.getMessage());
        assertThrownAtCaller(e);
    }

    /**
     * Tokio makes a {@code LocalSet} it never enters and calls {@code task::spawn_local} on a
     * thread outside every runtime. Heddle's {@code Heddle.spawnLocal} there fails naming the
     * missing runtime; a new {@link LocalSet} binds nothing until a task spawns into it.
     */
    // Tokio: local_set_spawn_local_panic_caller, tokio/tests/task_panic.rs
    // Real runtime: none at all: the call is made on a plain thread outside every runtime, which a simulation
    // body never is.
    @Test
    void localSetSpawnLocalPanicCaller() {
        try (LocalSet local = new LocalSet()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Heddle.spawnLocal(() -> 1));
            assertTrue(e.getMessage().startsWith("no Heddle runtime on thread"), e.getMessage());
            assertTrue(e.getMessage().contains("inside a task"), e.getMessage());
            assertThrownAtCaller(e);
            assertTrue(local.isIdle(), "no task joined the set");
        }
    }

    /**
     * Tokio's {@code local.block_on(&rt, fut)} drives the runtime from the calling thread; called
     * inside {@code rt.block_on}, it would block a thread that drives tasks. Heddle's counterpart is
     * {@code rt.blockOn(() -> local.runUntil(body))}, and blockOn inside a task fails the same way,
     * before the body runs.
     */
    // Tokio: local_set_block_on_panic_caller, tokio/tests/task_panic.rs
    @CurrentThreadTest
    void localSetBlockOnPanicCaller() {
        HeddleRuntime rt = HeddleRuntime.current();
        try (LocalSet local = new LocalSet()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> rt.blockOn(() -> local.runUntil(() -> fail("the body of a blockOn inside a task ran"))));
            assertTrue(e.getMessage().startsWith("blockOn called from inside task"), e.getMessage());
            assertTrue(e.getMessage().contains("spawn the work and join() it instead"), e.getMessage());
            assertThrownAtCaller(e);
        }
    }

    // Tokio: spawn_panic_caller, tokio/tests/task_panic.rs
    // Real runtime: none at all: tokio::spawn on a plain thread outside every runtime, which a simulation body
    // never is.
    @Test
    void spawnPanicCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Heddle.spawn(() -> 1));
        assertTrue(e.getMessage().startsWith("no Heddle runtime on thread"), e.getMessage());
        assertTrue(e.getMessage().contains("Heddle.spawn, sleep and now work inside a task"), e.getMessage());
        assertThrownAtCaller(e);
    }

    /**
     * Tokio's {@code with(f)} lends the value to a closure and {@code get()} copies it out; a
     * Heddle {@link TaskLocal} has the one read, {@code get()}, so both tests read an unset
     * task-local with it.
     */
    // Tokio: local_key_with_panic_caller, tokio/tests/task_panic.rs
    @CurrentThreadTest
    void localKeyWithPanicCaller() {
        assertReadOutsideScopeFails();
    }

    // Tokio: local_key_get_panic_caller, tokio/tests/task_panic.rs
    @CurrentThreadTest
    void localKeyGetPanicCaller() {
        assertReadOutsideScopeFails();
    }

    private static void assertReadOutsideScopeFails() {
        TaskLocal<Integer> number = TaskLocal.named("NUMBER");
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> number.get());
        assertTrue(e.getMessage().startsWith("task-local 'NUMBER' is not set"), e.getMessage());
        assertTrue(e.getMessage().contains("call get() inside NUMBER.scope(value, ...)"), e.getMessage());
        assertThrownAtCaller(e);
    }
}
