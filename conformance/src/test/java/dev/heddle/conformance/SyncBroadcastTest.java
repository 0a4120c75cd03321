package dev.heddle.conformance;

import static dev.heddle.conformance.SyncOneshotTest.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.channel.broadcast.Broadcast;
import dev.heddle.channel.broadcast.Channel;
import dev.heddle.channel.broadcast.LaggedException;
import dev.heddle.channel.broadcast.Receiver;
import dev.heddle.channel.broadcast.Sender;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sim.Sim;
import java.time.Duration;

/**
 * {@code tokio/tests/sync_broadcast.rs}. Dropping a handle is closing it; Tokio's
 * {@code assert_recv!}, {@code assert_empty!}, {@code assert_lagged!} and {@code assert_closed!}
 * are the helpers below, each one {@code tryRecv}. A receive polled by hand is a task
 * ({@link SyncOneshotTest#settle} runs the other tasks until they wait). Heddle's
 * {@code recv()} returns null where Tokio's returns {@code Err(Closed)}.
 */
class SyncBroadcastTest {

    private static <T> T assertRecv(Receiver<T> rx) {
        T value = rx.tryRecv();
        assertNotNull(value, "expected a value; the receiver was empty");
        return value;
    }

    private static void assertEmpty(Receiver<?> rx) {
        assertNull(rx.tryRecv(), "expected empty");
    }

    private static void assertLagged(Receiver<?> rx, long missed) {
        assertEquals(missed, assertThrows(LaggedException.class, rx::tryRecv, "did not lag").missed());
    }

    private static void assertClosed(Receiver<?> rx) {
        assertThrows(ChannelClosedException.class, rx::tryRecv, "is not closed");
    }

    /** A receive in a task of its own, polled by hand in Tokio. */
    private static <T> JoinHandle<T> receiving(Sim sim, Receiver<T> rx) {
        return sim.spawn(rx::recv);
    }

