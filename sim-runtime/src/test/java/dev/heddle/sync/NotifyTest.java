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
import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import java.time.Duration;
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

    /**
     * Tokio's rule for a select branch: a {@code notifyOne} that a {@code notifiedOp()} branch
     * won, in a task aborted before it runs, passes to the next waiter instead of being spent
     * on a task on its way out; the select throws the cancellation instead of running the handler.
     */
    @Test
    void aNotifyOneWonByASelectBranchOfAnAbortedTaskPassesOnOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Notify notify = new Notify();
                boolean[] selecting = new boolean[1];
                boolean[] handled = new boolean[1];
                JoinHandle<String> first = sim.spawn(() -> {
                    selecting[0] = true;
                    return Select.<String>select()
                            .on(notify.notifiedOp(), v -> {
                                handled[0] = true;
                                return "notified";
                            })
                            .sleep(Duration.ofHours(1), () -> "slept")
                            .run();
                });
                while (!selecting[0]) {
                    Heddle.yieldNow();
                }
                boolean[] registered = new boolean[1];
                JoinHandle<Void> second = sim.spawn(() -> {
                    Notified n = notify.notified();
                    registered[0] = true;
                    n.await();
                });
                while (!registered[0]) {
                    Heddle.yieldNow();
                }
                notify.notifyOne();  // claims the select's branch, whose task has not run since...
                first.abort();       // ...and is aborted before it does
                assertTrue(assertThrows(JoinException.class, first::join).isCancelled());
                assertFalse(handled[0], "the handler of the aborted select ran");
                second.join();
                assertFalse(notify.notifiedOp().tryNow(), "the notification passed on was also stored");
            });
        }
    }

    /**
     * An eager {@code notified()} offered to a select that another branch wins stays registered,
     * as Tokio's {@code &mut notified} does: a later {@code notifyWaiters} still reaches it.
     */
    @Test
    void anEagerRegistrationStaysRegisteredAfterLosingASelectOverManySeeds() {
        for (long seed = 0; seed < 100; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Notify notify = new Notify();
                try (Notified n = notify.notified()) {
                    String won = Select.<String>select()
                            .on(n, v -> "notified")
                            .sleep(Duration.ofMillis(1), () -> "slept")
                            .run();
                    assertEquals("slept", won);
                    notify.notifyWaiters();
                    assertTrue(n.isNotified(), "the registration was dropped by the select it lost");
                    n.await();
                }
                Notified held = notify.notified();
                Select.<String>select().on(held, v -> "notified").sleep(Duration.ofMillis(1), () -> "slept").run();
                notify.notifyOne();
                assertTrue(held.isNotified(), "the notifyOne went past the registration");
                held.close();
                assertTrue(notify.notifiedOp().tryNow(), "closing it unconsumed did not pass the notifyOne on");
            });
        }
    }

    @Test
    void anEagerRegistrationStaysRegisteredAfterLosingASelectOnACurrentThreadRuntime() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            boolean reached = rt.blockOn(() -> {
                Notify notify = new Notify();
                try (Notified n = notify.notified()) {
                    Select.<String>select().on(n, v -> "notified").sleep(Duration.ofMillis(1), () -> "slept").run();
                    notify.notifyWaiters();
                    return n.isNotified();
                }
            });
            assertTrue(reached, "the registration was dropped by the select it lost");
        }
    }

    /** Tokio's documented {@code Notify::notify_last}: the newest waiter first, else a stored permit. */
    @Test
    void notifyLastWakesTheNewestWaiterAndStoresAPermitWhenNoneWaits() {
        Notify notify = new Notify();
        Notified older = notify.notified();
        Notified newer = notify.notified();
        notify.notifyLast();
        assertTrue(newer.isNotified(), "the newest registration got it");
        assertFalse(older.isNotified());
        newer.await();
        older.close();

        Notify empty = new Notify();
        empty.notifyLast();
        assertTrue(empty.notifiedOp().tryNow(), "stored as a permit, as notifyOne does");
    }

    @Test
    void notifiedOpRegistersOnlyWhenASelectQueuesItWhileNotifiedRegistersAtOnce() {
        Notify notify = new Notify();
        Notified eager = notify.notified();
        SelectableOp<Void> lazy = notify.notifiedOp();
        notify.notifyWaiters();
        assertTrue(eager.tryNow(), "registered when created, so notifyWaiters reached it");
        assertFalse(lazy.tryNow(), "not registered until a select queues it");
    }
}
