package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.TaskLocal;
import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * Tokio's {@code tokio/tests/task_local.rs}. {@code task_local!} is a {@link TaskLocal},
 * {@code KEY.scope(v, fut)} is {@code KEY.scope(v, body)}, and what Tokio's tests observe in
 * the {@code Drop} of the scoped future (the value still set while the future is dropped) is
 * the {@code finally} block of the scoped body here.
 */
class TaskLocalTest {

    // Tokio: local, tokio/tests/task_local.rs
    @MultiThreadTest
    void local() {
        TaskLocal<Integer> reqId = TaskLocal.named("REQ_ID");
        TaskLocal<Boolean> foo = TaskLocal.named("FOO");
        JoinHandle<Void> j1 = Heddle.spawn(() -> reqId.scope(1, () -> {
            assertEquals(1, reqId.get());
            assertEquals(1, reqId.get());
        }));
        JoinHandle<Void> j2 = Heddle.spawn(() -> reqId.scope(2, () -> {
            int v = reqId.get();
            assertEquals(2, reqId.get());
            assertEquals(2, v);
            Heddle.sleep(Duration.ofMillis(10));
            assertEquals(2, reqId.get());
        }));
        JoinHandle<Void> j3 = Heddle.spawn(() -> foo.scope(true, () -> {
            assertTrue(foo.get());
        }));
        j1.join();
        j2.join();
        j3.join();
    }

    // Tokio: task_local_available_on_abort, tokio/tests/task_local.rs
    @CurrentThreadTest
    void taskLocalAvailableOnAbort() {
        TaskLocal<Integer> key = TaskLocal.named("KEY");
        var drop = Oneshot.<Integer>channel();
        var poll = Oneshot.<Boolean>channel();
        JoinHandle<Void> h = Heddle.spawn(() -> key.scope(42, () -> {
            try {
                poll.sender().send(true);
                new CancellationToken().awaitCancellation();
            } finally {
                drop.sender().send(key.get());
            }
        }));
        assertTrue(poll.receiver().recv());
        h.abort();
        assertEquals(42, drop.receiver().recv());
        JoinException err = assertThrows(JoinException.class, h::join);
        assertTrue(err.isCancelled(), err.getMessage());
    }

    // Tokio: task_local_available_on_completion_drop, tokio/tests/task_local.rs
    @CurrentThreadTest
    void taskLocalAvailableOnCompletionDrop() {
        TaskLocal<Integer> key = TaskLocal.named("KEY");
        var channel = Oneshot.<Integer>channel();
        JoinHandle<Void> h = Heddle.spawn(() -> key.scope(42, () -> {
            try {
                return;
            } finally {
                channel.sender().send(key.get());
            }
        }));
        assertEquals(42, channel.receiver().recv());
        assertNull(h.join());
    }

    /**
     * Tokio's {@code try_get} is {@link TaskLocal#isSet()} with {@link TaskLocal#getOrElse}. Its
     * second half reads the key in a scope whose value {@code take_value} took out; the value is
     * as absent there as outside any scope, which is what it checks here ({@code take_value},
     * handing back ownership of the value moved into the future, is listed as not applicable).
     */
    // Tokio: get_value, tokio/tests/task_local.rs
    @CurrentThreadTest
    void getValue() {
        TaskLocal<Integer> key = TaskLocal.named("KEY");
        key.scope(1, () -> {
            assertEquals(1, key.get());
            assertTrue(key.isSet());
            assertEquals(1, key.getOrElse(null));
        });
        assertFalse(key.isSet(), "the value no longer exists after its scope");
        assertNull(key.getOrElse(null));
        NoSuchElementException e = assertThrows(NoSuchElementException.class, key::get);
        assertTrue(e.getMessage().contains("KEY"), e.getMessage());
    }
}
