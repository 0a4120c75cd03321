package dev.heddle.channel.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class WatchTest {

    @Test
    void receiverSeesTheLatestVersionAndSkipsTheOnesInBetween() {
        Channel<Integer> ch = Watch.channel(0);
        Receiver<Integer> rx = ch.receiver();
        assertFalse(rx.hasChanged(), "the initial value counts as seen");
        ch.sender().send(1);
        ch.sender().send(2);
        assertTrue(rx.hasChanged());
        assertEquals(2, rx.borrow());
        assertTrue(rx.hasChanged(), "borrow does not mark the value seen");
        assertEquals(2, rx.borrowAndUpdate());
        assertFalse(rx.hasChanged());
        ch.sender().sendModify(v -> v + 10);
        assertEquals(12, rx.changed());
        assertEquals(12, ch.sender().borrow());
    }

    @Test
    void changedWaitsForANewVersionAndFailsOnceTheSenderClosed() {
        Simulation.ofSeed(1).run(sim -> {
            Channel<String> ch = Watch.channel("v0");
            Receiver<String> rx = ch.sender().subscribe();
            JoinHandle<String> waiter = sim.spawn(rx::changed);
            sim.sleep(Duration.ofMillis(1));
            assertFalse(waiter.isFinished());
            ch.sender().send("v1");
            assertEquals("v1", waiter.join());
            ch.sender().send("v2");
            ch.sender().close();
            assertEquals("v2", rx.changed(), "an unseen version is delivered even after the sender closed");
            assertThrows(ChannelClosedException.class, rx::changed);
            assertThrows(ChannelClosedException.class, rx::hasChanged);
        });
    }

    @Test
    void sendWithoutReceiversIsRefusedButSendReplaceStores() {
        Channel<String> ch = Watch.channel("a");
        Receiver<String> clone = ch.receiver().clone();
        ch.receiver().close();
        assertFalse(ch.sender().isClosed());
        clone.close();
        assertTrue(ch.sender().isClosed());
        SendException e = assertThrows(SendException.class, () -> ch.sender().send("b"));
        assertEquals("b", e.value());
        assertEquals("a", ch.sender().sendReplace("c"));
        Receiver<String> late = ch.sender().subscribe();
        assertEquals("c", late.borrow());
        assertFalse(late.hasChanged());
    }

    @Test
    void everySendOnAClosedSenderHandsBackWhatItDidNotStore() {
        Channel<String> ch = Watch.channel("a");
        ch.sender().close();
        SendException send = assertThrows(SendException.class, () -> ch.sender().send("b"));
        assertEquals(SendException.Reason.SENDER_CLOSED, send.reason());
        assertEquals("b", send.<String>value());
        assertTrue(send.getMessage().contains("closed") && send.getMessage().contains("b was not stored"),
                send.getMessage());
        SendException replace = assertThrows(SendException.class, () -> ch.sender().sendReplace("c"));
        assertEquals(SendException.Reason.SENDER_CLOSED, replace.reason());
        assertEquals("c", replace.<String>value());
        UnaryOperator<String> append = v -> v + "!";
        SendException modify = assertThrows(SendException.class, () -> ch.sender().sendModify(append));
        assertEquals(SendException.Reason.SENDER_CLOSED, modify.reason());
        assertSame(append, modify.value(), "sendModify hands back the function it did not apply");
        assertTrue(modify.getMessage().contains("sendModify function was not applied"), modify.getMessage());
        assertEquals("a", ch.sender().borrow(), "no refused update was stored");
    }

    @Test
    void changedBranchThatLosesLeavesTheVersionUnseen() {
        Simulation.ofSeed(2).run(sim -> {
            Channel<Integer> ch = Watch.channel(0);
            ch.sender().send(1);
            String r = Select.<String>select().biased().sleep(Duration.ZERO, () -> "slept")
                    .on(ch.receiver().changedOp(), v -> "changed " + v).run();
            assertEquals("slept", r);
            assertTrue(ch.receiver().hasChanged());
        });
    }

    @Test
    void watchersOnWorkerThreadsEndAtTheLastValue() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int last = rt.blockOn(() -> {
                Channel<Integer> ch = Watch.channel(0);
                JoinHandle<Integer> watcher = Heddle.spawn(() -> {
                    Receiver<Integer> rx = ch.receiver();
                    int seen = 0;
                    while (true) {
                        try {
                            int v = rx.changed();
                            assertTrue(v > seen, "versions only move forward");
                            seen = v;
                        } catch (ChannelClosedException e) {
                            return seen;
                        }
                    }
                });
                for (int i = 1; i <= 1000; i++) {
                    ch.sender().send(i);
                }
                ch.sender().close();
                return watcher.join();
            });
            assertEquals(1000, last);
        }
    }

    /**
     * Tokio's changed() marks the version seen when the receiving task runs: a value sent after
     * the wake-up and before the task ran is what it sees, once, and not reported again.
     */
    @Test
    void aValueSentBetweenWakeUpAndRunIsSeenOnceWhenTheReceiverRuns() {
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<String> ch = Watch.channel("initial");
                Receiver<String> rx = ch.receiver();
                JoinHandle<String> waiter = sim.spawn(() -> {
                    String got = rx.changed();
                    return got + (rx.hasChanged() ? ", changed again" : "");
                });
                while (rx.queuedWaiters() == 0) {
                    Heddle.yieldNow();
                }
                ch.sender().send("woke it");
                ch.sender().send("sent before it ran"); // no suspension between: the waiter has not run yet
                assertEquals("sent before it ran", waiter.join(), "the latest value, seen once");
            });
        }
    }

    @Test
    void aChangeWaitWokenByCloseStillReturnsAValueSentBeforeTheReceiverRan() {
        Simulation.ofSeed(1).run(sim -> {
            Channel<Integer> ch = Watch.channel(0);
            Receiver<Integer> rx = ch.receiver();
            JoinHandle<Integer> waiter = sim.spawn(rx::changed);
            while (rx.queuedWaiters() == 0) {
                Heddle.yieldNow();
            }
            ch.sender().send(1);
            ch.sender().close();
            assertEquals(1, waiter.join());
            assertThrows(ChannelClosedException.class, rx::changed);
        });
    }

    @Test
    void sendIfModifiedPublishesAndWakesOnlyWhenItChangedTheValue() {
        Simulation.ofSeed(3).run(sim -> {
            Channel<Set<String>> ch = Watch.channel(ConcurrentHashMap.newKeySet());
            Receiver<Set<String>> rx = ch.receiver();
            JoinHandle<Set<String>> waiter = sim.spawn(rx::changed);
            sim.sleep(Duration.ofMillis(1));
            assertTrue(ch.sender().sendIfModified(members -> members.add("n1")));
            assertEquals(Set.of("n1"), waiter.join());
            assertFalse(rx.hasChanged());

            JoinHandle<Set<String>> next = sim.spawn(rx::changed);
            sim.sleep(Duration.ofMillis(1));
            assertFalse(ch.sender().sendIfModified(members -> members.add("n1")), "already a member");
            sim.sleep(Duration.ofMillis(1));
            assertFalse(next.isFinished(), "an unmodified value wakes no one");
            assertFalse(rx.hasChanged(), "and adds no version");
            assertTrue(ch.sender().sendIfModified(members -> members.add("n2")));
            assertEquals(Set.of("n1", "n2"), next.join());

            ch.sender().close();
            Predicate<Set<String>> add = members -> members.add("n3");
            SendException refused = assertThrows(SendException.class, () -> ch.sender().sendIfModified(add));
            assertSame(add, refused.value(), "a closed sender hands back the function it did not run");
            assertEquals(Set.of("n1", "n2"), rx.borrow());
        });
    }

    /**
     * Several senders on worker threads, each a clone closed when done: the channel ends only
     * after the last, a waitFor sees a value that satisfies it, and senderCount falls to zero.
     */
    @Test
    void severalSendersAndWaitForOnWorkerThreads() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int seen = rt.blockOn(() -> {
                Channel<Integer> ch = Watch.channel(0);
                Receiver<Integer> rx = ch.receiver();
                List<JoinHandle<Void>> writers = new ArrayList<>();
                for (int w = 0; w < 3; w++) {
                    Sender<Integer> tx = ch.sender().clone();
                    writers.add(Heddle.spawn(() -> {
                        try (tx) {
                            for (int i = 0; i < 100; i++) {
                                tx.sendModify(v -> v + 1);
                            }
                        }
                    }));
                }
                ch.sender().close();
                int atLeast200 = rx.waitFor(v -> v >= 200);
                assertTrue(atLeast200 >= 200, "waitFor returned " + atLeast200);
                for (JoinHandle<Void> writer : writers) {
                    writer.join();
                }
                assertEquals(0, ch.sender().senderCount());
                assertThrows(ChannelClosedException.class, () -> rx.waitFor(v -> v > 300),
                        "every sender closed and 300 never came");
                return rx.borrow();
            });
            assertEquals(300, seen);
        }
    }

    @Test
    void senderClosedReturnsOnAWorkerThreadWhenTheLastReceiverCloses() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            boolean closed = rt.blockOn(() -> {
                Channel<Integer> ch = Watch.channel(0);
                Receiver<Integer> second = ch.sender().subscribe();
                Heddle.spawn(() -> ch.receiver().close());
                Heddle.spawn(second::close);
                ch.sender().closed();
                return ch.sender().isClosed();
            });
            assertTrue(closed);
        }
    }

    /** A receiver's waitFor, over many seeds, returns a value that satisfies it while the versions climb past it. */
    @Test
    void waitForReturnsAValueThatSatisfiesItOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> ch = Watch.channel(0);
                Receiver<Integer> rx = ch.receiver();
                int target = sim.random().nextInt(1, 20);
                JoinHandle<Integer> waiter = sim.spawn(() -> rx.waitFor(v -> v >= target));
                for (int v = 1; v <= 20; v++) {
                    ch.sender().send(v);
                    if (sim.random().nextBoolean()) {
                        Heddle.yieldNow();
                    }
                }
                int got = waiter.join();
                assertTrue(got >= target, "waitFor returned " + got + " for v >= " + target);
            });
        }
    }

    /** Closing a receiver from another task ends the wait under way on it; the other receivers watch on. */
    @Test
    void closingAReceiverEndsItsWaitingChangedAndLeavesTheOthersWatching() {
        Simulation.ofSeed(4).run(sim -> {
            Channel<Integer> ch = Watch.channel(0);
            Receiver<Integer> doomed = ch.receiver();
            Receiver<Integer> other = ch.sender().subscribe();
            JoinHandle<String> watcher = sim.spawn(() -> {
                try {
                    return "changed to " + doomed.changed();
                } catch (ChannelClosedException e) {
                    return e.getMessage();
                }
            });
            JoinHandle<Integer> otherWatcher = sim.spawn(other::changed);
            sim.sleep(Duration.ofMillis(1));
            doomed.close();
            assertTrue(watcher.join().contains("receiver is closed"), watcher.join());
            assertFalse(otherWatcher.isFinished());
            ch.sender().send(1);
            assertEquals(1, otherWatcher.join());
            assertThrows(ChannelClosedException.class, () -> doomed.waitFor(v -> true));
            assertEquals(1, ch.sender().receiverCount());
        });
    }
}
