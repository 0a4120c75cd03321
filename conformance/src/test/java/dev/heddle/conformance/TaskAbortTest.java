package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.runtime.AbortHandle;
import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/task_abort.rs}. What Tokio's tests see through a value's
 * {@code Drop} (an {@code Arc} released, a flag set, a panic on drop) is a {@code finally}
 * block of the aborted task here: Java's cleanup on cancellation. A panic becomes an exception,
 * {@code JoinError::is_panic} a {@link JoinException#isFailed()}.
 */
class TaskAbortTest {

    /** A task that never ends on its own, whose {@code finally} runs {@code cleanup}. */
    private static JoinHandle<Void> pendingForever(CancellationToken started, Runnable cleanup) {
        return Heddle.spawn(() -> {
            started.cancel();
            try {
                new CancellationToken().awaitCancellation();
            } finally {
                cleanup.run();
            }
        });
    }

    /** A task sleeping 100 s whose {@code finally} runs {@code cleanup}. */
    private static JoinHandle<Void> sleeping(Runnable cleanup) {
        return Heddle.spawn(() -> {
            try {
                Heddle.sleep(Duration.ofSeconds(100));
            } finally {
                cleanup.run();
            }
        });
    }

    // Tokio: test_abort_without_panic_3157, tokio/tests/task_abort.rs
    @SimTest(seeds = 20, workers = 1)
    void testAbortWithoutPanic3157() {
        JoinHandle<Void> handle = Heddle.spawn(() -> Heddle.sleep(Duration.ofSeconds(100)));
        Heddle.sleep(Duration.ofMillis(10));
        handle.abort();
        JoinException e = assertThrows(JoinException.class, handle::join);
        assertTrue(e.isCancelled(), e.getMessage());
    }

    // Tokio: test_abort_without_panic_3662, tokio/tests/task_abort.rs
    // Real runtime: aborts from a platform thread outside the runtime, which the simulator reports as a foreign wake-up
    @Test
    void testAbortWithoutPanic3662() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                AtomicBoolean dropFlag = new AtomicBoolean();
                CancellationToken started = new CancellationToken();
                JoinHandle<Void> j = pendingForever(started, () -> dropFlag.set(true));
                started.awaitCancellation();
                AtomicReference<AssertionError> failed = new AtomicReference<>();
                Thread task = Thread.ofPlatform().start(() -> {
                    if (dropFlag.get()) {
                        failed.set(new AssertionError("the task was dropped before the abort"));
                    }
                    j.abort();
                });
                task.join();
                assertEquals(null, failed.get());
                JoinException result = assertThrows(JoinException.class, j::join);
                assertTrue(dropFlag.get());
                assertTrue(result.isCancelled());
                // Tokio then runs one more task through a yield, for the scheduler's deferred cleanup.
                Heddle.spawn(Heddle::yieldNow).join();
                return null;
            });
        }
    }

    /**
     * Tokio checks that a non-{@code Send} value of a task aborted from another thread is dropped
     * on the thread it was made on. The cleanup of a Heddle task is its {@code finally} block,
     * which runs on the task's own thread, whoever aborts it.
     */
    // Tokio: remote_abort_local_set_3929, tokio/tests/task_abort.rs
    // Real runtime: aborts from a platform thread outside the runtime, which the simulator reports as a foreign wake-up
    @Test
    void remoteAbortLocalSet3929() throws InterruptedException {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            AtomicReference<Thread> createdOn = new AtomicReference<>();
            AtomicReference<Thread> droppedOn = new AtomicReference<>();
            CancellationToken started = new CancellationToken();
            JoinHandle<Void> jh = rt.blockOn(() -> Heddle.spawn(() -> {
                createdOn.set(Thread.currentThread());
                started.cancel();
                try {
                    new CancellationToken().awaitCancellation();
                } finally {
                    droppedOn.set(Thread.currentThread());
                }
            }));
            Thread jh2 = Thread.ofPlatform().start(() -> {
                while (!started.isCancelled()) {
                    Thread.onSpinWait();
                }
                jh.abort();
            });
            rt.blockOn(() -> {
                JoinException e = assertThrows(JoinException.class, jh::join);
                assertTrue(e.isCancelled(), e.getMessage());
                return null;
            });
            jh2.join();
            assertTrue(createdOn.get() != null && createdOn.get() == droppedOn.get(),
                    "the task was cleaned up on " + droppedOn.get() + ", not on its own thread " + createdOn.get());
        }
    }

    /** The task is aborted through a handle that is then dropped; its cleanup still runs. */
    // Tokio: test_abort_wakes_task_3964, tokio/tests/task_abort.rs
    @CurrentThreadTest
    void testAbortWakesTask3964() {
        AtomicBoolean notifyDropped = new AtomicBoolean();
        AbortHandle handle = sleeping(() -> notifyDropped.set(true)).abortHandle();
        Heddle.sleep(Duration.ofMillis(10));
        handle.abort();
        handle = null;
        Heddle.sleep(Duration.ofMillis(10));
        assertTrue(notifyDropped.get(), "the aborted task was not woken to end");
    }

    /**
     * The aborted task's cleanup throws; the exception stays in the task (whose handle is
     * dropped) and reaches neither the aborting task nor the runtime.
     */
    // Tokio: test_abort_task_that_panics_on_drop_contained, tokio/tests/task_abort.rs
    // Real runtime: the simulator reports a task failure that no one joined as a test failure, by design
    @Test
    void testAbortTaskThatPanicsOnDropContained() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            String outcome = rt.blockOn(() -> {
                JoinHandle<Void> handle = sleeping(() -> {
                    throw new IllegalStateException("Well what did you expect would happen...");
                });
                Heddle.sleep(Duration.ofMillis(10));
                handle.abort();
                handle = null;
                Heddle.sleep(Duration.ofMillis(10));
                return "contained";
            });
            assertEquals("contained", outcome);
        }
    }

    // Tokio: test_abort_task_that_panics_on_drop_returned, tokio/tests/task_abort.rs
    @CurrentThreadTest
    void testAbortTaskThatPanicsOnDropReturned() {
        JoinHandle<Void> handle = sleeping(() -> {
            throw new IllegalStateException("Well what did you expect would happen...");
        });
        Heddle.sleep(Duration.ofMillis(10));
        handle.abort();
        JoinException e = assertThrows(JoinException.class, handle::join);
        assertTrue(e.isFailed(), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
    }

    /** The failure of a task that throws {@code failure} at once. */
    private static JoinException failureOf(RuntimeException failure) {
        return assertThrows(JoinException.class, () -> Heddle.spawn(() -> {
            throw failure;
        }).join());
    }

    /**
     * Tokio's {@code JoinError} displays as {@code task <id> panicked with message "<message>"};
     * Heddle's {@link JoinException} message names the task and its failure: a message made
     * with arguments, a constant one, and an exception without a message (Tokio's non-string
     * payload).
     */
    // Tokio: test_join_error_display, tokio/tests/task_abort.rs
    @CurrentThreadTest
    void testJoinErrorDisplay() {
        int value = 1234;
        String formatted = failureOf(new IllegalStateException("Format-args payload: " + value)).getMessage();
        assertTrue(formatted.startsWith("task ")
                && formatted.endsWith(" failed: java.lang.IllegalStateException: Format-args payload: 1234"),
                "Unexpected message " + formatted);
        String constant = failureOf(new IllegalStateException("Const payload")).getMessage();
        assertTrue(constant.startsWith("task ")
                && constant.endsWith(" failed: java.lang.IllegalStateException: Const payload"),
                "Unexpected message " + constant);
        String noMessage = failureOf(new IllegalStateException()).getMessage();
        assertTrue(noMessage.startsWith("task ") && noMessage.endsWith(" failed: java.lang.IllegalStateException"),
                "Unexpected message " + noMessage);
    }

    /**
     * Tokio's {@code Debug} form {@code JoinError::Panic(Id(<id>), "<message>", ...)} is the
     * exception's {@code toString()} here: its class, the task with its id, and the failure.
     */
    // Tokio: test_join_error_debug, tokio/tests/task_abort.rs
    @CurrentThreadTest
    void testJoinErrorDebug() {
        JoinException formatted = failureOf(new IllegalStateException("Format-args payload: " + 1234));
        String text = formatted.toString();
        assertTrue(text.startsWith("dev.heddle.runtime.JoinException: task ")
                && text.contains("#" + formatted.id() + " failed")
                && text.endsWith("IllegalStateException: Format-args payload: 1234"), "Unexpected text " + text);
        JoinException constant = failureOf(new IllegalStateException("Const payload"));
        String constantText = constant.toString();
        assertTrue(constantText.startsWith("dev.heddle.runtime.JoinException: task ")
                && constantText.contains("#" + constant.id() + " failed")
                && constantText.endsWith("IllegalStateException: Const payload"), "Unexpected text " + constantText);
        JoinException noMessage = failureOf(new IllegalStateException());
        String noMessageText = noMessage.toString();
        assertTrue(noMessageText.startsWith("dev.heddle.runtime.JoinException: task ")
                && noMessageText.contains("#" + noMessage.id() + " failed")
                && noMessageText.endsWith("failed: java.lang.IllegalStateException"),
                "Unexpected text " + noMessageText);
    }
}
