package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnceCellTest {

    @Test
    void theFirstValueStays() {
        OnceCell<String> cell = new OnceCell<>();
        assertEquals(Optional.empty(), cell.get());
        assertTrue(cell.trySet("a"));
        assertFalse(cell.trySet("b"));
        assertEquals("a", cell.getOrInit(() -> "c"));
        assertTrue(cell.isInitialized());
    }

    @Test
    void aNullFromTheInitializerIsRejectedAndTheCellStaysEmpty() {
        OnceCell<String> cell = new OnceCell<>();
        NullPointerException e = assertThrows(NullPointerException.class, () -> cell.getOrInit(() -> null));
        assertTrue(e.getMessage().contains("initializer returned null"), e.getMessage());
        assertEquals("x", cell.getOrInit(() -> "x"));
    }

    @Test
    void aFailedInitializerLetsTheNextWaiterTry() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                OnceCell<String> cell = new OnceCell<>();
                JoinHandle<String> failing = Heddle.spawn(() -> cell.getOrInit(() -> {
                    Heddle.yieldNow();
                    throw new IllegalStateException("connection refused");
                }));
                Heddle.yieldNow();
                JoinHandle<String> next = Heddle.spawn(() -> cell.getOrInit(() -> "second"));
                JoinException e = assertThrows(JoinException.class, failing::join);
                assertEquals("connection refused", e.getCause().getMessage());
                assertEquals("second", next.join());
                assertEquals("second", cell.get().orElseThrow());
                return null;
            });
        }
    }

    @Test
    void oneInitializerRunsWhileTheOthersWaitEvenWhenAbortedOverManySeeds() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                OnceCell<Integer> cell = new OnceCell<>();
                int[] running = new int[1];
                int[] finished = new int[1];
                List<JoinHandle<Integer>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int id = t;
                    tasks.add(sim.spawn(() -> cell.getOrInit(() -> {
                        running[0]++;
                        try {
                            assertEquals(1, running[0], "two initializers at once");
                            Heddle.yieldNow();
                        } finally {
                            running[0]--;
                        }
                        finished[0]++;
                        return id;
                    })));
                }
                JoinHandle<Integer> victim = tasks.get(sim.random().nextInt(tasks.size()));
                if (sim.random().nextBoolean()) {
                    Heddle.yieldNow();
                }
                victim.abort();
                List<Integer> seen = new ArrayList<>();
                for (JoinHandle<Integer> h : tasks) {
                    try {
                        seen.add(h.join());
                    } catch (JoinException e) {
                        assertTrue(e.isCancelled(), "a task failed: " + e);
                    }
                }
                assertEquals(1, finished[0], "initializers that finished");
                int value = cell.get().orElseThrow();
                for (int v : seen) {
                    assertEquals(value, v);
                }
            });
        }
    }

    @Test
    void ofMakesAnInitializedCellAndSetSaysWhyItFailed() {
        OnceCell<String> cell = OnceCell.of("a");
        assertTrue(cell.isInitialized());
        assertEquals("a", cell.getOrInit(() -> "never"));
        OnceCellSetException already = assertThrows(OnceCellSetException.class, () -> cell.set("b"));
        assertTrue(already.isAlreadyInitialized());
        assertFalse(already.isInitializing());
        assertThrows(NullPointerException.class, () -> OnceCell.of(null));
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                OnceCell<String> busy = new OnceCell<>();
                boolean[] initializing = new boolean[1];
                SetOnce<Boolean> finish = new SetOnce<>();
                JoinHandle<String> init = sim.spawn(() -> busy.getOrInit(() -> {
                    initializing[0] = true;
                    finish.await();
                    return "slow";
                }));
                while (!initializing[0]) {
                    Heddle.yieldNow();
                }
                OnceCellSetException e = assertThrows(OnceCellSetException.class, () -> busy.set("fast"));
                assertTrue(e.isInitializing(), e.getMessage());
                finish.set(true);
                assertEquals("slow", init.join());
            });
        }
    }

    /** A checked failure of getOrTryInit reaches its caller only; the next waiting caller runs its own initializer. */
    @Test
    void aFailingTryInitLetsTheNextWaiterTryOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                OnceCell<Integer> cell = new OnceCell<>();
                int[] ran = new int[1];
                List<JoinHandle<Integer>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int me = t;
                    tasks.add(sim.spawn(() -> {
                        try {
                            return cell.getOrTryInit(() -> {
                                ran[0]++;
                                Heddle.yieldNow();
                                if (me % 2 == 0) {
                                    throw new IOException("refused " + me);
                                }
                                return me;
                            });
                        } catch (IOException e) {
                            return -1;
                        }
                    }));
                }
                List<Integer> got = new ArrayList<>();
                for (JoinHandle<Integer> h : tasks) {
                    got.add(h.join());
                }
                int value = cell.get().orElseThrow();
                assertTrue(value % 2 == 1, "a failed initializer's value was kept: " + value);
                for (int g : got) {
                    assertTrue(g == -1 || g == value, "a caller saw another value than the cell's: " + got);
                }
                assertTrue(ran[0] <= 3, "an initializer ran after the value was set: " + ran[0]);
            });
        }
    }

    @Test
    void getOrTryInitOnTheMultiThreadRuntimeRunsOneSucceedingInitializer() throws Exception {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int[] created = rt.blockOn(() -> {
                OnceCell<Integer> cell = new OnceCell<>();
                AtomicInteger successes = new AtomicInteger();
                List<JoinHandle<Integer>> tasks = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    tasks.add(Heddle.spawn(() -> cell.getOrTryInit(() -> {
                        successes.incrementAndGet();
                        return 5;
                    })));
                }
                int sum = 0;
                for (JoinHandle<Integer> h : tasks) {
                    sum += h.join();
                }
                return new int[] {sum, successes.get()};
            });
            assertEquals(80, created[0]);
            assertEquals(1, created[1], "more than one initializer ran");
        }
    }
}
