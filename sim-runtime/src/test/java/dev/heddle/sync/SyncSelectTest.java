package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import dev.heddle.time.Elapsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The primitives' ops as select branches: exactly one commits, the others take nothing. */
class SyncSelectTest {

    @Test
    void aSelectOverTwoMutexesTakesOneAndLeavesTheOtherFreeOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Mutex<String> a = new Mutex<>("a");
                Mutex<String> b = new Mutex<>("b");
                int[] insideA = new int[1];
                int[] insideB = new int[1];
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    tasks.add(sim.spawn(() -> {
                        for (int i = 0; i < 3; i++) {
                            MutexGuard<String> g = Select.<MutexGuard<String>>select()
                                    .on(a.lockOp(), x -> x)
                                    .on(b.lockOp(), x -> x)
                                    .run();
                            int[] inside = g.get().equals("a") ? insideA : insideB;
                            try (g) {
                                inside[0]++;
                                try {
                                    assertEquals(1, inside[0], "two tasks inside mutex " + g.get());
                                    Heddle.yieldNow();
                                } finally {
                                    inside[0]--;
                                }
                            }
                        }
                    }));
                }
                Heddle.yieldNow();
                tasks.get(sim.random().nextInt(tasks.size())).abort();
                for (JoinHandle<Void> h : tasks) {
                    try {
                        h.join();
                    } catch (JoinException e) {
                        assertTrue(e.isCancelled(), "a task failed: " + e);
                    }
                }
                assertFalse(a.isLocked(), "a losing branch or an aborted select kept mutex a");
                assertFalse(b.isLocked(), "a losing branch or an aborted select kept mutex b");
            });
        }
    }

    @Test
    void anAcquireThatTimesOutInASelectTakesNoPermit() {
        Simulation.ofSeed(1).run(sim -> {
            Semaphore s = new Semaphore(1);
            SemaphorePermit held = s.acquire();
            assertThrows(Elapsed.class, () -> Select.timeout(Duration.ofSeconds(1), s.acquireOp(1)));
            assertFalse(s.hasWaiters());
            held.close();
            assertEquals(1, s.availablePermits());
        });
    }

    @Test
    void aClosedSemaphoreDisablesItsBranch() {
        Simulation.ofSeed(2).run(sim -> {
            Semaphore s = new Semaphore(0);
            s.close();
            String r = Select.<String>select()
                    .on(s.acquireOp(1), p -> "permit")
                    .sleep(Duration.ofMillis(10), () -> "slept")
                    .run();
            assertEquals("slept", r);
        });
    }

    @Test
    void aNotificationThatLosesToASleepIsNotConsumed() {
        Simulation.ofSeed(3).run(sim -> {
            Notify notify = new Notify();
            String r = Select.<String>select()
                    .on(notify.notifiedOp(), v -> "notified")
                    .sleep(Duration.ofMillis(10), () -> "slept")
                    .run();
            assertEquals("slept", r);
            notify.notifyOne();
            String again = Select.<String>select()
                    .biased()
                    .on(notify.notifiedOp(), v -> "notified")
                    .sleep(Duration.ofMillis(10), () -> "slept")
                    .run();
            assertEquals("notified", again, "the stored permit was not taken by the next select");
            assertFalse(notify.notifiedOp().tryNow());
        });
    }

    @Test
    void writeAndReadOpsOfAnRwLockInOneSelectCommitOnlyOne() {
        Simulation.ofSeed(4).run(sim -> {
            RwLock<Integer> lock = new RwLock<>(7);
            Object got = Select.<Object>select()
                    .on(lock.writeOp(), w -> w)
                    .on(lock.readOp(), r -> r)
                    .run();
            if (got instanceof RwLockWriteGuard<?> w) {
                assertTrue(lock.tryRead().isEmpty());
                w.close();
            } else {
                RwLockReadGuard<?> r = (RwLockReadGuard<?>) got;
                assertTrue(lock.tryWrite().isEmpty());
                r.close();
            }
            assertTrue(lock.tryWrite().isPresent(), "the losing branch holds the lock");
        });
    }
}
