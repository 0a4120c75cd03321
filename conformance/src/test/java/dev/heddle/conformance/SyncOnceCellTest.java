package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.OnceCell;
import dev.heddle.sync.OnceCellSetException;
import java.io.IOException;
import java.time.Duration;

/**
 * Tokio's {@code tokio/tests/sync_once_cell.rs}. Tokio's current-thread runtime runs spawned
 * tasks in the order they were spawned, and several of these tests rely on it (the first
 * task's initializer wins); the simulator picks a seeded order, so {@link PolledOnce#spawn}
 * makes that order explicit. {@code time::advance} is a sleep of the test's body on the virtual clock.
 */
class SyncOnceCellTest {

    /** {@code into_inner} hands the very value over, without dropping or copying it, and the cell keeps none. */
    // Tokio: drop_into_inner, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void dropIntoInner() {
        Object fooer = new Object();
        OnceCell<Object> onceCell = new OnceCell<>();
        onceCell.set(fooer);
        assertSame(fooer, onceCell.intoInner().orElseThrow());
        assertFalse(onceCell.isInitialized(), "the cell still holds the value it handed over");
    }

    // Tokio: drop_into_inner_new_with, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void dropIntoInnerNewWith() {
        Object fooer = new Object();
        OnceCell<Object> onceCell = OnceCell.of(fooer);
        assertSame(fooer, onceCell.intoInner().orElseThrow());
        assertFalse(onceCell.isInitialized(), "the cell still holds the value it handed over");
    }

    // Tokio: from, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void from() {
        OnceCell<Integer> cell = OnceCell.of(2);
        assertEquals(2, cell.get().orElseThrow());
    }

    // Tokio: get_or_init, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void getOrInit() {
        OnceCell<Integer> once = new OnceCell<>();
        JoinHandle<Integer> handle1 = PolledOnce.spawn(() -> once.getOrInit(() -> 5));
        JoinHandle<Integer> handle2 = Heddle.spawn(() -> once.getOrInit(() -> {
            Heddle.sleep(Duration.ofMillis(1));
            return 10;
        }));
        Heddle.sleep(Duration.ofMillis(1));
        assertEquals(5, handle1.join());
        assertEquals(5, handle2.join());
    }

    /** The second initializer would fail (Tokio's panics); the first one's value makes it never run. */
    // Tokio: get_or_init_panic, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void getOrInitPanic() {
        OnceCell<Integer> once = new OnceCell<>();
        JoinHandle<Integer> handle1 = PolledOnce.spawn(() -> once.getOrInit(() -> 5));
        JoinHandle<Integer> handle2 = Heddle.spawn(() -> once.getOrInit(() -> {
            Heddle.sleep(Duration.ofMillis(1));
            throw new IllegalStateException("the initializer that must not run ran");
        }));
        Heddle.sleep(Duration.ofMillis(1));
        assertEquals(5, handle1.join());
        assertEquals(5, handle2.join());
    }

    // Tokio: set_and_get, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void setAndGet() {
        OnceCell<Integer> once = new OnceCell<>();
        Heddle.spawn(() -> once.set(5)).join();
        assertEquals(5, once.get().orElseThrow());
    }

    // Tokio: get_uninit, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void getUninit() {
        OnceCell<Integer> once = new OnceCell<>();
        assertTrue(once.get().isEmpty());
    }

    // Tokio: set_twice, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void setTwice() {
        OnceCell<Integer> once = new OnceCell<>();
        once.set(5);
        OnceCellSetException second = assertThrows(OnceCellSetException.class, () -> once.set(6));
        assertTrue(second.isAlreadyInitialized());
        assertFalse(second.isInitializing());
        assertTrue(second.getMessage().contains("already holds a value"), second.getMessage());
        assertEquals(5, once.get().orElseThrow());
    }

    // Tokio: set_while_initializing, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void setWhileInitializing() {
        OnceCell<Integer> once = new OnceCell<>();
        JoinHandle<Integer> handle1 = Heddle.spawn(() -> once.getOrInit(() -> {
            Heddle.sleep(Duration.ofMillis(2));
            return 5;
        }));
        JoinHandle<OnceCellSetException> handle2 = Heddle.spawn(() -> {
            Heddle.sleep(Duration.ofMillis(1));
            return assertThrows(OnceCellSetException.class, () -> once.set(10));
        });
        Heddle.sleep(Duration.ofMillis(2));
        assertEquals(5, handle1.join());
        OnceCellSetException result2 = handle2.join();
        assertTrue(result2.isInitializing());
        assertTrue(result2.getMessage().contains("initializer of this OnceCell is running"), result2.getMessage());
    }

    // Tokio: get_or_try_init, tokio/tests/sync_once_cell.rs
    @CurrentThreadTest
    void getOrTryInit() {
        OnceCell<Integer> once = new OnceCell<>();
        JoinHandle<Boolean> handle1 = PolledOnce.spawn(() -> {
            try {
                once.getOrTryInit(() -> {
                    throw new IOException("func_err");
                });
                return false;
            } catch (IOException expected) {
                return true;
            }
        });
        JoinHandle<Integer> handle2 = Heddle.spawn(() -> once.getOrTryInit(() -> 10));
        Heddle.sleep(Duration.ofMillis(1));
        assertTrue(handle1.join(), "the failing initializer's error did not reach its caller");
        assertEquals(10, handle2.join());
    }
}
