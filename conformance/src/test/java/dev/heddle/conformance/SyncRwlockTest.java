package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.junit.SimTest;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.sync.Barrier;
import dev.heddle.sync.RwLock;
import dev.heddle.sync.RwLockReadGuard;
import dev.heddle.sync.RwLockWriteGuard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tokio's {@code tokio/tests/sync_rwlock.rs}. A {@code read()} or {@code write()} polled by hand
 * and ready at once is the lock's op tried now ({@code readOp().tryNow()}); one left pending
 * is a task waiting for the lock ({@link PolledOnce}), and dropping it is aborting that task.
 */
class SyncRwlockTest {

    // Tokio: into_inner, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void intoInner() {
        RwLock<Integer> rwlock = new RwLock<>(42);
        assertEquals(42, rwlock.intoInner());
    }

    /** Multiple reads are ready at once. */
    // Tokio: read_shared, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void readShared() {
        RwLock<Integer> rwlock = new RwLock<>(100);
        RwLockReadGuard<Integer> g1 = readNow(rwlock);
        RwLockReadGuard<Integer> g2 = readNow(rwlock);
        assertEquals(100, g1.get());
        assertEquals(100, g2.get());
    }

    /** While a reader holds the lock, a writer waits. */
    // Tokio: write_shared_pending, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void writeSharedPending() {
        RwLock<Integer> rwlock = new RwLock<>(100);
        RwLockReadGuard<Integer> g1 = readNow(rwlock);
        JoinHandle<RwLockWriteGuard<Integer>> t2 = PolledOnce.spawn(rwlock::write);
        assertPending(t2);
        t2.abort();
    }

    /** While a writer holds the lock, a reader waits. */
    // Tokio: read_exclusive_pending, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void readExclusivePending() {
        RwLock<Integer> rwlock = new RwLock<>(100);
        RwLockWriteGuard<Integer> g1 = writeNow(rwlock);
        JoinHandle<RwLockReadGuard<Integer>> t2 = PolledOnce.spawn(rwlock::read);
        assertPending(t2);
        t2.abort();
    }

    /** Once the reader limit is reached, the next reader waits until one of them is done. */
    // Tokio: exhaust_reading, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void exhaustReading() {
        RwLock<Integer> rwlock = new RwLock<>(100, 1024);
        List<RwLockReadGuard<Integer>> reads = new ArrayList<>();
        while (true) {
            SelectableOp<RwLockReadGuard<Integer>> t = rwlock.readOp();
            if (!t.tryNow()) {
                break;
            }
            reads.add(t.result());
        }
        assertEquals(1024, reads.size());
        JoinHandle<Integer> t1 = PolledOnce.spawn(() -> {
            try (RwLockReadGuard<Integer> g = rwlock.read()) {
                return g.get();
            }
        });
        assertPending(t1);
        reads.removeLast().close();
        assertEquals(100, t1.join());
    }

    /** Tokio panics with "a RwLock may not be created with 0 readers"; Heddle's constructor throws. */
    // Tokio: zero_max_readers, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void zeroMaxReaders() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RwLock<>(100, 0));
        assertTrue(e.getMessage().contains("maxReaders must be between 1 and"), e.getMessage());
        assertTrue(e.getMessage().contains("was 0"), e.getMessage());
    }

    /** While a writer holds the lock, another writer waits. */
    // Tokio: write_exclusive_pending, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void writeExclusivePending() {
        RwLock<Integer> rwlock = new RwLock<>(100);
        RwLockWriteGuard<Integer> g1 = writeNow(rwlock);
        JoinHandle<RwLockWriteGuard<Integer>> t2 = PolledOnce.spawn(rwlock::write);
        assertPending(t2);
        t2.abort();
    }

    /** A waiting writer gets the lock once the reader is done. */
    // Tokio: write_shared_drop, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void writeSharedDrop() {
        RwLock<Integer> rwlock = new RwLock<>(100);
        RwLockReadGuard<Integer> g1 = readNow(rwlock);
        JoinHandle<Integer> t2 = PolledOnce.spawn(() -> {
            try (RwLockWriteGuard<Integer> g2 = rwlock.write()) {
                return g2.get();
            }
        });
        assertPending(t2);
        g1.close();
        assertEquals(100, t2.join());
    }

    /** A waiting writer holds back readers that come after it. */
    // Tokio: write_read_shared_pending, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void writeReadSharedPending() {
        RwLock<Integer> rwlock = new RwLock<>(100);
        RwLockReadGuard<Integer> g1 = readNow(rwlock);
        RwLockReadGuard<Integer> g2 = readNow(rwlock);
        JoinHandle<RwLockWriteGuard<Integer>> t3 = PolledOnce.spawn(rwlock::write);
        assertPending(t3);
        JoinHandle<RwLockReadGuard<Integer>> t4 = PolledOnce.spawn(rwlock::read);
        assertPending(t4);
        t3.abort();
        t4.abort();
    }

    /** Once the waiting writer gives up, the reader behind it gets in. */
    // Tokio: write_read_shared_drop_pending, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void writeReadSharedDropPending() {
        RwLock<Integer> rwlock = new RwLock<>(100);
        RwLockReadGuard<Integer> g1 = readNow(rwlock);
        JoinHandle<RwLockWriteGuard<Integer>> t2 = PolledOnce.spawn(rwlock::write);
        assertPending(t2);
        JoinHandle<Integer> t3 = PolledOnce.spawn(() -> {
            try (RwLockReadGuard<Integer> g = rwlock.read()) {
                return g.get();
            }
        });
        assertPending(t3);
        t2.abort();
        assertEquals(100, t3.join());
    }

    // Tokio: read_uncontested, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void readUncontested() {
        RwLock<Integer> rwlock = new RwLock<>(100);
        int result;
        try (RwLockReadGuard<Integer> g = rwlock.read()) {
            result = g.get();
        }
        assertEquals(100, result);
    }

    // Tokio: write_uncontested, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void writeUncontested() {
        RwLock<Integer> rwlock = new RwLock<>(100);
        try (RwLockWriteGuard<Integer> result = rwlock.write()) {
            result.set(result.get() + 50);
            assertEquals(150, result.get());
        }
    }

    /** Locks are taken in the order their waits are awaited, not the order they were made: ops queue when awaited. */
    // Tokio: write_order, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void writeOrder() {
        RwLock<List<Integer>> rwlock = new RwLock<>(new ArrayList<>());
        SelectableOp<RwLockWriteGuard<List<Integer>>> fut2 = rwlock.writeOp();
        SelectableOp<RwLockWriteGuard<List<Integer>>> fut1 = rwlock.writeOp();
        try (RwLockWriteGuard<List<Integer>> guard = SelectableOp.await(fut1)) {
            guard.get().add(1);
        }
        try (RwLockWriteGuard<List<Integer>> guard = SelectableOp.await(fut2)) {
            guard.get().add(2);
        }
        try (RwLockReadGuard<List<Integer>> g = rwlock.read()) {
            assertEquals(List.of(1, 2), g.get());
        }
    }

    /** A single RwLock is contested by tasks on eight workers. */
    // Tokio: multithreaded, tokio/tests/sync_rwlock.rs
    @SimTest(seeds = 20, workers = 8)
    void multithreaded() {
        Barrier barrier = new Barrier(5);
        RwLock<Integer> rwlock = new RwLock<>(0);
        for (int add : new int[] {2, 3, 5, 7}) {
            Heddle.spawn(() -> {
                for (int i = 0; i < 1000; i++) {
                    try (RwLockWriteGuard<Integer> guard = rwlock.write()) {
                        guard.set(guard.get() + add);
                    }
                }
                barrier.await();
            });
        }
        barrier.await();
        try (RwLockReadGuard<Integer> g = rwlock.read()) {
            assertEquals(17_000, g.get());
        }
    }

    // Tokio: try_write, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void tryWrite() {
        RwLock<Integer> lock = new RwLock<>(0);
        RwLockReadGuard<Integer> readGuard = lock.read();
        assertTrue(lock.tryWrite().isEmpty());
        readGuard.close();
        assertTrue(lock.tryWrite().isPresent());
    }

    // Tokio: try_read_try_write, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void tryReadTryWrite() {
        RwLock<Integer> lock = new RwLock<>(15);
        try (RwLockReadGuard<Integer> rg1 = lock.tryRead().orElseThrow()) {
            assertEquals(15, rg1.get());
            assertTrue(lock.tryWrite().isEmpty());
            try (RwLockReadGuard<Integer> rg2 = lock.tryRead().orElseThrow()) {
                assertEquals(15, rg2.get());
            }
        }
        try (RwLockWriteGuard<Integer> wg = lock.tryWrite().orElseThrow()) {
            wg.set(1515);
            assertTrue(lock.tryRead().isEmpty());
        }
        assertEquals(1515, lock.tryRead().orElseThrow().get());
    }

    /** The waiting reader gets in only after {@code downgradeMap}'s function returns, and sees the same value. */
    // Tokio: downgrade_map, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void downgradeMap() {
        RwLock<int[]> lock = new RwLock<>(new int[] {0});
        RwLockWriteGuard<int[]> writeGuard = lock.write();
        JoinHandle<RwLockReadGuard<int[]>> readT = PolledOnce.spawn(lock::read);
        assertPending(readT);
        RwLockReadGuard<int[]> readGuard1 = writeGuard.downgradeMap(v -> {
            assertPending(readT);
            return v;
        });
        RwLockReadGuard<int[]> readGuard2 = readT.join();
        assertSame(readGuard1.get(), readGuard2.get());
    }

    /** A failed {@code tryDowngradeMap} keeps the write lock; a successful one lets the reader in. */
    // Tokio: try_downgrade_map, tokio/tests/sync_rwlock.rs
    @CurrentThreadTest
    void tryDowngradeMap() {
        RwLock<int[]> lock = new RwLock<>(new int[] {0});
        RwLockWriteGuard<int[]> writeGuard = lock.write();
        JoinHandle<RwLockReadGuard<int[]>> readT = PolledOnce.spawn(lock::read);
        assertPending(readT);
        Optional<RwLockReadGuard<Object>> failed = writeGuard.tryDowngradeMap(v -> {
            assertPending(readT);
            return Optional.empty();
        });
        assertTrue(failed.isEmpty(), "downgrade didn't fail");
        assertPending(readT);
        RwLockReadGuard<int[]> readGuard1 = writeGuard.tryDowngradeMap(Optional::of).orElseThrow();
        RwLockReadGuard<int[]> readGuard2 = readT.join();
        assertSame(readGuard1.get(), readGuard2.get());
    }

    /** {@code assert_ready!(spawn(rwlock.read()).poll())}. */
    private static <T> RwLockReadGuard<T> readNow(RwLock<T> lock) {
        SelectableOp<RwLockReadGuard<T>> op = lock.readOp();
        assertTrue(op.tryNow(), "the read lock was not free");
        return op.result();
    }

    /** {@code assert_ready!(spawn(rwlock.write()).poll())}. */
    private static <T> RwLockWriteGuard<T> writeNow(RwLock<T> lock) {
        SelectableOp<RwLockWriteGuard<T>> op = lock.writeOp();
        assertTrue(op.tryNow(), "the write lock was not free");
        return op.result();
    }

    private static void assertPending(JoinHandle<?> task) {
        PolledOnce.settle();
        assertFalse(task.isFinished(), "the lock was taken while it should have waited");
    }
}
