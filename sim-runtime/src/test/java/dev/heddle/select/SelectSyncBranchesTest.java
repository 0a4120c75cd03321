package dev.heddle.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;
import dev.heddle.sync.Notify;
import dev.heddle.sync.Semaphore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Select branches over the sync primitives: a losing branch holds no lock and takes no permit. */
class SelectSyncBranchesTest {

    @Test
    void lockBranchThatLosesDoesNotHoldTheMutex() {
        Simulation.ofSeed(1).run(sim -> {
            Mutex<Integer> mutex = new Mutex<>(0);
            Channel<String> ch = Mpsc.unbounded();
            MutexGuard<Integer> held = mutex.lock();
            JoinHandle<String> sel = sim.spawn(() -> Select.<String>select()
                    .on(mutex.lockOp(), guard -> {
                        try (guard) {
                            return "locked";
                        }
                    })
                    .on(ch.receiver().recvOp(), v -> "received " + v).run());
            sim.sleep(Duration.ofMillis(1));
            ch.sender().send("x");
            assertEquals("received x", sel.join());
            held.close();
            assertFalse(mutex.isLocked(), "the losing lock branch must not have taken the mutex");
            assertEquals("locked", Select.<String>select().on(mutex.lockOp(), guard -> {
                try (guard) {
                    return "locked";
                }
            }).run());
        });
    }

    @Test
    void acquireBranchTakesPermitsOnlyWhenItWins() {
        Simulation.ofSeed(2).run(sim -> {
            Semaphore semaphore = new Semaphore(1);
            String r = Select.<String>select().biased()
                    .sleep(Duration.ZERO, () -> "slept")
                    .on(semaphore.acquireOp(1), permit -> {
                        permit.close();
                        return "acquired";
                    }).run();
            assertEquals("slept", r);
            assertEquals(1, semaphore.availablePermits());
            int[] during = new int[1];
            assertEquals("acquired", Select.<String>select().on(semaphore.acquireOp(1), permit -> {
                try (permit) {
                    during[0] = semaphore.availablePermits();
                    return "acquired";
                }
            }).run());
            assertEquals(0, during[0]);
            assertEquals(1, semaphore.availablePermits());
        });
    }

    @Test
    void notifiedBranchWakesOnNotifyOne() {
        Simulation.ofSeed(3).run(sim -> {
            Notify notify = new Notify();
            JoinHandle<String> sel = sim.spawn(() -> Select.<String>select()
                    .on(notify.notifiedOp(), _ -> "notified")
                    .sleep(Duration.ofSeconds(5), () -> "timed out").run());
            sim.sleep(Duration.ofMillis(1));
            notify.notifyOne();
            assertEquals("notified", sel.join());
            assertTrue(sim.now() < Duration.ofSeconds(5).toNanos());
        });
    }
}
