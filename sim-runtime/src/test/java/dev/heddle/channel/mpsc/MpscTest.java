package dev.heddle.channel.mpsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sim.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class MpscTest {

    @Test
    void boundedChannelDeliversInOrderThroughASmallBuffer() {
        try (HeddleRuntime rt = HeddleRuntime.currentThread().build()) {
            List<Integer> got = rt.blockOn(() -> {
                Channel<Integer> ch = Mpsc.bounded(4);
                Heddle.spawn(() -> {
                    try (Sender<Integer> tx = ch.sender()) {
                        for (int i = 0; i < 100; i++) {
                            tx.send(i);
                        }
                    }
                });
                List<Integer> out = new ArrayList<>();
                Integer v;
                while ((v = ch.receiver().recv()) != null) {
                    out.add(v);
                }
                return out;
            });
            assertEquals(100, got.size());
            for (int i = 0; i < 100; i++) {
                assertEquals(i, got.get(i));
            }
        }
    }

    @Test
    void fourProducersOnWorkerThreadsDeliverEveryValueOnceInPerProducerOrder() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int[] last = rt.blockOn(() -> {
                Channel<long[]> ch = Mpsc.bounded(8);
                for (int p = 0; p < 4; p++) {
                    Sender<long[]> tx = ch.sender().clone();
                    long producer = p;
                    Heddle.spawn(() -> {
                        try (tx) {
                            for (long i = 0; i < 5_000; i++) {
                                tx.send(new long[] {producer, i});
                            }
                        }
                    });
                }
                ch.sender().close();
                int[] next = new int[4];
                long[] v;
                while ((v = ch.receiver().recv()) != null) {
                    assertEquals(next[(int) v[0]], v[1], "values of producer " + v[0] + " out of order");
                    next[(int) v[0]]++;
                }
                return next;
            });
            for (int p = 0; p < 4; p++) {
                assertEquals(5_000, last[p]);
            }
        }
    }

    @Test
    void fullChannelMakesSendWaitUntilTheReceiverTakesAValue() {
        Simulation.ofSeed(1).run(sim -> {
            Channel<String> ch = Mpsc.bounded(2);
            Sender<String> tx = ch.sender();
            tx.send("a");
            tx.send("b");
            SendException full = assertThrows(SendException.class, () -> tx.trySend("c"));
            assertTrue(full.isFull());
            assertEquals("c", full.value());
            JoinHandle<Void> third = sim.spawn(() -> tx.send("c"));
            sim.sleep(Duration.ofSeconds(10));
            assertFalse(third.isFinished(), "send into a full channel must wait");
            assertEquals("a", ch.receiver().recv());
            third.join();
            assertEquals("b", ch.receiver().recv());
            assertEquals("c", ch.receiver().recv());
        });
    }

    @Test
    void receiverDrainsQueuedValuesAfterEverySenderClosed() {
        Simulation.ofSeed(2).run(sim -> {
            Channel<Integer> ch = Mpsc.unbounded();
            Sender<Integer> second = ch.sender().clone();
            ch.sender().send(1);
            ch.sender().close();
            second.send(2);
            assertFalse(ch.receiver().isClosed(), "one sender is still open");
            second.close();
            second.close();
            assertTrue(ch.receiver().isClosed());
            assertEquals(1, ch.receiver().recv());
            assertEquals(2, ch.receiver().recv());
            assertNull(ch.receiver().recv());
            assertNull(ch.receiver().recv());
        });
    }

    @Test
    void waitingReceiverSeesTheEndWhenTheLastSenderCloses() {
        Simulation.ofSeed(3).run(sim -> {
            Channel<Integer> ch = Mpsc.bounded(1);
            JoinHandle<Integer> rx = sim.spawn(() -> ch.receiver().recv());
            sim.sleep(Duration.ofMillis(5));
            ch.sender().close();
            assertNull(rx.join());
        });
    }

    @Test
    void closedReceiverRefusesNewSendsAndStillDrains() {
        Simulation.ofSeed(4).run(sim -> {
            Channel<String> ch = Mpsc.bounded(1);
            Sender<String> tx = ch.sender();
            tx.send("queued");
            JoinHandle<String> waiting = sim.spawn(() -> {
                try {
                    tx.send("waiting");
                    return "sent";
                } catch (SendException e) {
                    return "returned " + e.value();
                }
            });
            sim.sleep(Duration.ofMillis(1));
            ch.receiver().close();
            assertEquals("returned waiting", waiting.join());
            assertTrue(tx.isClosed());
            SendException refused = assertThrows(SendException.class, () -> tx.send("late"));
            assertEquals("late", refused.value());
            assertEquals(SendException.Reason.CLOSED, refused.reason());
            assertThrows(ChannelClosedException.class, tx::reserve);
            assertEquals("queued", ch.receiver().recv());
            assertNull(ch.receiver().recv());
        });
    }

    @Test
    void permitHoldsItsSlotAndGivesItBackWhenClosedUnused() {
        Simulation.ofSeed(5).run(sim -> {
            Channel<Integer> ch = Mpsc.bounded(1);
            Sender<Integer> tx = ch.sender();
            Permit<Integer> permit = tx.reserve();
            assertEquals(0, tx.capacity());
            assertThrows(SendException.class, () -> tx.trySend(1));
            permit.close();
            assertEquals(1, tx.capacity());
            try (Permit<Integer> p = tx.reserve()) {
                p.send(7);
                SendException second = assertThrows(SendException.class, () -> p.send(8));
                assertEquals(SendException.Reason.ALREADY_SENT, second.reason());
                assertEquals(8, second.<Integer>value(), "a permit's second value is handed back");
                assertTrue(second.getMessage().contains("already sent"), second.getMessage());
            }
            assertEquals(7, ch.receiver().recv());
            Permit<Integer> unused = tx.reserve();
            unused.close();
            SendException afterClose = assertThrows(SendException.class, () -> unused.send(9));
            assertEquals(SendException.Reason.SENDER_CLOSED, afterClose.reason());
            assertEquals(9, afterClose.<Integer>value());
            assertTrue(afterClose.getMessage().contains("gave its slot back"), afterClose.getMessage());
            assertEquals(1, tx.capacity(), "the closed permit's slot stays given back");
            assertNull(ch.receiver().tryRecv(), "neither refused value entered the channel");
        });
    }

    @Test
    void permitTakenBeforeTheReceiverClosedStillDelivers() {
        Simulation.ofSeed(6).run(sim -> {
            Channel<Integer> ch = Mpsc.bounded(1);
            Permit<Integer> permit = ch.sender().reserve();
            ch.sender().close();
            ch.receiver().close();
            JoinHandle<Integer> rx = sim.spawn(() -> ch.receiver().recv());
            sim.sleep(Duration.ofMillis(1));
            assertFalse(rx.isFinished(), "the receiver waits for the outstanding permit");
            permit.send(9);
            assertEquals(9, rx.join());
            assertNull(ch.receiver().recv());
        });
    }

    @Test
    void slotOfAPermitHandedStraightToAWaitingReceiverGoesToTheNextWaitingSender() {
        Simulation.ofSeed(9).run(sim -> {
            Channel<Integer> ch = Mpsc.bounded(1);
            Permit<Integer> permit = ch.sender().reserve();
            JoinHandle<Void> waitingSender = sim.spawn(() -> ch.sender().send(2));
            JoinHandle<Integer> waitingReceiver = sim.spawn(() -> ch.receiver().recv());
            sim.sleep(Duration.ofMillis(1));
            permit.send(1);
            assertEquals(1, waitingReceiver.join());
            waitingSender.join();
            assertEquals(2, ch.receiver().recv());
        });
    }

    @Test
    void abortedReceiveTakesNothing() {
        Simulation.ofSeed(7).run(sim -> {
            Channel<Integer> ch = Mpsc.bounded(4);
            JoinHandle<Integer> doomed = sim.spawn(() -> ch.receiver().recv());
            sim.sleep(Duration.ofMillis(1));
            doomed.abort();
            JoinException e = assertThrows(JoinException.class, doomed::join);
            assertTrue(e.isCancelled());
            ch.sender().send(42);
            assertEquals(42, ch.receiver().tryRecv());
        });
    }

    @Test
    void abortedSendWaitingForASlotSendsNothing() {
        Simulation.ofSeed(8).run(sim -> {
            Channel<Integer> ch = Mpsc.bounded(1);
            ch.sender().send(1);
            JoinHandle<String> doomed = sim.spawn(() -> {
                try {
                    ch.sender().send(2);
                    return "sent";
                } catch (CancellationException e) {
                    return "not sent";
                }
            });
            sim.sleep(Duration.ofMillis(1));
            doomed.abort();
            assertEquals("not sent", doomed.join());
            assertEquals(1, ch.receiver().recv());
            assertNull(ch.receiver().tryRecv());
            assertEquals(1, ch.sender().capacity());
        });
    }

    @Test
    void sendersGrantedSlotsInARowAllFinishAndTheWakeUpsGoOnAfterSomeAreAborted() {
        // The receiver below frees four slots without suspending: four waiting senders are
        // committed (their values are in the channel), and the channel wakes them one at a time,
        // each passing the turn on when it runs. Aborted while they wait for their turn, they
        // still finish their sends; and the turn must not stick to one of them, or the sender
        // waiting afterwards would never wake.
        for (long seed = 0; seed < 100; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> ch = Mpsc.bounded(1);
                ch.sender().send(0);
                List<JoinHandle<String>> senders = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    int value = i;
                    senders.add(sim.spawn(() -> {
                        try {
                            ch.sender().send(value);
                            return "sent";
                        } catch (CancellationException e) {
                            return "not sent";
                        }
                    }));
                }
                sim.sleep(Duration.ofMillis(1));
                assertEquals(4, ch.receiver().queuedWaiters(), "every sender waits for a slot");
                List<Integer> received = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    received.add(ch.receiver().recv());
                }
                senders.get(1).abort();
                senders.get(3).abort();
                for (JoinHandle<String> s : senders) {
                    assertEquals("sent", s.join(), "a committed send reports sent, aborted or not");
                }
                received.add(ch.receiver().recv());
                assertEquals(List.of(0, 1, 2, 3, 4), received.stream().sorted().toList());

                ch.sender().send(5);
                JoinHandle<String> late = sim.spawn(() -> {
                    ch.sender().send(6);
                    return "sent";
                });
                sim.sleep(Duration.ofMillis(1));
                assertEquals(5, ch.receiver().recv());
                assertEquals("sent", late.join());
                assertEquals(6, ch.receiver().recv());
            });
        }
    }

    @Test
    void channelsLargerThanTheFirstRingGrowAndKeepTheOrderAcrossTheWrap() {
        // Rings start at 1,024 slots; grow one while its oldest value sits mid-ring, so the copy
        // has to unwrap it.
        for (Channel<Integer> ch : List.of(Mpsc.<Integer>unbounded(), Mpsc.<Integer>bounded(3_000))) {
            Sender<Integer> tx = ch.sender();
            Receiver<Integer> rx = ch.receiver();
            int next = 0;
            int expected = 0;
            for (int i = 0; i < 1_000; i++) {
                tx.trySend(next++);
            }
            for (int i = 0; i < 700; i++) {
                assertEquals(expected++, rx.tryRecv());
            }
            while (next < expected + 3_000) {
                tx.trySend(next++);
            }
            assertEquals(3_000, rx.len());
            while (expected < next) {
                assertEquals(expected++, rx.tryRecv());
            }
            assertNull(rx.tryRecv());
        }
    }

    @Test
    void nullValuesAndClosedHandlesFailWithAClearMessage() {
        Channel<String> ch = Mpsc.bounded(1);
        NullPointerException npe = assertThrows(NullPointerException.class, () -> ch.sender().send(null));
        assertTrue(npe.getMessage().contains("non-null"));
        Sender<String> clone = ch.sender().clone();
        clone.close();
        SendException closed = assertThrows(SendException.class, () -> clone.send("x"));
        assertEquals(SendException.Reason.SENDER_CLOSED, closed.reason());
        assertEquals("x", closed.<String>value(), "a send on a closed handle hands its value back");
        assertTrue(closed.getMessage().contains("handle is closed"), closed.getMessage());
        SendException tryClosed = assertThrows(SendException.class, () -> clone.trySend("y"));
        assertEquals(SendException.Reason.SENDER_CLOSED, tryClosed.reason());
        assertEquals("y", tryClosed.<String>value());
        assertFalse(tryClosed.isFull());
        assertEquals(1, ch.sender().capacity(), "neither value entered the channel");
        assertThrows(IllegalStateException.class, clone::clone, "a closed handle cannot be cloned");
        assertThrows(IllegalArgumentException.class, () -> Mpsc.bounded(0));
    }

    @Test
    void plainThreadsCanSendAndReceive() throws Exception {
        Channel<Integer> ch = Mpsc.bounded(2);
        Thread producer = Thread.ofPlatform().start(() -> {
            try (Sender<Integer> tx = ch.sender()) {
                for (int i = 0; i < 1000; i++) {
                    tx.send(i);
                }
            }
        });
        int count = 0;
        Integer v;
        while ((v = ch.receiver().recv()) != null) {
            assertEquals(count++, v);
        }
        producer.join();
        assertEquals(1000, count);
    }

    @Test
    void receiverIsNotClosedWhileAReservedPermitCanStillSend() {
        Channel<String> ch = Mpsc.bounded(2);
        Permit<String> permit = ch.sender().reserve();
        ch.sender().close();
        assertFalse(ch.receiver().isClosed(), "the permit can still send a value");
        assertNull(ch.receiver().tryRecv(), "empty, not disconnected: the permit can still send");
        permit.send("late");
        assertTrue(ch.receiver().isClosed(), "the permit used, no sender is left");
        assertEquals("late", ch.receiver().tryRecv());
        assertThrows(ChannelClosedException.class, ch.receiver()::tryRecv);

        Channel<String> released = Mpsc.bounded(2);
        Permit<String> unused = released.sender().reserve();
        released.sender().close();
        assertFalse(released.receiver().isClosed());
        unused.close();
        assertTrue(released.receiver().isClosed(), "the permit released unused, no sender is left");
        assertThrows(ChannelClosedException.class, released.receiver()::tryRecv);

        Channel<String> receiverClosed = Mpsc.bounded(2);
        Permit<String> held = receiverClosed.sender().reserve();
        receiverClosed.receiver().close();
        assertTrue(receiverClosed.receiver().isClosed(), "closed by the receiver itself, as Tokio's close()");
        held.close();
    }

    @Test
    void sendTimeoutSendsWhenASlotFreesInTimeAndHandsTheValueBackWhenNot() {
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> ch = Mpsc.bounded(1);
                Sender<Integer> tx = ch.sender();
                tx.sendTimeout(1, Duration.ZERO);
                SendException zero = assertThrows(SendException.class, () -> tx.sendTimeout(2, Duration.ZERO));
                assertEquals(SendException.Reason.TIMEOUT, zero.reason());
                sim.spawn(() -> {
                    Heddle.sleep(Duration.ofMillis(300));
                    return ch.receiver().recv();
                });
                long start = Heddle.now();
                tx.sendTimeout(3, Duration.ofSeconds(1));
                assertEquals(Duration.ofMillis(300).toNanos(), Heddle.now() - start, "sent as the slot freed");
                SendException late = assertThrows(SendException.class, () -> tx.sendTimeout(4, Duration.ofMillis(50)));
                assertEquals(SendException.Reason.TIMEOUT, late.reason());
                assertEquals(4, late.<Integer>value());
                assertTrue(late.getMessage().contains("PT0.05S"), late.getMessage());
                assertEquals(0, ch.receiver().queuedWaiters(), "the timed-out send left nothing queued");
                assertEquals(3, ch.receiver().recv());
                assertNull(ch.receiver().tryRecv(), "the timed-out value never entered the channel");
                assertThrows(IllegalArgumentException.class, () -> tx.sendTimeout(5, Duration.ofMillis(-1)));
            });
        }
    }

    @Test
    void sendTimeoutOnWorkerThreadsTimesOutOnAFullChannelAndSendsOnceTheReceiverTakes() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            rt.blockOn(() -> {
                Channel<Integer> ch = Mpsc.bounded(1);
                ch.sender().send(1);
                SendException e = assertThrows(SendException.class,
                        () -> ch.sender().sendTimeout(2, Duration.ofMillis(20)));
                assertEquals(SendException.Reason.TIMEOUT, e.reason());
                JoinHandle<Void> sender = Heddle.spawn(() -> ch.sender().sendTimeout(3, Duration.ofMinutes(5)));
                assertEquals(1, ch.receiver().recv());
                sender.join();
                assertEquals(3, ch.receiver().recv());
                return null;
            });
        }
    }

    @Test
    void closedWaitsForTheReceiverToCloseAndSelectsAgainstOtherWork() {
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Integer> ch = Mpsc.bounded(1);
                Sender<Integer> tx = ch.sender();
                List<JoinHandle<Void>> waiting = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Sender<Integer> clone = tx.clone();
                    waiting.add(sim.spawn(clone::closed));
                }
                JoinHandle<String> racing = sim.spawn(() -> Select.<String>select()
                        .on(tx.closedOp(), x -> "receiver gone")
                        .sleep(Duration.ofSeconds(10), () -> "timed out").run());
                sim.sleep(Duration.ofMillis(5));
                assertEquals(4, ch.receiver().queuedWaiters(), "every closed() waits");
                ch.receiver().close();
                for (JoinHandle<Void> w : waiting) {
                    w.join();
                }
                assertEquals("receiver gone", racing.join());
                tx.closed(); // at once: closed already
                assertEquals(0, ch.receiver().queuedWaiters());
            });
        }
    }

    @Test
    void closedOnWorkerThreadsReturnsOnceAnotherTaskClosesTheReceiver() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            rt.blockOn(() -> {
                Channel<Integer> ch = Mpsc.bounded(1);
                Heddle.spawn(() -> ch.receiver().close());
                ch.sender().closed();
                assertTrue(ch.sender().isClosed());
                return null;
            });
        }
    }

    @Test
    void capacityCountsQueuedValuesAndPermitsAndSameChannelTellsChannelsApart() {
        Channel<Integer> ch = Mpsc.bounded(3);
        Sender<Integer> tx = ch.sender();
        assertEquals(3, tx.maxCapacity());
        assertEquals(3, ch.receiver().maxCapacity());
        Permit<Integer> permit = tx.tryReserve();
        tx.send(1);
        assertEquals(1, tx.capacity());
        assertEquals(1, ch.receiver().capacity());
        assertEquals(1, ch.receiver().len());
        assertFalse(ch.receiver().isEmpty());
        permit.close();
        assertEquals(2, tx.capacity());
        assertTrue(tx.sameChannel(tx.clone()));
        assertFalse(tx.sameChannel(Mpsc.<Integer>bounded(3).sender()));
        assertEquals(Integer.MAX_VALUE, Mpsc.<Integer>unbounded().sender().maxCapacity());
    }
}
