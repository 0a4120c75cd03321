package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RwLock}'s reader limit ({@code new RwLock<>(value, maxReaders)}) and {@link RwLockWriteGuard#downgrade()}. */
class RwLockDowngradeAndMaxReadersTest {

    @Test
    void badReaderLimitsFailNamingTheValue() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new RwLock<>(1, 0));
        assertTrue(zero.getMessage().contains("was 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RwLock<>(1, RwLock.MAX_READERS + 1));
        assertEquals(RwLock.MAX_READERS, new RwLock<>(1).maxReaders());
    }

    @Test
    void downgradeKeepsTheLockAndLetsOtherReadersIn() {
        RwLock<String> lock = new RwLock<>("a", 3);
        RwLockWriteGuard<String> w = lock.tryWrite().orElseThrow();
        w.set("b");
        assertTrue(lock.tryRead().isEmpty());
        RwLockReadGuard<String> r = w.downgrade();
        assertEquals("b", r.get());
        IllegalStateException e = assertThrows(IllegalStateException.class, w::get);
        assertTrue(e.getMessage().contains("downgraded"), e.getMessage());
        assertThrows(IllegalStateException.class, w::downgrade);
        assertTrue(lock.tryWrite().isEmpty(), "a writer got in beside the downgraded reader");
        RwLockReadGuard<String> other = lock.tryRead().orElseThrow();
        RwLockReadGuard<String> third = lock.tryRead().orElseThrow();
        assertTrue(lock.tryRead().isEmpty(), "more readers than the limit");
        w.close();
        r.close();
        other.close();
        third.close();
        assertTrue(lock.tryWrite().isPresent());
    }

    @Test
    void downgradeWithOneReaderAllowed() {
        RwLock<Integer> lock = new RwLock<>(1, 1);
        RwLockReadGuard<Integer> r = lock.tryWrite().orElseThrow().downgrade();
        assertTrue(lock.tryRead().isEmpty());
        assertTrue(lock.tryWrite().isEmpty());
        r.close();
        assertTrue(lock.tryWrite().isPresent());
    }

    /**
     * A writer downgrades at a random point while readers and writers arrive: no writer ever
     * overlaps the downgraded reader, the reader sees the value it wrote, and readers that waited
     * get in while it still reads.
     */
    @Test
    void noWriterSlipsInDuringADowngradeOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                RwLock<Integer> lock = new RwLock<>(0, 1 + sim.random().nextInt(3));
                int[] writers = new int[1];
                int[] readers = new int[1];
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 3; i++) {
                            int kind = Heddle.random().nextInt(3);
                            if (kind == 0) {
                                try (RwLockReadGuard<Integer> r = lock.read()) {
                                    readers[0]++;
                                    assertEquals(0, writers[0], "a reader beside a writer");
                                    assertTrue(readers[0] <= lock.maxReaders(), "more readers than the limit");
                                    Heddle.yieldNow();
                                    readers[0]--;
                                }
                            } else {
                                RwLockWriteGuard<Integer> w = lock.write();
                                writers[0]++;
                                assertEquals(1, writers[0], "two writers");
                                assertEquals(0, readers[0], "a writer beside a reader");
                                int mine = id * 100 + i;
                                w.set(mine);
                                Heddle.yieldNow();
                                writers[0]--;
                                if (kind == 1) {
                                    w.close();
                                    continue;
                                }
                                try (RwLockReadGuard<Integer> r = w.downgrade()) {
                                    readers[0]++;
                                    Heddle.yieldNow();
                                    assertEquals(mine, r.get(), "a writer slipped in during the downgrade");
                                    readers[0]--;
                                }
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                assertTrue(lock.tryWrite().isPresent());
            });
        }
    }

    /** Readers queued behind a writer come in as soon as it downgrades, before it finishes reading. */
    @Test
    void downgradeWakesTheReadersWaitingBehindTheWriterOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                RwLock<String> lock = new RwLock<>("old");
                RwLockWriteGuard<String> w = lock.write();
                List<JoinHandle<String>> readers = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    readers.add(sim.spawn(() -> {
                        try (RwLockReadGuard<String> r = lock.read()) {
                            return r.get();
                        }
                    }));
                }
                Heddle.yieldNow();
                w.set("new");
                try (RwLockReadGuard<String> r = w.downgrade()) {
                    for (JoinHandle<String> h : readers) {
                        assertEquals("new", h.join());
                    }
                    assertEquals("new", r.get());
                }
            });
        }
    }
}
