package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import dev.heddle.time.Elapsed;
import dev.heddle.time.Interval;
import java.time.Duration;
import java.util.Optional;

/**
 * Tokio's {@code tokio/tests/sync_mutex.rs}. A future polled by hand ({@code spawn(l.lock())},
 * {@code assert_ready!}) is the lock's op tried at once ({@code lockOp().tryNow()}); one left
 * pending and later woken is a task that waits for the lock.
 */
class SyncMutexTest {

    // Tokio: straight_execution, tokio/tests/sync_mutex.rs
    @CurrentThreadTest
    void straightExecution() {
        Mutex<Integer> l = new Mutex<>(100);
        try (MutexGuard<Integer> g = lockedAtOnce(l)) {
            assertEquals(100, g.get());
            g.set(99);
        }
        try (MutexGuard<Integer> g = lockedAtOnce(l)) {
            assertEquals(99, g.get());
            g.set(98);
        }
        try (MutexGuard<Integer> g = lockedAtOnce(l)) {
            assertEquals(98, g.get());
        }
    }

    // Tokio: readiness, tokio/tests/sync_mutex.rs
    @CurrentThreadTest
    void readiness() {
        Mutex<Integer> l = new Mutex<>(100);
        MutexGuard<Integer> g = lockedAtOnce(l);
        JoinHandle<Integer> t2 = Heddle.spawn(() -> {
            try (MutexGuard<Integer> g2 = l.lock()) {
                return g2.get();
            }
        });
        PolledOnce.settle();
        assertFalse(t2.isFinished(), "the lock was taken while a guard held it");
        g.close();
        assertEquals(100, t2.join());
    }

    /** Ensure a mutex is unlocked if a future holding the lock is aborted prematurely. */
    // Tokio: aborted_future_1, tokio/tests/sync_mutex.rs
    @CurrentThreadTest
    void abortedFuture1() {
        Mutex<Integer> m1 = new Mutex<>(0);
        assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofMillis(1), () -> {
            Interval iv = Heddle.clock().interval(Duration.ofMillis(1000));
            try (MutexGuard<Integer> g = m1.lock()) {
                iv.tick();
                iv.tick();
            }
        }));
        Heddle.clock().timeout(Duration.ofMillis(1), () -> {
            m1.lock().close();
        });
    }

    /** As {@code aborted_future_1}, but the aborted future is waiting for the lock. */
    // Tokio: aborted_future_2, tokio/tests/sync_mutex.rs
    @CurrentThreadTest
    void abortedFuture2() {
        Mutex<Integer> m1 = new Mutex<>(0);
        try (MutexGuard<Integer> lock = m1.lock()) {
            assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofMillis(1), () -> {
                m1.lock().close();
            }));
        }
        Heddle.clock().timeout(Duration.ofMillis(1), () -> {
            m1.lock().close();
        });
    }

    // Tokio: try_lock, tokio/tests/sync_mutex.rs
    @CurrentThreadTest
    void tryLock() {
        Mutex<Integer> m = new Mutex<>(0);
        Optional<MutexGuard<Integer>> g1 = m.tryLock();
        assertTrue(g1.isPresent());
        Optional<MutexGuard<Integer>> g2 = m.tryLock();
        assertTrue(g2.isEmpty());
        g1.get().close();
        Optional<MutexGuard<Integer>> g3 = m.tryLock();
        assertTrue(g3.isPresent());
    }

    /** Tokio's guard formats as its value; here a guard's {@code toString} is its value's. */
    // Tokio: debug_format, tokio/tests/sync_mutex.rs
    @CurrentThreadTest
    void debugFormat() {
        String s = "debug";
        Mutex<String> m = new Mutex<>(s);
        try (MutexGuard<String> g = m.lock()) {
            assertEquals(s, g.toString());
        }
    }

    /** {@code Mutex { data: "data" }} and {@code Mutex { data: <locked> }}, in Java's record style. */
    // Tokio: mutex_debug, tokio/tests/sync_mutex.rs
    @CurrentThreadTest
    void mutexDebug() {
        Mutex<String> m = new Mutex<>("data");
        assertEquals("Mutex[data=data]", m.toString());
        try (MutexGuard<String> guard = m.lock()) {
            assertEquals("Mutex[data=<locked>]", m.toString());
        }
    }

    /** {@code assert_ready!(spawn(l.lock()).poll())}: the lock is taken without waiting. */
    private static <T> MutexGuard<T> lockedAtOnce(Mutex<T> l) {
        SelectableOp<MutexGuard<T>> op = l.lockOp();
        assertTrue(op.tryNow(), "the lock was not free");
        return op.result();
    }
}
