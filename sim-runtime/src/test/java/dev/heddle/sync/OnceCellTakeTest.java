package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link OnceCell#take()} and {@link OnceCell#intoInner()}: the cell emptied, and initialized anew. */
class OnceCellTakeTest {

    @Test
    void takeEmptiesTheCellSoTheNextCallerInitializesItAgain() {
        OnceCell<String> cell = new OnceCell<>();
        assertEquals(Optional.empty(), cell.take());
        assertEquals("a", cell.getOrInit(() -> "a"));
        assertEquals(Optional.of("a"), cell.take());
        assertEquals(Optional.empty(), cell.get());
        assertEquals("b", cell.getOrInit(() -> "b"));
        assertFalse(cell.trySet("c"));
        assertEquals(Optional.of("b"), cell.take());
        assertTrue(cell.trySet("c"));
        assertEquals("c", cell.get().orElseThrow());
    }

    /**
     * Tasks initialize, read and take at random points: every value taken was created by exactly
     * one initializer, no value is taken twice, and a reader sees only values some initializer made.
     */
    @Test
    void takesRacingInitializersOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                OnceCell<Integer> cell = new OnceCell<>();
                AtomicInteger created = new AtomicInteger();
                List<Integer> taken = new ArrayList<>();
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 4; i++) {
                            int v = cell.getOrInit(() -> {
                                Heddle.yieldNow();
                                return created.incrementAndGet();
                            });
                            assertTrue(v >= 1 && v <= created.get(), "a value no initializer made: " + v);
                            Heddle.yieldNow();
                            if (Heddle.random().nextBoolean()) {
                                cell.take().ifPresent(taken::add);
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                cell.take().ifPresent(taken::add);
                assertEquals(taken.stream().distinct().count(), taken.size(), "a value was taken twice: " + taken);
                assertEquals(created.get(), taken.size(), "values created " + created + ", taken " + taken);
            });
        }
    }

    @Test
    void takesRacingInitializersOnTheMultiThreadRuntime() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int[] counts = rt.blockOn(() -> {
                OnceCell<Integer> cell = new OnceCell<>();
                AtomicInteger created = new AtomicInteger();
                AtomicInteger taken = new AtomicInteger();
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(Heddle.spawn(() -> {
                        for (int i = 0; i < 2000; i++) {
                            cell.getOrInit(created::incrementAndGet);
                            if (cell.take().isPresent()) {
                                taken.incrementAndGet();
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                if (cell.take().isPresent()) {
                    taken.incrementAndGet();
                }
                return new int[] {created.get(), taken.get()};
            });
            assertEquals(counts[0], counts[1], "values created and taken differ");
        }
    }
}
