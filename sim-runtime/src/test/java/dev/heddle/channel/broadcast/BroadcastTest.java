package dev.heddle.channel.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastTest {

    @Test
    void everySubscriberSeesOnlyWhatIsSentAfterItSubscribed() {
        Channel<String> ch = Broadcast.channel(8);
        ch.sender().send("before");
        Receiver<String> late = ch.sender().subscribe();
        assertEquals(2, ch.sender().send("after"));
        assertEquals("before", ch.receiver().tryRecv());
        assertEquals("after", ch.receiver().tryRecv());
        assertEquals("after", late.tryRecv());
        assertNull(late.tryRecv());
    }

    @Test
    void laggingReceiverLearnsExactlyHowManyItMissedAndContinuesFromTheOldest() {
        Channel<Integer> ch = Broadcast.channel(4);
        for (int i = 0; i < 10; i++) {
            ch.sender().send(i);
        }
        assertEquals(10, ch.receiver().len(), "len counts from the receiver's position, overwritten values too");
        assertEquals(4, ch.sender().len(), "the sender counts what is held and unread");
        LaggedException lag = assertThrows(LaggedException.class, ch.receiver()::tryRecv);
        assertEquals(6, lag.missed());
        for (int i = 6; i < 10; i++) {
            assertEquals(i, ch.receiver().tryRecv());
        }
        assertNull(ch.receiver().tryRecv());
    }

    @Test
    void closedOnceEverySenderClosedAndTheReceiverDrained() {
        Simulation.ofSeed(1).run(sim -> {
            Channel<Integer> ch = Broadcast.channel(4);
            Sender<Integer> second = ch.sender().clone();
            JoinHandle<List<Integer>> reader = sim.spawn(() -> {
                List<Integer> got = new ArrayList<>();
                Integer v;
                while ((v = ch.receiver().recv()) != null) {
                    got.add(v);
                }
                return got;
            });
            ch.sender().send(1);
            ch.sender().close();
            sim.sleep(Duration.ofMillis(1));
            second.send(2);
            assertFalse(ch.receiver().isClosed());
            second.close();
            assertEquals(List.of(1, 2), reader.join());
            assertTrue(ch.receiver().isClosed());
        });
    }

    @Test
    void sendWithoutSubscribersHandsTheValueBack() {
        Channel<String> ch = Broadcast.channel(2);
        ch.receiver().close();
        SendException e = assertThrows(SendException.class, () -> ch.sender().send("lost?"));
        assertEquals("lost?", e.value());
        assertEquals(SendException.Reason.CLOSED, e.reason());
        assertTrue(e.getMessage().contains("subscribe()"), e.getMessage());
        assertEquals(0, ch.sender().receiverCount());
    }

    @Test
    void sendOnAClosedHandleHandsTheValueBackAndReachesNoReceiver() {
        Channel<String> ch = Broadcast.channel(2);
        Sender<String> clone = ch.sender().clone();
        clone.close();
        SendException e = assertThrows(SendException.class, () -> clone.send("late"));
        assertEquals(SendException.Reason.SENDER_CLOSED, e.reason());
        assertEquals("late", e.<String>value(), "a send on a closed handle hands its value back");
        assertTrue(e.getMessage().contains("handle is closed") && e.getMessage().contains("late"), e.getMessage());
        assertEquals(0, ch.receiver().len(), "the refused value reached no receiver");
        assertNull(ch.receiver().tryRecv());
        assertThrows(IllegalStateException.class, clone::clone, "a closed handle cannot be cloned");
        assertEquals(1, ch.sender().send("on time"), "the handle still open keeps sending");
        assertEquals("on time", ch.receiver().tryRecv());
    }

    @Test
    void abortedReceiveReadsNothing() {
        Simulation.ofSeed(2).run(sim -> {
            Channel<Integer> ch = Broadcast.channel(2);
            JoinHandle<Integer> doomed = sim.spawn(() -> ch.receiver().recv());
            sim.sleep(Duration.ofMillis(1));
            doomed.abort();
            sim.sleep(Duration.ofMillis(1));
            ch.sender().send(5);
            assertEquals(5, ch.receiver().recv());
        });
    }

    @Test
    void subscribersOnWorkerThreadsEachReceiveEverything() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            List<Long> sums = rt.blockOn(() -> {
                Channel<Integer> ch = Broadcast.channel(512);
                List<JoinHandle<Long>> readers = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    Receiver<Integer> rx = r == 0 ? ch.receiver() : ch.sender().subscribe();
                    readers.add(Heddle.spawn(() -> {
                        long sum = 0;
                        Integer v;
                        while ((v = rx.recv()) != null) {
                            sum += v;
                        }
                        return sum;
                    }));
                }
                try (Sender<Integer> tx = ch.sender()) {
                    for (int i = 1; i <= 500; i++) {
                        tx.send(i);
                    }
                }
                List<Long> out = new ArrayList<>();
                for (JoinHandle<Long> h : readers) {
                    out.add(h.join());
                }
                return out;
            });
            assertEquals(List.of(125_250L, 125_250L, 125_250L), sums);
        }
    }

    @Test
    void closedReturnsOnAWorkerThreadOnceEverySubscriberHasReadWhatItWantedAndClosed() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int unread = rt.blockOn(() -> {
                Channel<Integer> ch = Broadcast.channel(4);
                Sender<Integer> tx = ch.sender();
                for (int r = 0; r < 3; r++) {
                    Receiver<Integer> rx = r == 0 ? ch.receiver() : tx.subscribe();
                    int wants = r + 1;
                    Heddle.spawn(() -> {
                        try (rx) {
                            for (int i = 0; i < wants; i++) {
                                rx.recv();
                            }
                        }
                    });
                }
                for (int i = 1; i <= 3; i++) {
                    tx.send(i);
                }
                tx.closed();
                return tx.len();
            });
            assertEquals(0, unread, "what the closed receivers had not read no longer counts");
        }
    }

    /**
     * A component holding only a weak sender sends while the channel is in use, and cannot keep
     * it open: once the last strong sender closes, its upgrades fail and the receiver sees the
     * end after every value that did get sent.
     */
    @Test
    void aWeakSenderSendsOnlyWhileAStrongOneIsOpenOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> ch = Broadcast.channel(64);
                WeakSender<Integer> weak = ch.sender().downgrade();
                JoinHandle<Integer> component = sim.spawn(() -> {
                    int sent = 0;
                    try (weak) {
                        while (true) {
                            var upgraded = weak.upgrade();
                            if (upgraded.isEmpty()) {
                                return sent;
                            }
                            try (Sender<Integer> tx = upgraded.get()) {
                                tx.send(sent++);
                            }
                            Heddle.yieldNow();
                        }
                    }
                });
                int yields = sim.random().nextInt(20); // the component is always ready: no virtual time passes
                for (int i = 0; i < yields; i++) {
                    Heddle.yieldNow();
                }
                ch.sender().close();
                int sent = component.join();
                assertEquals(0, ch.receiver().senderWeakCount());
                List<Integer> got = new ArrayList<>();
                Integer v;
                while ((v = ch.receiver().recv()) != null) {
                    got.add(v);
                }
                assertEquals(sent, got.size(), "every value the weak sender got through, then the end");
                assertTrue(ch.receiver().isClosed());
            });
        }
    }

    /**
     * Closing a receiver from another task ends the receive waiting on it, as at the end of the
     * channel, and counts what it had not read as read, without disturbing another receiver.
     */
    @Test
    void closingAReceiverEndsItsWaitingReceiveAndLeavesTheOthersWhole() {
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> ch = Broadcast.channel(4);
                Receiver<Integer> doomed = ch.receiver();
                Receiver<Integer> other = ch.sender().subscribe();
                JoinHandle<List<Integer>> consumer = sim.spawn(() -> {
                    List<Integer> got = new ArrayList<>();
                    Integer v;
                    while ((v = doomed.recv()) != null) {
                        got.add(v);
                    }
                    return got;
                });
                JoinHandle<Integer> otherWaits = sim.spawn(other::recv);
                ch.sender().send(1);
                sim.sleep(Duration.ofMillis(1));
                doomed.close();
                assertEquals(List.of(1), consumer.join(), "the waiting receive ended when its receiver closed");
                assertEquals(1, otherWaits.join());
                ch.sender().send(2);
                ch.sender().send(3);
                assertEquals(1, ch.sender().receiverCount());
                assertEquals(2, ch.sender().len(), "only the open receiver's unread values count");
                assertEquals(2, other.tryRecv());
                assertEquals(3, other.tryRecv());
                assertEquals(0, ch.sender().len());
                assertThrows(ChannelClosedException.class, doomed::tryRecv, "a closed receiver receives nothing more");
                assertNull(doomed.recv());
            });
        }
    }
}
