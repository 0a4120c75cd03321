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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BarrierTest {

    @Test
    void aBarrierOfOneMakesEveryCallerTheLeaderOfANewGeneration() {
        Barrier b = new Barrier(1);
        assertEquals(new BarrierWaitResult(true, 0), b.await());
        assertEquals(new BarrierWaitResult(true, 1), b.await());
    }

    /** Tokio's zero_does_not_block is in the conformance suite; this checks what Heddle reports of such a barrier. */
    @Test
    void aBarrierOfZeroCountsOnePartyAndMakesEveryCallerALeader() {
        Simulation.ofSeed(0).run(sim -> {
            Barrier b = new Barrier(0);
            assertEquals(1, b.parties(), "a barrier of 0 behaves as a barrier of 1");
            assertEquals(new BarrierWaitResult(true, 0), b.await());
            assertEquals(new BarrierWaitResult(true, 1), b.await());
        });
    }

    @Test
    void negativePartiesAreRejectedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Barrier(-1));
        assertTrue(e.getMessage().contains("was -1"), e.getMessage());
    }

    @Test
    void anAbortedWaiterWithdrawsItsArrival() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                Barrier b = new Barrier(2);
                JoinHandle<BarrierWaitResult> aborted = Heddle.spawn(() -> b.await());
                Heddle.yieldNow();
                assertEquals(1, b.waiting());
                aborted.abort();
                assertTrue(assertThrows(JoinException.class, aborted::join).isCancelled());
                assertEquals(0, b.waiting());
                JoinHandle<BarrierWaitResult> other = Heddle.spawn(() -> b.await());
                Heddle.yieldNow();
                assertFalse(other.isFinished(), "the barrier counted the aborted arrival");
                BarrierWaitResult mine = b.await();
                assertTrue(mine.isLeader());
                assertFalse(other.join().isLeader());
                return null;
            });
        }
    }

    @Test
    void platformThreadsGetOneLeaderPerGeneration() throws InterruptedException {
        Barrier b = new Barrier(3);
        AtomicInteger leaders = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int g = 0; g < 300; g++) {
                    BarrierWaitResult r = b.await();
                    assertEquals(g, r.generation());
                    if (r.isLeader()) {
                        leaders.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertEquals(300, leaders.get());
    }

    @Test
    void everyGenerationHasExactlyOneLeaderAndWaitsForAllOverManySeeds() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                int parties = 4;
                int generations = 3;
                Barrier b = new Barrier(parties);
                int[] arrived = new int[generations];
                int[] leaders = new int[generations];
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < parties; t++) {
                    tasks.add(sim.spawn(() -> {
                        for (int g = 0; g < generations; g++) {
                            if (Heddle.random().nextBoolean()) {
                                Heddle.yieldNow();
                            }
                            arrived[g]++;
                            BarrierWaitResult r = b.await();
                            assertEquals(g, r.generation());
                            assertEquals(parties, arrived[g], "released before every party arrived");
                            if (r.isLeader()) {
                                leaders[g]++;
                            }
                        }
                    }));
                }
                for (JoinHandle<Void> h : tasks) {
                    h.join();
                }
                for (int g = 0; g < generations; g++) {
                    assertEquals(1, leaders[g], "leaders of generation " + g);
                }
            });
        }
    }
}
