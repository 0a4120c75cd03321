package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.sync.SetOnce;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/sync_set_once.rs}. Tokio's {@code wait()} is {@code await()} here
 * ({@code wait()} is {@code Object}'s), and a failed {@code set} is an
 * {@link IllegalStateException} instead of an {@code Err}.
 */
class SyncSetOnceTest {

    /** {@code into_inner} hands the very value over, without dropping or copying it. */
    // Tokio: drop_into_inner, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void dropIntoInner() {
        Object fooer = new Object();
        SetOnce<Object> onceCell = new SetOnce<>();
        onceCell.set(fooer);
        assertSame(fooer, onceCell.intoInner().orElseThrow());
    }

    // Tokio: drop_into_inner_new_with, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void dropIntoInnerNewWith() {
        Object fooer = new Object();
        SetOnce<Object> onceCell = SetOnce.of(fooer);
        assertTrue(onceCell.isInitialized());
        assertSame(fooer, onceCell.intoInner().orElseThrow());
    }

    // Tokio: from, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void from() {
        SetOnce<Integer> cell = SetOnce.of(2);
        assertEquals(2, cell.get().orElseThrow());
    }

    // Tokio: set_and_get, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void setAndGet() {
        SetOnce<Integer> once = new SetOnce<>();
        once.set(5);
        assertEquals(5, once.get().orElseThrow());
    }

    // Tokio: set_and_wait, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void setAndWait() {
        SetOnce<Integer> once = new SetOnce<>();
        Heddle.spawn(() -> once.set(5));
        assertEquals(5, once.await());
    }

    // Tokio: set_and_wait_multiple_threads, tokio/tests/sync_set_once.rs
    // Real runtime: two platform threads race to set the value, as Tokio's test spawns std threads.
    @Test
    void setAndWaitMultipleThreads() throws Exception {
        SetOnce<Integer> once = new SetOnce<>();
        CompletableFuture<Boolean> res1 = failsToSet(once, 4);
        CompletableFuture<Boolean> res2 = failsToSet(once, 3);
        boolean resultFirst = res1.get(60, TimeUnit.SECONDS);
        boolean resultTwo = res2.get(60, TimeUnit.SECONDS);
        assertNotEquals(resultFirst, resultTwo, "not exactly one of the two threads set the value");
    }

    // Tokio: set_and_wait_threads, tokio/tests/sync_set_once.rs
    // Real runtime: a platform thread sets the value while a runtime's task waits, which a simulation forbids.
    @Test
    void setAndWaitThreads() throws Exception {
        SetOnce<Integer> once = new SetOnce<>();
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            int value = rt.blockOn(() -> {
                Thread thread = Thread.ofPlatform().start(() -> once.set(4));
                int v = once.await();
                thread.join();
                return v;
            });
            assertEquals(4, value);
        }
    }

    // Tokio: get_uninit, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void getUninit() {
        SetOnce<Integer> once = new SetOnce<>();
        assertTrue(once.get().isEmpty());
    }

    // Tokio: set_twice, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void setTwice() {
        SetOnce<Integer> once = new SetOnce<>();
        once.set(5);
        IllegalStateException second = assertThrows(IllegalStateException.class, () -> once.set(6));
        assertTrue(second.getMessage().contains("already holds 5"), second.getMessage());
        assertEquals(5, once.get().orElseThrow());
    }

    // Tokio: is_none_initializing, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void isNoneInitializing() {
        SetOnce<Integer> once = new SetOnce<>();
        assertTrue(once.get().isEmpty());
        once.set(20);
        assertThrows(IllegalStateException.class, () -> once.set(10));
    }

    // Tokio: is_some_initializing, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void isSomeInitializing() {
        SetOnce<Integer> once = new SetOnce<>();
        Heddle.spawn(() -> once.set(20));
        assertEquals(20, once.await());
    }

    // Tokio: into_inner_int_empty_setonce, tokio/tests/sync_set_once.rs
    @CurrentThreadTest
    void intoInnerIntEmptySetonce() {
        SetOnce<Integer> once = new SetOnce<>();
        assertTrue(once.intoInner().isEmpty());
    }

    /** Sets {@code value} from a new platform thread; completes with whether that set failed. */
    private static CompletableFuture<Boolean> failsToSet(SetOnce<Integer> once, int value) {
        CompletableFuture<Boolean> failed = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                once.set(value);
                failed.complete(false);
            } catch (IllegalStateException alreadySet) {
                failed.complete(true);
            }
        });
        return failed;
    }
}
