package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link RwLock}'s mapped guards ({@link RwLockReadGuard#map}, {@link RwLockWriteGuard#map},
 * {@link RwLockMappedWriteGuard}, the {@code tryMap}s, {@link RwLockWriteGuard#downgradeMap})
 * and {@link RwLock#intoInner()}.
 */
class RwLockMapAndIntoInnerTest {

    /** A value with a mutable part (the log) and a replaceable one (the balance). */
    static final class Account {
        final List<String> log = new ArrayList<>();
        long balance;
    }

    @Test
    void mappedWriteGuardsReachTheirPartAndKeepTheLockUntilClosed() {
        RwLock<Account> lock = new RwLock<>(new Account());
        RwLockWriteGuard<Account> w = lock.write();
        try (RwLockMappedWriteGuard<List<String>> log = w.map(a -> a.log)) {
            assertThrows(IllegalStateException.class, w::get, "the handed-over guard still reached the value");
            w.close();
            assertTrue(lock.tryRead().isEmpty(), "closing the handed-over guard released the lock");
            log.get().add("opened");
            assertThrows(UnsupportedOperationException.class, () -> log.set(List.of()));
        }
        try (RwLockMappedWriteGuard<Long> balance = lock.write().map(a -> a.balance, (a, b) -> a.balance = b)) {
            balance.set(balance.get() + 10);
        }
        RwLockWriteGuard<Account> again = lock.write();
        assertTrue(again.tryMap(a -> Optional.<String>empty()).isEmpty());
        assertEquals(10, again.get().balance, "a failed tryMap handed the guard over");
        again.tryMap(a -> Optional.of(a.log)).orElseThrow().close();
        try (RwLockReadGuard<Account> r = lock.read()) {
            assertEquals(List.of("opened"), r.get().log);
        }
    }

    @Test
    void mappedReadGuardsShareTheLockWithOtherReaders() {
        RwLock<Account> lock = new RwLock<>(new Account());
        RwLockReadGuard<Account> r = lock.read();
        RwLockReadGuard<List<String>> log = r.map(a -> a.log);
        assertThrows(IllegalStateException.class, r::get);
        r.close();
        assertTrue(lock.tryWrite().isEmpty(), "closing the handed-over read guard released the lock");
        RwLockReadGuard<Account> other = lock.tryRead().orElseThrow(() -> new AssertionError(
                "a mapped reader kept other readers out"));
        other.close();
        assertTrue(log.tryMap(l -> Optional.<String>empty()).isEmpty());
        RwLockReadGuard<Integer> size = log.tryMap(l -> Optional.of(l.size())).orElseThrow();
        assertEquals(0, size.get());
        size.close();
        assertTrue(lock.tryWrite().isPresent(), "the mapped read guard did not release the lock");
    }

    /** The reader waiting behind a writer gets in only after downgradeMap's function, and a failed try keeps it out. */
    @Test
    void downgradeMapLetsWaitingReadersInOnlyAfterItsFunctionOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                RwLock<Account> lock = new RwLock<>(new Account());
                RwLockWriteGuard<Account> w = lock.write();
                boolean[] mapped = new boolean[1];
                JoinHandle<Boolean> reader = sim.spawn(() -> {
                    try (RwLockReadGuard<Account> r = lock.read()) {
                        return mapped[0];
                    }
                });
                Heddle.yieldNow();
                assertTrue(w.tryDowngradeMap(a -> {
                    Heddle.yieldNow();
                    return Optional.empty();
                }).isEmpty());
                Heddle.yieldNow();
                assertFalse(reader.isFinished(), "a failed tryDowngradeMap let the reader in");
                RwLockReadGuard<List<String>> log = w.downgradeMap(a -> {
                    Heddle.yieldNow();
                    mapped[0] = true;
                    return a.log;
                });
                assertTrue(reader.join(), "the reader got in before downgradeMap's function returned");
                assertTrue(lock.tryWrite().isEmpty(), "a writer got in while the downgraded reader held the lock");
                log.close();
                assertTrue(lock.tryWrite().isPresent());
            });
        }
    }

    @Test
    void intoInnerConsumesTheLockAndRefusesWhileItIsHeld() {
        RwLock<String> lock = new RwLock<>("v");
        RwLockReadGuard<String> r = lock.read();
        IllegalStateException held = assertThrows(IllegalStateException.class, lock::intoInner);
        assertTrue(held.getMessage().contains("holds this lock or waits for it"), held.getMessage());
        r.close();
        assertEquals("RwLock[data=v]", lock.toString());
        assertEquals("v", lock.intoInner());
        IllegalStateException consumed = assertThrows(IllegalStateException.class, lock::read);
        assertTrue(consumed.getMessage().contains("consumed by intoInner()"), consumed.getMessage());
        assertThrows(IllegalStateException.class, lock::write);
        assertThrows(IllegalStateException.class, lock::tryRead);
        assertThrows(IllegalStateException.class, lock::tryWrite);
        assertThrows(IllegalStateException.class, lock::intoInner);
        assertEquals("RwLock[data=<consumed>]", lock.toString());
    }

    @Test
    void intoInnerRefusesWhileAWriterWaitsWhichThenGetsTheLock() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                RwLock<String> lock = new RwLock<>("v");
                RwLockReadGuard<String> r = lock.read();
                JoinHandle<String> writer = Heddle.spawn(() -> {
                    try (RwLockWriteGuard<String> w = lock.write()) {
                        return w.get();
                    }
                });
                Heddle.yieldNow();
                assertThrows(IllegalStateException.class, lock::intoInner, "intoInner took the lock from a waiter");
                r.close();
                assertEquals("v", writer.join());
                assertEquals("v", lock.intoInner());
                return null;
            });
        }
    }

    @Test
    void mappedWritersOnTheMultiThreadRuntimeLoseNoUpdate() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            long balance = rt.blockOn(() -> {
                RwLock<Account> lock = new RwLock<>(new Account());
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    tasks.add(Heddle.spawn(() -> {
                        for (int i = 0; i < 200; i++) {
                            try (RwLockMappedWriteGuard<Long> b = lock.write().map(a -> a.balance,
                                    (a, v) -> a.balance = v)) {
                                b.set(b.get() + 1);
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                return lock.intoInner().balance;
            });
            assertEquals(1_600, balance);
        }
    }
}
