package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetOnceTest {

    @Test
    void theFirstSetStaysAndASecondFailsNamingBothValues() {
        SetOnce<String> once = new SetOnce<>();
        assertFalse(once.isInitialized());
        once.set("a");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> once.set("b"));
        assertTrue(e.getMessage().contains("already holds a") && e.getMessage().contains("set(b)"), e.getMessage());
        assertEquals("a", once.get().orElseThrow());
        assertEquals("a", once.await(), "await on a set value returns at once");
        assertThrows(NullPointerException.class, () -> new SetOnce<String>().set(null));
    }

    @Test
    void intoInnerConsumesTheCellAndRefusesWhileATaskWaits() {
        SetOnce<String> once = SetOnce.of("v");
        assertEquals(Optional.of("v"), once.intoInner());
        IllegalStateException consumed = assertThrows(IllegalStateException.class, () -> once.set("w"));
        assertTrue(consumed.getMessage().contains("consumed by intoInner()"), consumed.getMessage());
        assertThrows(IllegalStateException.class, once::intoInner);
        Simulation.ofSeed(0).run(sim -> {
            SetOnce<String> empty = new SetOnce<>();
            JoinHandle<String> waiter = sim.spawn(empty::await);
            Heddle.yieldNow();
            IllegalStateException waits = assertThrows(IllegalStateException.class, empty::intoInner);
            assertTrue(waits.getMessage().contains("a task waits for its value"), waits.getMessage());
            empty.set("late");
            assertEquals("late", waiter.join());
        });
    }

    /** Every waiter, whenever it arrives, gets the one value; an aborted waiter leaves nothing queued. */
    @Test
    void everyWaiterGetsTheValueAndAbortedOnesLeaveNothingBehindOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                SetOnce<Integer> once = new SetOnce<>();
                List<JoinHandle<Integer>> waiters = new ArrayList<>();
                for (int t = 0; t < 5; t++) {
                    waiters.add(sim.spawn(() -> {
                        if (Heddle.random().nextBoolean()) {
                            Heddle.yieldNow();
                        }
                        return once.await();
                    }));
                }
                JoinHandle<Integer> aborted = sim.spawn(once::await);
                if (sim.random().nextBoolean()) {
                    Heddle.yieldNow();
                }
                aborted.abort();
                JoinHandle<Void> setter = sim.spawn(() -> once.set(7));
                setter.join();
                for (JoinHandle<Integer> w : waiters) {
                    assertEquals(7, w.join());
                }
                try {
                    assertEquals(7, aborted.join(), "an aborted waiter that got through got the value");
                } catch (JoinException e) {
                    assertTrue(e.isCancelled());
                }
                assertEquals(Optional.of(7), once.intoInner(), "a waiter was left queued");
            });
        }
    }

    @Test
    void aSelectWaitsForTheValueOrGivesUpTakingNothing() {
        Simulation.ofSeed(1).run(sim -> {
            SetOnce<String> once = new SetOnce<>();
            String first = Select.<String>select().on(once.awaitOp(), v -> v)
                    .sleep(Duration.ofMillis(5), () -> "timed out").run();
            assertEquals("timed out", first);
            sim.spawn(() -> {
                Heddle.sleep(Duration.ofMillis(1));
                once.set("value");
            });
            String second = Select.<String>select().on(once.awaitOp(), v -> v)
                    .sleep(Duration.ofMillis(5), () -> "timed out").run();
            assertEquals("value", second);
        });
    }

    @Test
    void waitersOnTheMultiThreadRuntimeAllGetTheValue() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int sum = rt.blockOn(() -> {
                SetOnce<Integer> once = new SetOnce<>();
                List<JoinHandle<Integer>> waiters = new ArrayList<>();
                for (int t = 0; t < 50; t++) {
                    waiters.add(Heddle.spawn(once::await));
                }
                Heddle.spawn(() -> once.set(2));
                int total = 0;
                for (JoinHandle<Integer> w : waiters) {
                    total += w.join();
                }
                return total;
            });
            assertEquals(100, sum);
        }
    }
}
