package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link MutexGuard#map} ({@link MappedMutexGuard}) and {@link Mutex#intoInner()}. */
class MutexMapAndIntoInnerTest {

    /** A value with a mutable part (the log) and a replaceable one (the balance). */
    static final class Account {
        final List<String> log = new ArrayList<>();
        long balance;
    }

    @Test
    void aMappedGuardReachesItsPartAndUnlocksOnClose() {
        Mutex<Account> m = new Mutex<>(new Account());
        try (MappedMutexGuard<List<String>> log = m.lock().map(a -> a.log)) {
            assertTrue(m.isLocked());
            log.get().add("opened");
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> log.set(List.of()));
            assertTrue(e.getMessage().contains("map(getter, setter)"), e.getMessage());
        }
        assertFalse(m.isLocked());
        try (MappedMutexGuard<Long> balance = m.lock().map(a -> a.balance, (a, b) -> a.balance = b)) {
            balance.set(balance.get() + 10);
            assertEquals(10L, balance.get());
        }
        try (MutexGuard<Account> g = m.lock()) {
            assertEquals(List.of("opened"), g.get().log);
            assertEquals(10, g.get().balance);
        }
    }

    @Test
    void theOriginalGuardIsHandedOverAndAMappedGuardMapsFurther() {
        Mutex<Account> m = new Mutex<>(new Account());
        MutexGuard<Account> g = m.lock();
        MappedMutexGuard<List<String>> log = g.map(a -> a.log);
        IllegalStateException e = assertThrows(IllegalStateException.class, g::get);
        assertTrue(e.getMessage().contains("mapped"), e.getMessage());
        g.close();
        assertTrue(m.isLocked(), "closing the handed-over guard unlocked the mutex");
        MappedMutexGuard<Integer> size = log.map(List::size);
        assertThrows(IllegalStateException.class, log::get);
        log.close();
        assertTrue(m.isLocked());
        assertEquals(0, size.get());
        size.close();
        size.close();
        assertFalse(m.isLocked());
    }

    @Test
    void aGetterThatThrowsLeavesTheGuardHoldingTheLock() {
        Mutex<Account> m = new Mutex<>(new Account());
        try (MutexGuard<Account> g = m.lock()) {
            assertThrows(IllegalStateException.class, () -> g.map(a -> {
                throw new IllegalStateException("no such part");
            }));
            assertTrue(m.isLocked());
            assertEquals(0, g.get().balance);
        }
        assertFalse(m.isLocked());
    }

    /** Tasks update one part through mapped guards, and the other through full guards: no update is lost. */
    @Test
    void mappedGuardsExcludeEachOtherOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Mutex<Account> m = new Mutex<>(new Account());
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 3; i++) {
                            if (Heddle.random().nextBoolean()) {
                                try (MappedMutexGuard<Long> b = m.lock().map(a -> a.balance, (a, v) -> a.balance = v)) {
                                    long before = b.get();
                                    Heddle.yieldNow();
                                    b.set(before + 1);
                                }
                            } else {
                                try (MutexGuard<Account> g = m.lock()) {
                                    long before = g.get().balance;
                                    Heddle.yieldNow();
                                    g.get().balance = before + 1;
                                    g.get().log.add("task " + id);
                                }
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                assertEquals(12, m.intoInner().balance, "an update was lost");
            });
        }
    }

    @Test
    void intoInnerTakesTheValueAndConsumesTheMutex() {
        Mutex<String> m = new Mutex<>("value");
        assertEquals("value", m.intoInner());
        IllegalStateException again = assertThrows(IllegalStateException.class, m::intoInner);
        assertTrue(again.getMessage().contains("consumed by intoInner()"), again.getMessage());
        assertThrows(IllegalStateException.class, m::tryLock);
        assertTrue(m.toString().contains("consumed"), m.toString());
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            IllegalStateException e = rt.blockOn(() -> assertThrows(IllegalStateException.class, m::lock));
            assertTrue(e.getMessage().contains("make a new Mutex"), e.getMessage());
            rt.blockOn(() -> assertThrows(IllegalStateException.class, () -> SelectableOp.await(m.lockOp())));
        }
    }

    @Test
    void intoInnerOfAHeldMutexFailsAndLeavesTheValue() {
        Mutex<String> m = new Mutex<>("value");
        MutexGuard<String> g = m.lock();
        IllegalStateException e = assertThrows(IllegalStateException.class, m::intoInner);
        assertTrue(e.getMessage().contains("holds this mutex"), e.getMessage());
        assertEquals("value", g.get());
        g.close();
        assertEquals("value", m.intoInner());
        assertNull(new Mutex<String>().intoInner());
    }

    /**
     * intoInner races lockers at random points: it either fails (someone held or waited) or takes
     * the value after every locker that got in, and every locker after it fails; none hangs.
     */
    @Test
    void intoInnerRacingLockersOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Mutex<List<Integer>> m = new Mutex<>(new ArrayList<>());
                List<JoinHandle<Boolean>> tasks = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    int id = t;
                    tasks.add(sim.spawn(() -> {
                        Heddle.yieldNow();
                        try (MutexGuard<List<Integer>> g = m.lock()) {
                            g.get().add(id);
                            Heddle.yieldNow();
                            return true;
                        } catch (IllegalStateException consumed) {
                            return false;
                        }
                    }));
                }
                List<Integer> value = null;
                while (value == null) {
                    try {
                        value = m.intoInner();
                    } catch (IllegalStateException held) {
                        Heddle.yieldNow();
                    }
                }
                int got = 0;
                for (JoinHandle<Boolean> h : tasks) {
                    if (h.join()) {
                        got++;
                    }
                }
                assertEquals(got, value.size(), "lockers that got in " + got + ", value " + value);
            });
        }
    }

    @Test
    void intoInnerAfterTheTasksOnTheMultiThreadRuntime() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            long total = rt.blockOn(() -> {
                Mutex<Account> m = new Mutex<>(new Account());
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(Heddle.spawn(() -> {
                        for (int i = 0; i < 1000; i++) {
                            try (MappedMutexGuard<Long> b = m.lock().map(a -> a.balance, (a, v) -> a.balance = v)) {
                                b.set(b.get() + 1);
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                return m.intoInner().balance;
            });
            assertEquals(4000, total);
        }
    }

    /**
     * A waiter queued when the lock is freed keeps intoInner out; one that comes later fails
     * instead of waiting forever.
     */
    @Test
    void intoInnerNeverStrandsAWaiterOverManySeeds() {
        for (long seed = 0; seed < 100; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Mutex<String> m = new Mutex<>("v");
                MutexGuard<String> g = m.lock();
                JoinHandle<String> waiter = sim.spawn(() -> {
                    try (MutexGuard<String> w = m.lock()) {
                        return w.get();
                    }
                });
                Heddle.yieldNow();
                g.close();
                Heddle.yieldNow();
                boolean waiterDone = waiter.isFinished();
                try {
                    assertEquals("v", m.intoInner());
                    if (waiterDone) {
                        assertEquals("v", waiter.join());
                    } else {
                        JoinException e = assertThrows(JoinException.class, waiter::join);
                        assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
                    }
                } catch (IllegalStateException heldOrWaited) {
                    assertEquals("v", waiter.join());
                }
            });
        }
    }

    @Test
    void tryMapHandsOverOnlyWhenThePartIsThere() {
        Mutex<Account> m = new Mutex<>(new Account());
        MutexGuard<Account> g = m.lock();
        assertTrue(g.tryMap(a -> Optional.<String>empty()).isEmpty());
        assertEquals(0, g.get().balance, "a failed tryMap handed the guard over");
        MappedMutexGuard<List<String>> log = g.tryMap(a -> Optional.of(a.log)).orElseThrow();
        assertThrows(IllegalStateException.class, g::get);
        g.close();
        assertTrue(m.isLocked(), "closing the handed-over guard unlocked the mutex");
        log.close();
        assertFalse(m.isLocked());
    }

    /** Tokio's {@code Debug}: the value while the lock is free, {@code <locked>} while held; a guard shows it. */
    @Test
    void toStringShowsTheValueOnlyWhileTheLockIsFree() {
        Mutex<String> m = new Mutex<>("data");
        assertEquals("Mutex[data=data]", m.toString());
        MutexGuard<String> g = m.lock();
        assertEquals("Mutex[data=<locked>]", m.toString());
        assertEquals("data", g.toString());
        g.close();
        assertEquals("MutexGuard[closed]", g.toString());
        assertFalse(m.isLocked(), "toString left the lock taken");
        m.intoInner();
        assertEquals("Mutex[data=<consumed>]", m.toString());
    }
}
