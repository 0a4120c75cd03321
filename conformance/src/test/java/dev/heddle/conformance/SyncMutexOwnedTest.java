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
 * Tokio's {@code tokio/tests/sync_mutex_owned.rs}: the {@code lock_owned} forms, whose guard
 * keeps the mutex alive through an {@code Arc} instead of borrowing it. Every Heddle guard
 * refers to its mutex and keeps it reachable, so each is an owned guard, and these tests run
 * on {@code lock()}, {@code tryLock()} and {@code lockOp()} as they are.
 */
class SyncMutexOwnedTest {

    // Tokio: straight_execution, tokio/tests/sync_mutex_owned.rs
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

    // Tokio: readiness, tokio/tests/sync_mutex_owned.rs
    @CurrentThreadTest
    void readiness() {
        Mutex<Integer> l = new Mutex<>(100);
        MutexGuard<Integer> g = lockedAtOnce(l);
        JoinHandle<Boolean> t2 = Heddle.spawn(() -> {
            try (MutexGuard<Integer> g2 = l.lock()) {
                return true;
            }
        });
        PolledOnce.settle();
        assertFalse(t2.isFinished(), "the lock was taken while a guard held it");
        g.close();
        assertTrue(t2.join());
    }

    /** Ensure a mutex is unlocked if a future holding the lock is aborted prematurely. */
    // Tokio: aborted_future_1, tokio/tests/sync_mutex_owned.rs
    @CurrentThreadTest
    void abortedFuture1() {
        Mutex<Integer> m1 = new Mutex<>(0);
        assertThrows(Elapsed.class, () -> Heddle.clock().timeout(Duration.ofMillis(1), () -> {
            Interval iv = Heddle.clock().interval(Duration.ofMillis(1000));
            // Tokio drops the owned guard at once; the interval ticks run without it.
            m1.lock().close();
            iv.tick();
            iv.tick();
        }));
        Heddle.clock().timeout(Duration.ofMillis(1), () -> {
            m1.lock().close();
        });
    }

    /** As {@code aborted_future_1}, but the aborted future is waiting for the lock. */
    // Tokio: aborted_future_2, tokio/tests/sync_mutex_owned.rs
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

    // Tokio: try_lock_owned, tokio/tests/sync_mutex_owned.rs
    @CurrentThreadTest
    void tryLockOwned() {
        Mutex<Integer> m = new Mutex<>(0);
        Optional<MutexGuard<Integer>> g1 = m.tryLock();
        assertTrue(g1.isPresent());
        Optional<MutexGuard<Integer>> g2 = m.tryLock();
        assertTrue(g2.isEmpty());
        g1.get().close();
        Optional<MutexGuard<Integer>> g3 = m.tryLock();
        assertTrue(g3.isPresent());
    }

    /** Tokio's owned guard formats as its value; here a guard's {@code toString} is its value's. */
    // Tokio: debug_format, tokio/tests/sync_mutex_owned.rs
    @CurrentThreadTest
    void debugFormat() {
        String s = "debug";
        Mutex<String> m = new Mutex<>(s);
        try (MutexGuard<String> g = m.lock()) {
            assertEquals(s, g.toString());
        }
    }

    /** {@code assert_ready!(spawn(l.lock_owned()).poll())}: the lock is taken without waiting. */
    private static <T> MutexGuard<T> lockedAtOnce(Mutex<T> l) {
        SelectableOp<MutexGuard<T>> op = l.lockOp();
        assertTrue(op.tryNow(), "the lock was not free");
        return op.result();
    }
}
