package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RwLockTest {

    @Test
    void readersShareAndAWriterExcludesEveryone() {
        RwLock<String> lock = new RwLock<>("v1");
        RwLockReadGuard<String> r1 = lock.tryRead().orElseThrow();
        RwLockReadGuard<String> r2 = lock.tryRead().orElseThrow();
        assertEquals("v1", r2.get());
        assertTrue(lock.tryWrite().isEmpty());
        r1.close();
        r2.close();
        try (RwLockWriteGuard<String> w = lock.tryWrite().orElseThrow()) {
            assertTrue(lock.tryRead().isEmpty());
            assertTrue(lock.tryWrite().isEmpty());
            w.set("v2");
        }
        assertEquals("v2", lock.tryRead().orElseThrow().get());
    }

    @Test
    void aWaitingWriterHoldsBackReadersThatArriveAfterIt() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            List<String> order = rt.blockOn(() -> {
                RwLock<List<String>> lock = new RwLock<>(new ArrayList<>());
                RwLockReadGuard<List<String>> reading = lock.read();
                JoinHandle<Void> writer = Heddle.spawn(() -> {
                    try (RwLockWriteGuard<List<String>> w = lock.write()) {
                        w.get().add("writer");
                    }
                });
                Heddle.yieldNow();
                assertTrue(lock.tryRead().isEmpty(), "a new reader overtook the waiting writer");
                JoinHandle<Void> lateReader = Heddle.spawn(() -> {
                    try (RwLockReadGuard<List<String>> r = lock.read()) {
                        r.get().add("late reader saw " + r.get().size());
                    }
                });
                Heddle.yieldNow();
                reading.close();
                writer.join();
                lateReader.join();
                return lock.read().get();
            });
            assertEquals(List.of("writer", "late reader saw 1"), order);
        }
    }

    @Test
    void platformThreadsNeverSeeAHalfWrittenValue() throws InterruptedException {
        RwLock<int[]> pair = new RwLock<>(new int[2]);
        List<Thread> threads = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            boolean writer = t % 2 == 0;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    if (writer) {
                        try (RwLockWriteGuard<int[]> w = pair.write()) {
                            w.get()[0]++;
                            w.get()[1]++;
                        }
                    } else {
                        try (RwLockReadGuard<int[]> r = pair.read()) {
                            if (r.get()[0] != r.get()[1]) {
                                synchronized (errors) {
                                    errors.add(r.get()[0] + " != " + r.get()[1]);
                                }
                            }
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertEquals(List.of(), errors);
        assertEquals(4_000, pair.tryRead().orElseThrow().get()[0]);
    }

    @Test
    void readersAndWritersExcludeEachOtherEvenWhenAbortedOverManySeeds() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                RwLock<Void> lock = new RwLock<>(null);
                int[] readers = new int[1];
                int[] writers = new int[1];
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 5; t++) {
                    boolean writer = t < 2;
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 4; i++) {
                            if (writer) {
                                try (RwLockWriteGuard<Void> w = lock.write()) {
                                    writers[0]++;
                                    try {
                                        assertEquals(1, writers[0], "two writers at once");
                                        assertEquals(0, readers[0], "a writer while reading");
                                        Heddle.yieldNow();
                                    } finally {
                                        writers[0]--;
                                    }
                                }
                            } else {
                                try (RwLockReadGuard<Void> r = lock.read()) {
                                    readers[0]++;
                                    try {
                                        assertEquals(0, writers[0], "a reader while writing");
                                        Heddle.yieldNow();
                                    } finally {
                                        readers[0]--;
                                    }
                                }
                            }
                        }
                    }));
                }
                int yields = sim.random().nextInt(15);
                for (int y = 0; y < yields; y++) {
                    Heddle.yieldNow();
                }
                tasks.get(sim.random().nextInt(tasks.size())).abort();
                for (JoinHandle<Void> h : tasks) {
                    try {
                        h.join();
                    } catch (JoinException e) {
                        assertTrue(e.isCancelled(), "a task failed: " + e);
                    }
                }
                assertTrue(lock.tryWrite().isPresent(), "the lock is still held after every task ended");
            });
        }
    }
}
