package dev.heddle.channel.oneshot;

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
import java.util.List;
import org.junit.jupiter.api.Test;

class OneshotTest {

    @Test
    void replyTravelsFromATaskToTheWaitingReceiver() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int reply = rt.blockOn(() -> {
                Channel<Integer> ch = Oneshot.channel();
                Heddle.spawn(() -> {
                    try (Sender<Integer> tx = ch.sender()) {
                        tx.send(6 * 7);
                    }
                });
                return ch.receiver().recv();
            });
            assertEquals(42, reply);
        }
    }

    @Test
    void receiverLearnsThatTheSenderClosedWithoutSending() {
        Simulation.ofSeed(1).run(sim -> {
            Channel<String> ch = Oneshot.channel();
            JoinHandle<String> rx = sim.spawn(() -> {
                try {
                    return ch.receiver().recv();
                } catch (ChannelClosedException e) {
                    return "no reply";
                }
            });
            sim.sleep(Duration.ofMillis(1));
            assertFalse(ch.receiver().isClosed());
            ch.sender().close();
            assertEquals("no reply", rx.join());
            assertTrue(ch.receiver().isClosed());
        });
    }

    @Test
    void sendToAClosedReceiverHandsTheValueBack() {
        Channel<String> ch = Oneshot.channel();
        assertFalse(ch.sender().isClosed());
        ch.receiver().close();
        assertTrue(ch.sender().isClosed());
        SendException e = assertThrows(SendException.class, () -> ch.sender().send("reply"));
        assertEquals("reply", e.value());
        assertEquals(SendException.Reason.CLOSED, e.reason());
        SendException again = assertThrows(SendException.class, () -> ch.sender().send("retry"));
        assertEquals(SendException.Reason.CLOSED, again.reason(), "a refused send did not use up the sender");
        assertEquals("retry", again.value());
    }

    @Test
    void sendAfterClosingWithoutSendingHandsTheValueBack() {
        Channel<String> ch = Oneshot.channel();
        ch.sender().close();
        SendException e = assertThrows(SendException.class, () -> ch.sender().send("too late"));
        assertEquals(SendException.Reason.SENDER_CLOSED, e.reason());
        assertEquals("too late", e.<String>value());
        assertTrue(e.getMessage().contains("closed without sending"), e.getMessage());
        assertTrue(ch.receiver().isClosed(), "the receiver still sees a sender gone without a value");
        assertThrows(ChannelClosedException.class, ch.receiver()::tryRecv);
    }

    @Test
    void valueIsReceivedOnceAndASecondSendIsRefused() {
        Channel<String> ch = Oneshot.channel();
        assertNull(ch.receiver().tryRecv());
        ch.sender().send("one");
        SendException second = assertThrows(SendException.class, () -> ch.sender().send("two"));
        assertEquals(SendException.Reason.ALREADY_SENT, second.reason());
        assertEquals("two", second.<String>value(), "the refused second value is handed back");
        assertTrue(second.getMessage().contains("already sent") && second.getMessage().contains("two"),
                second.getMessage());
        ch.sender().close();
        assertEquals(SendException.Reason.ALREADY_SENT, assertThrows(SendException.class,
                () -> ch.sender().send("three")).reason(), "closing after sending does not hide that it sent");
        assertFalse(ch.receiver().isClosed());
        assertEquals("one", ch.receiver().tryRecv());
        assertTrue(ch.receiver().isClosed());
        assertThrows(IllegalStateException.class, ch.receiver()::recv);
    }

    @Test
    void recvOfAValueAlreadyThereTakesItOnceWithoutQueueing() {
        Channel<String> ch = Oneshot.channel();
        ch.sender().send("ready");
        assertEquals("ready", ch.receiver().recv());
        assertEquals(0, ch.receiver().queuedWaiters());
        assertTrue(ch.receiver().isClosed());
        IllegalStateException again = assertThrows(IllegalStateException.class, ch.receiver()::recv);
        assertTrue(again.getMessage().contains("already received"), again.getMessage());

        Channel<String> unanswered = Oneshot.channel();
        unanswered.sender().close();
        assertThrows(ChannelClosedException.class, unanswered.receiver()::recv);
        assertThrows(ChannelClosedException.class, unanswered.receiver()::recv,
                "a sender gone without a value answers every receive with the same news");
        assertEquals(0, unanswered.receiver().queuedWaiters());
    }

    @Test
    void abortedReceiveLeavesTheValueForTheNextOne() {
        Simulation.ofSeed(2).run(sim -> {
            Channel<String> ch = Oneshot.channel();
            JoinHandle<String> doomed = sim.spawn(() -> ch.receiver().recv());
            sim.sleep(Duration.ofMillis(1));
            assertEquals(1, ch.receiver().queuedWaiters(), "the receive waits in the channel's queue");
            doomed.abort();
            sim.sleep(Duration.ofMillis(1));
            assertEquals(0, ch.receiver().queuedWaiters(), "the aborted receive left its queue node behind");
            ch.sender().send("kept");
            assertEquals("kept", ch.receiver().recv());
        });
    }

    @Test
    void sendBeforeAndAfterTheReceiverWaitsAgreeOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Long> ch = Oneshot.channel();
                JoinHandle<Long> rx = sim.spawn(() -> ch.receiver().recv());
                JoinHandle<Void> tx = sim.spawn(() -> {
                    Heddle.yieldNow();
                    ch.sender().send(sim.seed());
                });
                tx.join();
                assertEquals(sim.seed(), rx.join());
            });
        }
    }

    @Test
    void receivesWaitingTogetherAreServedInArrivalOrderWhenTheFirstGivesUp() {
        // The first waiting receive sits in a slot of its own, later ones in a queue: giving up
        // in the slot, then a receive arriving, must neither lose a waiter nor let the newcomer
        // overtake the one that waited before it.
        Simulation.ofSeed(3).run(sim -> {
            Channel<String> ch = Oneshot.channel();
            JoinHandle<String> first = sim.spawn(() -> ch.receiver().recv());
            sim.sleep(Duration.ofMillis(1));
            JoinHandle<String> second = sim.spawn(() -> ch.receiver().recv());
            sim.sleep(Duration.ofMillis(1));
            assertEquals(2, ch.receiver().queuedWaiters());
            first.abort();
            sim.sleep(Duration.ofMillis(1));
            assertEquals(1, ch.receiver().queuedWaiters(), "the aborted first receive is still queued");
            JoinHandle<String> third = sim.spawn(() -> ch.receiver().recv());
            sim.sleep(Duration.ofMillis(1));
            assertEquals(2, ch.receiver().queuedWaiters());
            ch.sender().send("reply");
            assertEquals("reply", second.join(), "the older waiting receive gets the value");
            assertEquals(1, ch.receiver().queuedWaiters(), "the younger receive waits on");
            third.abort();
            sim.sleep(Duration.ofMillis(1));
            assertEquals(0, ch.receiver().queuedWaiters());
            assertTrue(assertThrows(JoinException.class, first::join).isCancelled());
            assertTrue(assertThrows(JoinException.class, third::join).isCancelled());
        });
    }

    @Test
    void senderClosedReturnsOnAWorkerThreadWhenTheReceiverCloses() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            String outcome = rt.blockOn(() -> {
                Channel<Integer> ch = Oneshot.channel();
                JoinHandle<String> producer = Heddle.spawn(() -> Select.<String>select()
                        .on(ch.sender().closedOp(), gone -> "stopped: nobody waits")
                        .sleep(Duration.ofHours(1), () -> "worked an hour")
                        .run());
                Heddle.spawn(() -> ch.receiver().close());
                return producer.join();
            });
            assertEquals("stopped: nobody waits", outcome);
        }
    }

    /**
     * Tokio's pattern for {@code Sender.closed()}: the producer races its work against the
     * receiver leaving, and the consumer either takes the reply or gives up at a seeded moment.
     * Whatever the order, the producer stops, or its send succeeds or is refused (both were
     * ready and the select took the work), and never waits for a receiver that is gone.
     */
    @Test
    void aProducerRacingClosedAgainstItsWorkNeverOutwaitsTheReceiverOverManySeeds() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                Channel<Long> ch = Oneshot.channel();
                Duration work = Duration.ofMillis(sim.random().nextInt(1, 10));
                JoinHandle<String> producer = sim.spawn(() -> {
                    JoinHandle<Long> compute = sim.spawn(() -> {
                        sim.sleep(work);
                        return 42L;
                    });
                    return Select.<String>select()
                            .on(ch.sender().closedOp(), gone -> {
                                compute.abort();
                                return "stopped";
                            })
                            .join(compute, v -> {
                                try {
                                    ch.sender().send(v);
                                    return "sent";
                                } catch (SendException e) {
                                    return "refused";
                                }
                            })
                            .run();
                });
                boolean givesUp = sim.random().nextBoolean();
                String consumer;
                if (givesUp) {
                    sim.sleep(Duration.ofMillis(sim.random().nextInt(1, 10)));
                    ch.receiver().close();
                    consumer = "gave up";
                } else {
                    consumer = "got " + ch.receiver().recv();
                }
                String produced = producer.join();
                if (givesUp) {
                    assertTrue(List.of("stopped", "sent", "refused").contains(produced), produced);
                    assertTrue(ch.sender().isClosed());
                } else {
                    assertEquals("got 42", consumer);
                    assertEquals("sent", produced);
                    assertTrue(ch.receiver().isTerminated());
                    assertTrue(ch.receiver().isEmpty());
                }
            });
        }
    }
}
