package dev.heddle.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.sim.Simulation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NotifyTest {

    @Test
    void notifyOneWithNobodyWaitingStoresExactlyOnePermit() {
        Notify notify = new Notify();
        notify.notifyOne();
        notify.notifyOne();
        assertTrue(notify.notifiedOp().tryNow(), "the stored permit was not taken");
        assertFalse(notify.notifiedOp().tryNow(), "more than one permit was stored");
    }

    @Test
    void notifyWaitersReachesOnlyRegistrationsThatExistAndStoresNothing() {
        Notify notify = new Notify();
        Notified first = notify.notified();
        Notified second = notify.notified();
        notify.notifyWaiters();
        Notified later = notify.notified();
        assertTrue(first.isNotified());
        assertTrue(second.isNotified());
        assertFalse(later.isNotified());
        first.await();
        second.await();
        assertFalse(notify.notifiedOp().tryNow(), "notifyWaiters stored a permit");
    }

    @Test
    void aNotifiedCannotBeConsumedTwice() {
        Notify notify = new Notify();
        Notified n = notify.notified();
        notify.notifyOne();
        n.await();
        IllegalStateException e = assertThrows(IllegalStateException.class, n::await);
        assertTrue(e.getMessage().contains("notify.notified()"), e.getMessage());
    }

    @Test
    void closingAnUnconsumedNotificationPassesItToTheNextWaiter() {
        Notify notify = new Notify();
        Notified first = notify.notified();
        Notified second = notify.notified();
        notify.notifyOne();
        assertTrue(first.isNotified());
        assertFalse(second.isNotified());
        first.close();
        assertTrue(second.isNotified(), "the notification closed unconsumed was lost");
    }

    @Test
    void aWaitingTaskIsWokenByNotifyOneOnACurrentThreadRuntime() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            int got = rt.blockOn(() -> {
                Notify notify = new Notify();
                ArrayDeque<Integer> queue = new ArrayDeque<>();
                JoinHandle<Integer> consumer = Heddle.spawn(() -> {
                    while (true) {
                        try (Notified n = notify.notified()) {
                            Integer v = queue.poll();
                            if (v != null) {
                                return v;
                            }
                            n.await();
                        }
                    }
                });
                Heddle.yieldNow();
                queue.add(42);
                notify.notifyOne();
                return consumer.join();
            });
            assertEquals(42, got);
        }
    }

    @Test
    void anAbortedWaiterDoesNotSwallowTheNextNotification() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            rt.blockOn(() -> {
                Notify notify = new Notify();
                JoinHandle<Void> aborted = Heddle.spawn(() -> notify.notified().await());
                Heddle.yieldNow();
                JoinHandle<Void> other = Heddle.spawn(() -> notify.notified().await());
                Heddle.yieldNow();
                aborted.abort();
                assertThrows(JoinException.class, aborted::join);
                notify.notifyOne();
                other.join();
                assertFalse(notify.notifiedOp().tryNow(), "the notification was stored instead of waking the waiter");
                return null;
            });
        }
    }

    @Test
    void platformThreadsPassNotificationsWithoutLosingOne() throws InterruptedException {
        Notify ping = new Notify();
        Notify pong = new Notify();
        int rounds = 2_000;
        Thread other = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < rounds; i++) {
                ping.notified().await();
                pong.notifyOne();
            }
        });
        for (int i = 0; i < rounds; i++) {
            ping.notifyOne();
            pong.notified().await();
        }
        other.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(other.isAlive());
    }

    @Test
    void aProducerNeverLosesAWakeUpOverManySeeds() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Notify notify = new Notify();
                ArrayDeque<Integer> queue = new ArrayDeque<>();
                JoinHandle<Integer> consumer = sim.spawn(() -> {
                    int sum = 0;
                    int taken = 0;
                    while (taken < 10) {
                        try (Notified n = notify.notified()) {
                            Integer v = queue.poll();
                            if (v == null) {
                                n.await();
                                continue;
                            }
                            sum += v;
                            taken++;
                        }
                    }
                    return sum;
                });
                for (int i = 1; i <= 10; i++) {
                    if (sim.random().nextBoolean()) {
                        Heddle.yieldNow();
                    }
                    queue.add(i);
                    notify.notifyOne();
                }
                assertEquals(55, consumer.join());
            });
        }
    }

    @Test
    void abortingAWaiterAtARandomPointNeverLosesANotifyOne() {
        for (long seed = 0; seed < 500; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Notify notify = new Notify();
                int[] registered = new int[1];
                int[] woken = new int[1];
                List<JoinHandle<Void>> tasks = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    tasks.add(sim.spawn(() -> {
                        Notified n = notify.notified();
                        registered[0]++;
                        n.await();
                        woken[0]++;
                    }));
                }
                while (registered[0] < 4) {
                    Heddle.yieldNow();
                }
                int abortAt = sim.random().nextInt(4);
                for (int i = 0; i < 3; i++) {
                    if (i == abortAt) {
                        tasks.get(sim.random().nextInt(4)).abort();
                    }
                    notify.notifyOne();
                    Heddle.yieldNow();
                }
                if (abortAt == 3) {
                    tasks.get(sim.random().nextInt(4)).abort();
                }
                for (int i = 0; i < 20 && woken[0] < 3; i++) {
                    Heddle.yieldNow();
                }
                assertEquals(3, woken[0], "a notifyOne was lost to an aborted waiter");
                for (JoinHandle<Void> h : tasks) {
                    h.abort();
                }
                SelectableOp<Void> after = notify.notifiedOp();
                assertFalse(after.tryNow(), "a notification was stored although live waiters were registered");
            });
        }
    }
}