    // Tokio: send_try_recv_bounded, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void sendTryRecvBounded() {
        Channel<String> ch = Broadcast.channel(16);
        assertEmpty(ch.receiver());
        assertEquals(1, ch.sender().send("hello"));
        assertEquals("hello", assertRecv(ch.receiver()));
        assertEmpty(ch.receiver());
    }

    // Tokio: send_two_recv, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void sendTwoRecv() {
        Channel<String> ch = Broadcast.channel(16);
        Receiver<String> rx1 = ch.receiver();
        Receiver<String> rx2 = ch.sender().subscribe();
        assertEmpty(rx1);
        assertEmpty(rx2);
        assertEquals(2, ch.sender().send("hello"));
        assertEquals("hello", assertRecv(rx1));
        assertEquals("hello", assertRecv(rx2));
        assertEmpty(rx1);
        assertEmpty(rx2);
    }

    // Tokio: send_recv_bounded, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void sendRecvBounded(Sim sim) {
        Channel<String> ch = Broadcast.channel(16);
        JoinHandle<String> recv = receiving(sim, ch.receiver());
        settle(sim);
        assertFalse(recv.isFinished(), "pending before the send");
        ch.sender().send("hello");
        settle(sim);
        assertTrue(recv.isFinished(), "woken by the send");
        assertEquals("hello", recv.join());
    }

    // Tokio: send_two_recv_bounded, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void sendTwoRecvBounded(Sim sim) {
        Channel<String> ch = Broadcast.channel(16);
        Receiver<String> rx1 = ch.receiver();
        Receiver<String> rx2 = ch.sender().subscribe();
        JoinHandle<String> recv1 = receiving(sim, rx1);
        JoinHandle<String> recv2 = receiving(sim, rx2);
        settle(sim);
        assertFalse(recv1.isFinished());
        assertFalse(recv2.isFinished());
        ch.sender().send("hello");
        settle(sim);
        assertEquals("hello", recv1.join());
        assertEquals("hello", recv2.join());

        // Only the first receive waits before the send; the second starts after it.
        JoinHandle<String> again1 = receiving(sim, rx1);
        settle(sim);
        assertFalse(again1.isFinished());
        ch.sender().send("world");
        JoinHandle<String> again2 = receiving(sim, rx2);
        assertEquals("world", again1.join());
        assertEquals("world", again2.join());
    }

    /**
     * Tokio polls one receive from a first task and then from a second, and the send wakes the
     * second. Here the first task's wait gives up (it loses a select to a timer), leaving
     * nothing queued, and a second task's receive gets the value.
     */
    // Tokio: change_tasks, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void changeTasks(Sim sim) {
        Channel<String> ch = Broadcast.channel(1);
        Receiver<String> rx = ch.receiver();
        JoinHandle<String> task1 = sim.spawn(() -> Select.<String>select()
                .on(rx.recvOp(), v -> v)
                .sleep(Duration.ofMillis(1), () -> "moved on")
                .run());
        while (rx.queuedWaiters() == 0) {
            Heddle.yieldNow();
        }
        assertEquals("moved on", task1.join());
        assertEquals(0, rx.queuedWaiters(), "the first task's receive is gone");
        JoinHandle<String> task2 = receiving(sim, rx);
        settle(sim);
        assertFalse(task2.isFinished());
        ch.sender().send("hello");
        assertEquals("hello", task2.join());
    }

    // Tokio: send_slow_rx, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void sendSlowRx(Sim sim) {
        Channel<String> ch = Broadcast.channel(16);
        Receiver<String> rx1 = ch.receiver();
        Receiver<String> rx2 = ch.sender().subscribe();
        JoinHandle<String> recv2 = receiving(sim, rx2);
        JoinHandle<String> recv1 = receiving(sim, rx1);
        settle(sim);
        assertFalse(recv1.isFinished());
        assertFalse(recv2.isFinished());
        ch.sender().send("one");
        ch.sender().send("two");
        assertEquals("one", recv1.join(), "the value that woke it, not the newer one");
        assertEquals("two", rx1.recv());

        JoinHandle<String> recv1Again = receiving(sim, rx1);
        settle(sim);
        assertFalse(recv1Again.isFinished());
        ch.sender().send("three");
        assertEquals("three", recv1Again.join());
        assertEquals("one", recv2.join(), "the slow receive still gets the first value");

        assertEquals("two", assertRecv(rx2));
        assertEquals("three", assertRecv(rx2));
    }

    // Tokio: drop_rx_while_values_remain, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void dropRxWhileValuesRemain() {
        Channel<String> ch = Broadcast.channel(16);
        Receiver<String> rx1 = ch.receiver();
        Receiver<String> rx2 = ch.sender().subscribe();
        ch.sender().send("one");
        ch.sender().send("two");
        assertRecv(rx1);
        assertRecv(rx2);
        assertEquals(1, ch.sender().len(), "both receivers still have \"two\" to read");
        rx2.close();
        rx1.close();
        assertEquals(0, ch.sender().receiverCount());
        assertEquals(0, ch.sender().len(), "the values closed receivers had not read count as read");
    }

    // Tokio: lagging_rx, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void laggingRx() {
        Channel<String> ch = Broadcast.channel(2);
        Receiver<String> rx1 = ch.receiver();
        Receiver<String> rx2 = ch.sender().subscribe();
        ch.sender().send("one");
        ch.sender().send("two");
        assertEquals("one", assertRecv(rx1));
        ch.sender().send("three");

        assertLagged(rx2, 1); // lagged too far
        assertEquals("two", assertRecv(rx2), "the call after the lag gets the next value");
        assertEquals("two", assertRecv(rx1));
        assertEquals("three", assertRecv(rx1));

        ch.sender().send("four");
        ch.sender().send("five");
        assertLagged(rx2, 1);
        ch.sender().send("six");
        assertLagged(rx2, 1);
    }

    // Tokio: send_no_rx, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void sendNoRx() {
        Channel<String> ch = Broadcast.channel(16);
        ch.receiver().close(); // Tokio's `let (tx, _) = ...` drops the receiver at once
        assertThrows(SendException.class, () -> ch.sender().send("hello"));
        Receiver<String> rx = ch.sender().subscribe();
        ch.sender().send("world");
        assertEquals("world", assertRecv(rx));
    }

    // Tokio: zero_capacity, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void zeroCapacity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Broadcast.channel(0));
        assertTrue(e.getMessage().contains("at least 1, was 0"), e.getMessage());
    }

    /** Tokio's limit is {@code usize::MAX >> 1}, the largest power of two its index holds; Heddle's 2^30, an int's. */
    // Tokio: capacity_too_big, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void capacityTooBig() {
        int tooBig = 1 + (1 << 30);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Broadcast.channel(tooBig));
        assertTrue(e.getMessage().contains("at most 2^30") && e.getMessage().contains(String.valueOf(tooBig)),
                e.getMessage());
    }

    // Tokio: dropping_tx_notifies_rx, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void droppingTxNotifiesRx(Sim sim) {
        Channel<Integer> ch = Broadcast.channel(16);
        Receiver<Integer> rx2 = ch.sender().subscribe();
        Sender<Integer> tx2 = ch.sender().clone();
        JoinHandle<Integer> recv1 = receiving(sim, ch.receiver());
        JoinHandle<Integer> recv2 = receiving(sim, rx2);
        settle(sim);
        assertFalse(recv1.isFinished());
        assertFalse(recv2.isFinished());
        ch.sender().close();
        settle(sim);
        assertFalse(recv1.isFinished(), "one sender is still open");
        assertFalse(recv2.isFinished());
        tx2.close();
        settle(sim);
        assertTrue(recv1.isFinished(), "woken by the last sender's close");
        assertTrue(recv2.isFinished());
        assertNull(recv1.join(), "closed");
        assertNull(recv2.join(), "closed");
    }

    // Tokio: single_capacity_recvs, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void singleCapacityRecvs() {
        Channel<Integer> ch = Broadcast.channel(1);
        ch.sender().send(1);
        assertEquals(1, assertRecv(ch.receiver()));
        assertEmpty(ch.receiver());
    }

    // Tokio: single_capacity_recvs_after_drop_1, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void singleCapacityRecvsAfterDrop1() {
        Channel<Integer> ch = Broadcast.channel(1);
        ch.sender().send(1);
        ch.sender().close();
        assertEquals(1, assertRecv(ch.receiver()));
        assertClosed(ch.receiver());
    }

    // Tokio: single_capacity_recvs_after_drop_2, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void singleCapacityRecvsAfterDrop2() {
        Channel<Integer> ch = Broadcast.channel(1);
        ch.sender().send(1);
        ch.sender().send(2);
        ch.sender().close();
        assertLagged(ch.receiver(), 1);
        assertEquals(2, assertRecv(ch.receiver()));
        assertClosed(ch.receiver());
    }

    // Tokio: dropping_sender_does_not_overwrite, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void droppingSenderDoesNotOverwrite() {
        Channel<Integer> ch = Broadcast.channel(2);
        ch.sender().send(1);
        ch.sender().send(2);
        ch.sender().close();
        assertEquals(1, assertRecv(ch.receiver()));
        assertEquals(2, assertRecv(ch.receiver()));
        assertClosed(ch.receiver());
    }

    // Tokio: lagging_receiver_recovers_after_wrap_closed_1, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void laggingReceiverRecoversAfterWrapClosed1() {
        Channel<Integer> ch = Broadcast.channel(2);
        for (int i = 1; i <= 3; i++) {
            ch.sender().send(i);
        }
        ch.sender().close();
        assertLagged(ch.receiver(), 1);
        assertEquals(2, assertRecv(ch.receiver()));
        assertEquals(3, assertRecv(ch.receiver()));
        assertClosed(ch.receiver());
    }

    // Tokio: lagging_receiver_recovers_after_wrap_closed_2, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void laggingReceiverRecoversAfterWrapClosed2() {
        Channel<Integer> ch = Broadcast.channel(2);
        for (int i = 1; i <= 4; i++) {
            ch.sender().send(i);
        }
        ch.sender().close();
        assertLagged(ch.receiver(), 2);
        assertEquals(3, assertRecv(ch.receiver()));
        assertEquals(4, assertRecv(ch.receiver()));
        assertClosed(ch.receiver());
    }

    // Tokio: lagging_receiver_recovers_after_wrap_open, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void laggingReceiverRecoversAfterWrapOpen() {
        Channel<Integer> ch = Broadcast.channel(2);
        for (int i = 1; i <= 3; i++) {
            ch.sender().send(i);
        }
        assertLagged(ch.receiver(), 1);
        assertEquals(2, assertRecv(ch.receiver()));
        assertEquals(3, assertRecv(ch.receiver()));
        assertEmpty(ch.receiver());
    }

    // Tokio: receiver_len_with_lagged, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void receiverLenWithLagged() {
        Channel<Integer> ch = Broadcast.channel(3);
        Receiver<Integer> rx = ch.receiver();
        for (int v = 10; v <= 40; v += 10) {
            ch.sender().send(v);
        }
        assertEquals(4, rx.len());
        assertEquals(10, assertRecv(rx));
        ch.sender().send(50);
        ch.sender().send(60);
        assertEquals(5, rx.len());
        assertLagged(rx, 1);
    }

    // Tokio: resubscribe_points_to_tail, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void resubscribePointsToTail() {
        Channel<Integer> ch = Broadcast.channel(3);
        Receiver<Integer> rx = ch.receiver();
        ch.sender().send(1);
        Receiver<Integer> resub = rx.resubscribe();

        assertEmpty(resub); // one behind at the start
        assertEquals(1, assertRecv(rx));

        ch.sender().send(2); // reading from the new receiver does not move the old one
        assertEquals(2, assertRecv(resub));
        ch.sender().send(3);
        assertEquals(2, assertRecv(rx));
        assertEquals(3, assertRecv(rx));
        assertEmpty(rx);

        assertEquals(3, assertRecv(resub));
        assertEmpty(resub);
    }

    // Tokio: resubscribe_lagged, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void resubscribeLagged() {
        Channel<Integer> ch = Broadcast.channel(1);
        Receiver<Integer> rx = ch.receiver();
        ch.sender().send(1);
        ch.sender().send(2);
        Receiver<Integer> resub = rx.resubscribe();
        assertLagged(rx, 1);
        assertEmpty(resub);
        assertEquals(2, assertRecv(rx));
        assertEmpty(rx);
        assertEmpty(resub);
    }

    // Tokio: resubscribe_to_closed_channel, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void resubscribeToClosedChannel() {
        Channel<Integer> ch = Broadcast.channel(2);
        ch.sender().close();
        Receiver<Integer> resub = ch.receiver().resubscribe();
        assertClosed(resub);
    }

    // Tokio: sender_len, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void senderLen() {
        Channel<Integer> ch = Broadcast.channel(4);
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx1 = ch.receiver();
        Receiver<Integer> rx2 = tx.subscribe();
        assertEquals(0, tx.len());
        assertTrue(tx.isEmpty());

        tx.send(1);
        tx.send(2);
        tx.send(3);
        assertEquals(3, tx.len());
        assertFalse(tx.isEmpty());

        assertRecv(rx1);
        assertRecv(rx1);
        assertEquals(3, tx.len(), "rx2 has read nothing yet");
        assertFalse(tx.isEmpty());

        assertRecv(rx2);
        assertEquals(2, tx.len());
        assertFalse(tx.isEmpty());

        tx.send(4);
        tx.send(5);
        tx.send(6);
        assertEquals(4, tx.len(), "at most the capacity");
        assertFalse(tx.isEmpty());
    }

    /** Tokio draws from {@code rand::random_range}; here the draws come from the run's seed. */
    // Tokio: sender_len_random, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void senderLenRandom(Sim sim) {
        Channel<Integer> ch = Broadcast.channel(16);
        Receiver<Integer> rx1 = ch.receiver();
        Receiver<Integer> rx2 = ch.sender().subscribe();
        for (int i = 0; i < 1000; i++) {
            switch (sim.random().nextInt(4)) {
                case 0 -> tryRecvIgnoringLag(rx1);
                case 1 -> tryRecvIgnoringLag(rx2);
                default -> ch.sender().send(0);
            }
            long expected = Math.min(Math.max(rx1.len(), rx2.len()), 16);
            assertEquals(expected, ch.sender().len());
        }
    }

    /** Tokio's {@code let _ = rx.try_recv();}: the outcome, a lag included, is ignored. */
    private static void tryRecvIgnoringLag(Receiver<Integer> rx) {
        try {
            rx.tryRecv();
        } catch (LaggedException ignored) {
            // as Tokio's test ignores Err(Lagged)
        }
    }

    // Tokio: receiver_recv_is_cooperative, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void receiverRecvIsCooperative(Sim sim) {
        Channel<Integer> ch = Broadcast.channel(8);
        ReadyLoop.assertYieldsToOthers(sim, () -> {
            ch.sender().send(0);
            assertEquals(0, ch.receiver().recv());
        });
    }

    // Tokio: broadcast_sender_closed, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void broadcastSenderClosed(Sim sim) {
        Channel<Integer> ch = Broadcast.channel(1);
        Receiver<Integer> rx2 = ch.sender().subscribe();
        JoinHandle<Void> closed = sim.spawn(ch.sender()::closed);
        settle(sim);
        assertFalse(closed.isFinished());

        ch.receiver().close();
        settle(sim);
        assertFalse(closed.isFinished(), "one receiver is still subscribed");

        rx2.close();
        settle(sim);
        assertTrue(closed.isFinished(), "woken by the last receiver's close");
    }

    // Tokio: broadcast_sender_closed_with_extra_subscribe, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void broadcastSenderClosedWithExtraSubscribe(Sim sim) {
        Channel<Integer> ch = Broadcast.channel(1);
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx2 = tx.subscribe();
        JoinHandle<Void> task = sim.spawn(tx::closed);
        settle(sim);
        assertFalse(task.isFinished());

        ch.receiver().close();
        settle(sim);
        assertFalse(task.isFinished());

        rx2.close(); // wakes the task, which has not run yet when ...
        Receiver<Integer> rx3 = tx.subscribe(); // ... a new receiver reopens the channel
        settle(sim);
        assertFalse(task.isFinished(), "the woken closed() found a receiver again and waits on");

        rx3.close();
        settle(sim);
        assertTrue(task.isFinished());

        tx.closed(); // task2: ready at once

        Receiver<Integer> rx4 = tx.subscribe();
        JoinHandle<Void> task3 = sim.spawn(tx::closed);
        settle(sim);
        assertFalse(task3.isFinished());
        rx4.close();
        settle(sim);
        assertTrue(task3.isFinished());
    }

    // Tokio: broadcast_sender_new_must_be_closed, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void broadcastSenderNewMustBeClosed(Sim sim) {
        Sender<Integer> tx = Broadcast.sender(1);
        tx.closed(); // no receiver yet: ready at once

        Receiver<Integer> rx = tx.subscribe();
        JoinHandle<Void> task2 = sim.spawn(tx::closed);
        settle(sim);
        assertFalse(task2.isFinished(), "a subscribed receiver opens the channel");
        rx.close();
        task2.join();
    }

    // Tokio: slow_receiver_within_capacity_does_not_lag, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void slowReceiverWithinCapacityDoesNotLag() {
        Channel<Integer> ch = Broadcast.channel(2);
        Receiver<Integer> slow = ch.receiver();
        Receiver<Integer> fast = ch.sender().subscribe();
        ch.sender().send(1);
        ch.sender().send(2);
        assertEquals(1, assertRecv(fast));
        assertEquals(2, assertRecv(fast));
        assertEmpty(fast);
        assertEquals(1, assertRecv(slow));
        assertEquals(2, assertRecv(slow));
        assertEmpty(slow);
    }

    // Tokio: capacity_overflow_reports_lagged_then_oldest_retained, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void capacityOverflowReportsLaggedThenOldestRetained() {
        Channel<Integer> ch = Broadcast.channel(2);
        ch.sender().send(10);
        ch.sender().send(20);
        ch.sender().send(30);
        assertLagged(ch.receiver(), 1);
        assertEquals(20, assertRecv(ch.receiver()), "after the lag, the oldest value held");
        assertEquals(30, assertRecv(ch.receiver()));
        assertEmpty(ch.receiver());
    }

    // Tokio: lagged_count_matches_number_of_overwritten_messages, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void laggedCountMatchesNumberOfOverwrittenMessages() {
        Channel<Integer> ch = Broadcast.channel(4);
        Receiver<Integer> rx = ch.receiver();
        for (int i = 1; i <= 4; i++) {
            ch.sender().send(i);
        }
        assertEquals(1, assertRecv(rx), "within capacity: no lag");
        for (int i = 5; i <= 8; i++) {
            ch.sender().send(i);
        }
        assertLagged(rx, 3); // 2, 3 and 4 were overwritten before it read them
        for (int i = 5; i <= 8; i++) {
            assertEquals(i, assertRecv(rx));
        }
        assertEmpty(rx);
    }

    // Tokio: lag_uses_power_of_two_buffer_length, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void lagUsesPowerOfTwoBufferLength() {
        Channel<Integer> ch = Broadcast.channel(3); // holds 4
        Receiver<Integer> rx = ch.receiver();
        for (int i = 1; i <= 4; i++) {
            ch.sender().send(i);
        }
        assertEquals(4, rx.len(), "four values fit in the rounded ring: no lag yet");
        assertEquals(1, assertRecv(rx));

        ch.sender().send(5);
        assertEquals(4, rx.len(), "the ring holds 2, 3, 4, 5: still no lag");

        ch.sender().send(6); // overwrites 2
        assertEquals(5, rx.len());
        assertLagged(rx, 1);
        for (int i = 3; i <= 6; i++) {
            assertEquals(i, assertRecv(rx));
        }
        assertEmpty(rx);
    }

    // Tokio: async_recv_lagged_then_resumes_from_oldest_retained, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void asyncRecvLaggedThenResumesFromOldestRetained() {
        Channel<Integer> ch = Broadcast.channel(2);
        ch.sender().send(10);
        ch.sender().send(20);
        ch.sender().send(30);
        assertEquals(1, assertThrows(LaggedException.class, ch.receiver()::recv).missed());
        assertEquals(20, ch.receiver().recv());
        assertEquals(30, ch.receiver().recv());
    }

    // Tokio: lag_catch_up_then_lag_again, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void lagCatchUpThenLagAgain() {
        Channel<Integer> ch = Broadcast.channel(2);
        Receiver<Integer> rx = ch.receiver();
        for (int i = 1; i <= 3; i++) {
            ch.sender().send(i);
        }
        assertLagged(rx, 1);
        assertEquals(2, assertRecv(rx));
        assertEquals(3, assertRecv(rx));
        assertEmpty(rx);

        for (int i = 4; i <= 6; i++) { // caught up; another overflow lags again from a clean cursor
            ch.sender().send(i);
        }
        assertLagged(rx, 1);
        assertEquals(5, assertRecv(rx));
        assertEquals(6, assertRecv(rx));
        assertEmpty(rx);
    }

    // Tokio: lag_is_per_receiver, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void lagIsPerReceiver() {
        Channel<Integer> ch = Broadcast.channel(2);
        Receiver<Integer> slow = ch.receiver();
        Receiver<Integer> fast = ch.sender().subscribe();
        ch.sender().send(1);
        ch.sender().send(2);
        assertEquals(1, assertRecv(fast));
        assertEquals(2, assertRecv(fast));
        ch.sender().send(3);
        ch.sender().send(4);
        assertEquals(3, assertRecv(fast), "fast has read through 2: no lag");
        assertEquals(4, assertRecv(fast));

        assertLagged(slow, 2); // never read; 1 and 2 were overwritten
        assertEquals(3, assertRecv(slow));
        assertEquals(4, assertRecv(slow));
        assertEmpty(slow);
        assertEmpty(fast);
    }

    // Tokio: lag_again_before_reading_retained_messages, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void lagAgainBeforeReadingRetainedMessages() {
        Channel<Integer> ch = Broadcast.channel(2);
        Receiver<Integer> rx = ch.receiver();
        for (int i = 1; i <= 3; i++) {
            ch.sender().send(i);
        }
        assertLagged(rx, 1); // the cursor moves to the oldest held, 2
        for (int i = 4; i <= 6; i++) { // overwrites 2, 3 and 4 before it reads them
            ch.sender().send(i);
        }
        assertLagged(rx, 3);
        assertEquals(5, assertRecv(rx));
        assertEquals(6, assertRecv(rx));
        assertEmpty(rx);
    }

    // Tokio: single_slot_capacity_lag_semantics, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void singleSlotCapacityLagSemantics() {
        Channel<Integer> ch = Broadcast.channel(1);
        Receiver<Integer> rx = ch.receiver();
        ch.sender().send(1);
        assertEquals(1, assertRecv(rx));
        ch.sender().send(2);
        ch.sender().send(3);
        assertLagged(rx, 1);
        assertEquals(3, assertRecv(rx));
        assertEmpty(rx);
    }

    // Tokio: receiver_len_after_lag_error_advances_cursor, tokio/tests/sync_broadcast.rs
    @CurrentThreadTest
    void receiverLenAfterLagErrorAdvancesCursor() {
        Channel<Integer> ch = Broadcast.channel(2);
        Receiver<Integer> rx = ch.receiver();
        for (int i = 1; i <= 4; i++) {
            ch.sender().send(i);
        }
        assertEquals(4, rx.len(), "counted from the old cursor until the lag is reported");
        assertLagged(rx, 2);
        assertEquals(2, rx.len(), "the cursor is at the oldest held now");
        assertEquals(3, assertRecv(rx));
        assertEquals(1, rx.len());
        assertEquals(4, assertRecv(rx));
        assertEquals(0, rx.len());
    }
}
