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
}
