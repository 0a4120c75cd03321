package dev.heddle.conformance;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.util.concurrent.Callable;

/**
 * A Tokio future polled once by hand ({@code let mut t = spawn(fut); t.poll()}), as a task:
 * spawned and run to its first wait before the test goes on, so that what it queued for (a
 * lock, a permit) is queued in the order the Tokio test polled. {@code assert_pending!} is then
 * "not finished after the others had every chance to run" ({@link #settle()}), and
 * {@code is_woken} followed by {@code assert_ready!} is joining it.
 */
final class PolledOnce {
    private PolledOnce() {}

    /**
     * Spawns {@code body} and returns once it has run up to its first wait (or to its end). Its
     * first action must be the operation the Tokio test polls: a task runs without interruption
     * until it suspends, so once it is seen started, that operation has queued or completed.
     */
    static <T> JoinHandle<T> spawn(Callable<T> body) {
        boolean[] started = {false};
        JoinHandle<T> handle = Heddle.spawn(() -> {
            started[0] = true;
            return body.call();
        });
        while (!started[0]) {
            Heddle.yieldNow();
        }
        return handle;
    }

    /** Lets every other ready task run until it waits: what an {@code assert_pending!} needs before it looks. */
    static void settle() {
        for (int i = 0; i < 20; i++) {
            Heddle.yieldNow();
        }
    }
}
