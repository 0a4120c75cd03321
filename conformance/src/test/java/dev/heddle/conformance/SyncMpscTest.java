package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Permit;
import dev.heddle.channel.mpsc.Permits;
import dev.heddle.channel.mpsc.Receiver;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Semaphore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/sync_mpsc.rs}. Tokio's bounded and unbounded channels are one
 * type here ({@link Mpsc#bounded}, {@link Mpsc#unbounded}); dropping a handle is closing it;
 * {@code None} from {@code recv} is null; {@code TryRecvError::Empty} is null from
 * {@code tryRecv} and {@code Disconnected} a {@link ChannelClosedException}; Tokio's
 * {@code TrySendError::Full} from a reserve is null, and its send errors are one
 * {@link SendException} whose reason tells them apart. A future polled by hand
 * ({@code tokio_test::task::spawn}) is a task: "pending" is a task still waiting once every
 * task has run as far as it can ({@link #settle()}), "woken and ready" is a task that then
 * finishes. Tokio's {@code OwnedPermit} is a {@link Permit} whose sender was closed: a permit
 * holds the channel open by itself.
 */
class SyncMpscTest {

    /** Lets every other task run until it waits: virtual time moves only once no task is ready. */
    private static void settle() {
        Heddle.sleep(Duration.ofMillis(1));
    }

    /** A task whose outcome is its value or the exception it ended with, for a join that looks at either. */
    private static JoinHandle<Object> spawnOutcome(Callable<?> body) {
        return Heddle.spawn(() -> {
            try {
                return body.call();
            } catch (RuntimeException e) {
                return e;
            }
        });
    }

    // Tokio: send_recv_with_buffer, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void sendRecvWithBuffer() {
        Channel<Integer> ch = Mpsc.bounded(16);
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        Permit<Integer> permit = tx.reserve();
        permit.send(1);
        tx.trySend(2);
        tx.close();
        assertEquals(1, rx.recv());
        assertEquals(2, rx.recv());
        assertNull(rx.recv());
    }

    // Tokio: reserve_disarm, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void reserveDisarm() {
        Channel<Integer> ch = Mpsc.bounded(2);
        Sender<Integer> tx1 = ch.sender().clone();
        Sender<Integer> tx2 = ch.sender().clone();
        Sender<Integer> tx3 = ch.sender().clone();
        Sender<Integer> tx4 = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        Permit<Integer> permit1 = tx1.reserve();
        Permit<Integer> permit2 = tx2.reserve();
        JoinHandle<Permit<Integer>> r3 = Heddle.spawn(() -> tx3.reserve());
        settle();
        assertFalse(r3.isFinished(), "a third reserve waits");
        JoinHandle<Permit<Integer>> r4 = Heddle.spawn(() -> tx4.reserve());
        settle();
        assertFalse(r4.isFinished());
        permit1.send(1);
        settle();
        assertFalse(r3.isFinished(), "the slot is used by the value until it is received");
        assertEquals(1, rx.recv());
        settle();
        assertTrue(r3.isFinished(), "the received value's slot goes to the first waiting reserve");
        assertFalse(r4.isFinished());
        permit2.close();
        settle();
        assertTrue(r4.isFinished(), "a permit closed unused gives its slot to the next waiting reserve");
        JoinHandle<Permit<Integer>> r1 = Heddle.spawn(() -> tx1.reserve());
        settle();
        assertFalse(r1.isFinished());
        r1.abort();
    }

    // Tokio: send_recv_stream_with_buffer, tokio/tests/sync_mpsc.rs
    // Tokio wraps the receiver in a Stream; its next() is recv() here.
    @CurrentThreadTest
    void sendRecvStreamWithBuffer() {
        Channel<Integer> ch = Mpsc.bounded(16);
        Sender<Integer> tx = ch.sender();
        Heddle.spawn(() -> {
            try (tx) {
                tx.send(1);
                tx.send(2);
            }
        });
        assertEquals(1, ch.receiver().recv());
        assertEquals(2, ch.receiver().recv());
        assertNull(ch.receiver().recv());
    }

    // Tokio: async_send_recv_with_buffer, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void asyncSendRecvWithBuffer() {
        Channel<Integer> ch = Mpsc.bounded(16);
        Sender<Integer> tx = ch.sender();
        Heddle.spawn(() -> {
            try (tx) {
                tx.send(1);
                tx.send(2);
            }
        });
        assertEquals(1, ch.receiver().recv());
        assertEquals(2, ch.receiver().recv());
        assertNull(ch.receiver().recv());
    }

    // Tokio: async_send_recv_many_with_buffer, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void asyncSendRecvManyWithBuffer() {
        Channel<Integer> ch = Mpsc.bounded(2);
        Receiver<Integer> rx = ch.receiver();
        List<Integer> buffer = new ArrayList<>(3);
        assertEquals(0, rx.recvMany(buffer, 0), "a limit of 0 returns at once");
        Sender<Integer> tx = ch.sender();
        JoinHandle<Void> handle = Heddle.spawn(() -> {
            try (tx) {
                tx.send(1);
                tx.send(2);
                tx.send(7);
                tx.send(0);
            }
        });
        int limit = 3;
        int recvCount = 0;
        while (recvCount < 4) {
            recvCount += rx.recvMany(buffer, limit);
            assertEquals(buffer.size(), recvCount);
        }
        assertEquals(List.of(1, 2, 7, 0), buffer);
        assertEquals(0, rx.recvMany(buffer, limit));
        handle.join();
    }

    // Tokio: start_send_past_cap, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void startSendPastCap() {
        Channel<Boolean> ch = Mpsc.bounded(1);
        Sender<Boolean> tx1 = ch.sender();
        Sender<Boolean> tx2 = tx1.clone();
        Receiver<Boolean> rx = ch.receiver();
        tx1.trySend(true);
        JoinHandle<Permit<Boolean>> r1 = Heddle.spawn(() -> tx1.reserve());
        settle();
        assertFalse(r1.isFinished());
        JoinHandle<Permit<Boolean>> r2 = Heddle.spawn(() -> tx2.reserve());
        settle();
        assertFalse(r2.isFinished());
        r1.abort(); // drop(r1): the first waiting reserve gives up its place, once the abort reaches it
        settle();
        assertNotNull(rx.recv());
        settle();
        assertTrue(r2.isFinished(), "the freed slot goes to the reserve still waiting");
        assertTrue(assertThrows(JoinException.class, r1::join).isCancelled(),
                "the dropped reserve got nothing");
        r2.join().close();
        tx1.close();
        tx2.close();
        assertNull(rx.recv());
    }

    // Tokio: buffer_gteq_one, tokio/tests/sync_mpsc.rs
    // Tokio panics; Heddle fails fast with IllegalArgumentException naming the value.
    @CurrentThreadTest
    void bufferGteqOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mpsc.bounded(0));
        assertTrue(e.getMessage().contains("was 0"), e.getMessage());
    }

    // Tokio: send_recv_unbounded, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void sendRecvUnbounded() {
        Channel<Integer> ch = Mpsc.unbounded();
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        tx.send(1);
        tx.send(2);
        assertEquals(1, rx.recv());
        assertEquals(2, rx.recv());
        tx.close();
        assertNull(rx.recv());
    }

    // Tokio: send_recv_many_unbounded, tokio/tests/sync_mpsc.rs
    // Tokio also checks that recv_many reuses the Vec's allocation; a Java List has no capacity to observe.
    @CurrentThreadTest
    void sendRecvManyUnbounded() {
        Channel<Integer> ch = Mpsc.unbounded();
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        List<Integer> buffer = new ArrayList<>();
        rx.recvMany(buffer, 0);
        assertEquals(0, buffer.size());
        tx.send(7);
        tx.send(13);
        tx.send(100);
        tx.send(1002);
        rx.recvMany(buffer, 0);
        assertEquals(0, buffer.size());
        int count = 0;
        while (count < 4) {
            count += rx.recvMany(buffer, 1);
        }
        assertEquals(4, count);
        assertEquals(List.of(7, 13, 100, 1002), buffer);
        buffer.clear();
        tx.send(5);
        tx.send(6);
        tx.send(7);
        tx.send(2);
        count = rx.recvMany(buffer, 32);
        assertEquals(4, count);
        assertEquals(List.of(5, 6, 7, 2), buffer);
        tx.close();
        assertEquals(0, rx.recvMany(buffer, 4), "closed and drained: 0 at once");
        assertNull(rx.recv());
    }

    /** The body of Tokio's two send_recv_many_*_capacity tests, on {@code ch}. */
    private static void sendRecvManyCapacity(Channel<String> ch) {
        int limit = 9;
        List<String> buffer = new ArrayList<>(limit);
        Sender<String> tx = ch.sender();
        Receiver<String> rx = ch.receiver();
        List<String> expected = new ArrayList<>(IntStream.range(0, limit).mapToObj(Integer::toString).toList());
        for (String x : expected) {
            tx.send(x);
        }
        tx.send("one more");
        assertEquals(limit, rx.recvMany(buffer, limit), "all but the last value");
        assertEquals(expected, buffer);
        assertEquals(1, rx.recvMany(buffer, limit));
        expected.add("one more");
        assertEquals(expected, buffer);
        Heddle.spawn(() -> {
            try (tx) {
                tx.send("final");
            }
        });
        assertEquals(1, rx.recvMany(buffer, limit), "not 0 while a sender can still send");
        expected.add("final");
        assertEquals(expected, buffer);
        assertEquals(0, rx.recvMany(buffer, limit), "closed and drained");
        assertEquals(expected, buffer);
    }

    // Tokio: send_recv_many_bounded_capacity, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void sendRecvManyBoundedCapacity() {
        sendRecvManyCapacity(Mpsc.bounded(100));
    }

    // Tokio: send_recv_many_unbounded_capacity, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void sendRecvManyUnboundedCapacity() {
        sendRecvManyCapacity(Mpsc.unbounded());
    }

    // Tokio: recv_many_with_non_empty_buffer_bounded_rx_closed_and_idle, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void recvManyWithNonEmptyBufferBoundedRxClosedAndIdle() {
        Channel<Integer> ch = Mpsc.bounded(1);
        List<Integer> buffer = new ArrayList<>(List.of(1));
        ch.receiver().close();
        assertEquals(0, ch.receiver().recvMany(buffer, 1));
        assertEquals(List.of(1), buffer);
    }

    // Tokio: recv_many_with_non_empty_buffer_unbounded_rx_closed_and_idle, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void recvManyWithNonEmptyBufferUnboundedRxClosedAndIdle() {
        Channel<Integer> ch = Mpsc.unbounded();
        List<Integer> buffer = new ArrayList<>(List.of(1));
        ch.receiver().close();
        assertEquals(0, ch.receiver().recvMany(buffer, 1));
        assertEquals(List.of(1), buffer);
    }

    // Tokio: async_send_recv_unbounded, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void asyncSendRecvUnbounded() {
        Channel<Integer> ch = Mpsc.unbounded();
        Sender<Integer> tx = ch.sender();
        Heddle.spawn(() -> {
            try (tx) {
                tx.send(1);
                tx.send(2);
            }
        });
        assertEquals(1, ch.receiver().recv());
        assertEquals(2, ch.receiver().recv());
        assertNull(ch.receiver().recv());
    }

    // Tokio: send_recv_stream_unbounded, tokio/tests/sync_mpsc.rs
    // Tokio wraps the receiver in a Stream; its next() is recv() here.
    @CurrentThreadTest
    void sendRecvStreamUnbounded() {
        Channel<Integer> ch = Mpsc.unbounded();
        Sender<Integer> tx = ch.sender();
        Heddle.spawn(() -> {
            try (tx) {
                tx.send(1);
                tx.send(2);
            }
        });
        assertEquals(1, ch.receiver().recv());
        assertEquals(2, ch.receiver().recv());
        assertNull(ch.receiver().recv());
    }

    /** A value type with nothing: no toString, equals or clone of its own. */
    private static final class NoImpls {}

    // Tokio: no_t_bounds_buffer, tokio/tests/sync_mpsc.rs
    // Debug is toString; the handles print and clone whatever the value type.
    @CurrentThreadTest
    void noTBoundsBuffer() {
        Channel<NoImpls> ch = Mpsc.bounded(100);
        assertNotNull(ch.sender().toString());
        assertNotNull(ch.receiver().toString());
        ch.sender().clone().trySend(new NoImpls());
        assertNotNull(ch.receiver().recv());
    }

    // Tokio: no_t_bounds_unbounded, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void noTBoundsUnbounded() {
        Channel<NoImpls> ch = Mpsc.unbounded();
        assertNotNull(ch.sender().toString());
        assertNotNull(ch.receiver().toString());
        ch.sender().clone().send(new NoImpls());
        assertNotNull(ch.receiver().recv());
    }

    // Tokio: send_recv_buffer_limited, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void sendRecvBufferLimited() {
        Channel<Integer> ch = Mpsc.bounded(1);
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        Permit<Integer> p1 = tx.reserve();
        p1.send(1);
        JoinHandle<Permit<Integer>> p2 = Heddle.spawn(() -> tx.reserve());
        settle();
        assertFalse(p2.isFinished());
        assertNotNull(rx.recv());
        SendException full = assertThrows(SendException.class, () -> tx.trySend(1337),
                "the slot freed went to the waiting reserve");
        assertTrue(full.isFull());
        assertEquals(1337, full.<Integer>value());
        Permit<Integer> permit = p2.join();
        permit.send(2);
        assertNotNull(rx.recv());
    }

    // Tokio: recv_close_gets_none_idle, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void recvCloseGetsNoneIdle() {
        Channel<Integer> ch = Mpsc.bounded(10);
        ch.receiver().close();
        assertNull(ch.receiver().recv());
        SendException e = assertThrows(SendException.class, () -> ch.sender().send(1));
        assertEquals(SendException.Reason.CLOSED, e.reason());
        assertEquals(1, e.<Integer>value());
    }

    // Tokio: recv_close_gets_none_reserved, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void recvCloseGetsNoneReserved() {
        Channel<Integer> ch = Mpsc.bounded(1);
        Sender<Integer> tx1 = ch.sender();
        Sender<Integer> tx2 = tx1.clone();
        Receiver<Integer> rx = ch.receiver();
        Permit<Integer> permit1 = tx1.reserve();
        JoinHandle<Object> permit2 = spawnOutcome(tx2::reserve);
        settle();
        assertFalse(permit2.isFinished());
        rx.close();
        settle();
        assertTrue(permit2.isFinished(), "closing the receiver wakes the waiting reserve");
        assertInstanceOf(ChannelClosedException.class, permit2.join());
        JoinHandle<Integer> recv = Heddle.spawn(() -> rx.recv());
        settle();
        assertFalse(recv.isFinished(), "the outstanding permit can still send");
        permit1.send(123);
        settle();
        assertTrue(recv.isFinished());
        assertEquals(123, recv.join());
        assertNull(rx.recv());
    }

    // Tokio: failed_reserve_many_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    // "recv pending" is tryRecv's empty (null) from the test's own task, which does not let the
    // failed reserve run before Tokio's test polls it.
    @CurrentThreadTest
    void failedReserveManyWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(2);
        Sender<Boolean> tx = ch.sender();
        Receiver<Boolean> rx = ch.receiver();
        Permit<Boolean> permit = tx.tryReserve();
        JoinHandle<Object> reserve = spawnOutcome(() -> tx.reserveMany(2));
        settle();
        assertFalse(reserve.isFinished(), "one slot is free, the reserve of two waits holding it");
        rx.close();
        assertNull(rx.tryRecv(), "pending: not ended");
        permit.close();
        assertNull(rx.tryRecv(), "one slot is still held by the failed reserve: the channel is not idle yet");
        JoinHandle<Boolean> recv = Heddle.spawn(() -> rx.recv());
        assertInstanceOf(ChannelClosedException.class, reserve.join());
        assertNull(recv.join(), "the failed reserve gave its slot back: the receiver sees the end");
    }

    // Tokio: cancelled_reserve_many_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void cancelledReserveManyWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(2);
        Sender<Boolean> tx = ch.sender();
        Receiver<Boolean> rx = ch.receiver();
        Permit<Boolean> permit = tx.tryReserve();
        JoinHandle<Object> reserve = spawnOutcome(() -> tx.reserveMany(2));
        settle();
        assertFalse(reserve.isFinished());
        rx.close();
        assertNull(rx.tryRecv(), "pending: not ended");
        permit.close();
        assertNull(rx.tryRecv(), "one slot is still held by the reserve: the channel is not idle yet");
        reserve.abort(); // drop(reserve)
        assertNull(rx.recv(), "the cancelled reserve gave its slot back: the receiver sees the end");
    }

    // Tokio: failed_reserve_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void failedReserveWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(1);
        Sender<Boolean> tx = ch.sender();
        Receiver<Boolean> rx = ch.receiver();
        Permit<Boolean> permit = tx.tryReserve();
        JoinHandle<Object> reserve = spawnOutcome(tx::reserve);
        settle();
        assertFalse(reserve.isFinished());
        permit.close();
        assertEquals(0, tx.capacity(), "the slot was handed to the waiting reserve, which has not run yet");
        rx.close();
        assertNull(rx.tryRecv(), "pending: the reserve holds the slot");
        JoinHandle<Boolean> recv = Heddle.spawn(() -> rx.recv());
        assertInstanceOf(ChannelClosedException.class, reserve.join(),
                "a reserve resuming after the receiver closed fails, slot or not");
        assertNull(recv.join(), "its slot went back: the receiver sees the end");
    }

    // Tokio: cancelled_reserve_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void cancelledReserveWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(1);
        Sender<Boolean> tx = ch.sender();
        Receiver<Boolean> rx = ch.receiver();
        Permit<Boolean> permit = tx.tryReserve();
        JoinHandle<Object> reserve = spawnOutcome(tx::reserve);
        settle();
        assertFalse(reserve.isFinished());
        permit.close();
        assertEquals(0, tx.capacity(), "the slot was handed to the waiting reserve");
        rx.close();
        assertNull(rx.tryRecv(), "pending: the reserve holds the slot");
        reserve.abort(); // drop(reserve)
        assertNull(rx.recv(), "the cancelled reserve gave its slot back: the receiver sees the end");
    }

    // Tokio: tx_close_gets_none, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void txCloseGetsNone() {
        Channel<Integer> ch = Mpsc.bounded(10);
        ch.sender().close();
        assertNull(ch.receiver().recv());
    }

    // Tokio: try_send_fail, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void trySendFail() {
        Channel<String> ch = Mpsc.bounded(1);
        Sender<String> tx = ch.sender();
        Receiver<String> rx = ch.receiver();
        tx.trySend("hello");
        SendException e = assertThrows(SendException.class, () -> tx.trySend("fail"));
        assertEquals(SendException.Reason.FULL, e.reason());
        assertEquals("hello", rx.recv());
        tx.trySend("goodbye");
        tx.close();
        assertEquals("goodbye", rx.recv());
        assertNull(rx.recv());
    }

    // Tokio: try_send_fail_with_try_recv, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void trySendFailWithTryRecv() {
        Channel<String> ch = Mpsc.bounded(1);
        Sender<String> tx = ch.sender();
        Receiver<String> rx = ch.receiver();
        tx.trySend("hello");
        SendException e = assertThrows(SendException.class, () -> tx.trySend("fail"));
        assertEquals(SendException.Reason.FULL, e.reason());
        assertEquals("hello", rx.tryRecv());
        tx.trySend("goodbye");
        tx.close();
        assertEquals("goodbye", rx.tryRecv());
        assertThrows(ChannelClosedException.class, rx::tryRecv);
    }

    // Tokio: reserve_many_above_cap, tokio/tests/sync_mpsc.rs
    // Tokio's error is an IllegalArgumentException naming the count: more than the capacity never fits.
    @CurrentThreadTest
    void reserveManyAboveCap() {
        Sender<Boolean> tx = Mpsc.<Boolean>bounded(1).sender();
        assertThrows(IllegalArgumentException.class, () -> tx.reserveMany(2));
        assertThrows(IllegalArgumentException.class, () -> tx.reserveMany(Semaphore.MAX_PERMITS + 1));
        assertThrows(IllegalArgumentException.class, () -> tx.reserveMany(Integer.MAX_VALUE));
    }

    // Tokio: try_reserve_many_zero, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryReserveManyZero() {
        Channel<Boolean> ch = Mpsc.bounded(1);
        Sender<Boolean> tx = ch.sender();
        assertFalse(tx.tryReserveMany(0).hasNext(), "succeeds when not closed");
        tx.trySend(true);
        assertFalse(tx.tryReserveMany(0).hasNext(), "even when the channel is full");
        ch.receiver().close();
        assertThrows(ChannelClosedException.class, () -> tx.tryReserveMany(0), "closed error when closed");
    }

    // Tokio: reserve_many_zero, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void reserveManyZero() {
        Channel<Boolean> ch = Mpsc.bounded(1);
        Sender<Boolean> tx = ch.sender();
        assertFalse(tx.reserveMany(0).hasNext(), "succeeds when not closed");
        tx.send(true);
        assertFalse(tx.reserveMany(0).hasNext(), "even when the channel is full");
        ch.receiver().close();
        assertThrows(ChannelClosedException.class, () -> tx.reserveMany(0));
    }

    // Tokio: try_reserve_many_edge_cases, tokio/tests/sync_mpsc.rs
    // Tokio's Full is null.
    @CurrentThreadTest
    void tryReserveManyEdgeCases() {
        Channel<Boolean> ch = Mpsc.bounded(1);
        Sender<Boolean> tx = ch.sender();
        assertFalse(tx.tryReserveMany(0).hasNext());
        assertNull(tx.tryReserveMany(Semaphore.MAX_PERMITS + 1));
        assertNull(tx.tryReserveMany(Integer.MAX_VALUE));
        ch.receiver().close();
        assertThrows(ChannelClosedException.class, () -> tx.reserveMany(0), "closing the receiver closes the channel");
    }

    // Tokio: try_reserve_fails, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryReserveFails() {
        Channel<String> ch = Mpsc.bounded(1);
        Sender<String> tx = ch.sender();
        Permit<String> permit = tx.tryReserve();
        assertNull(tx.tryReserve(), "full");
        permit.send("foo");
        assertEquals("foo", ch.receiver().recv());
        Permit<String> unused = tx.tryReserve();
        unused.close();
        assertNotNull(tx.tryReserve(), "closing a permit unused releases its slot");
    }

    // Tokio: reserve_many_and_send, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void reserveManyAndSend() {
        Channel<String> ch = Mpsc.bounded(100);
        Receiver<String> rx = ch.receiver();
        for (int i = 0; i < 100; i++) {
            try (Permits<String> permits = ch.sender().reserveMany(i)) {
                for (Permit<String> permit : permits) {
                    permit.send("foo");
                    assertEquals("foo", rx.recv());
                }
            }
            assertNull(rx.tryRecv());
        }
    }

    // Tokio: try_reserve_many_and_send, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryReserveManyAndSend() {
        Channel<String> ch = Mpsc.bounded(100);
        Receiver<String> rx = ch.receiver();
        for (int i = 0; i < 100; i++) {
            try (Permits<String> permits = ch.sender().tryReserveMany(i)) {
                for (Permit<String> permit : permits) {
                    permit.send("foo");
                    assertEquals("foo", rx.recv());
                }
            }
            assertNull(rx.tryRecv());
        }
    }

    // Tokio: reserve_many_on_closed_channel, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void reserveManyOnClosedChannel() {
        Channel<Boolean> ch = Mpsc.bounded(100);
        ch.receiver().close();
        assertThrows(ChannelClosedException.class, () -> ch.sender().reserveMany(10));
    }

    // Tokio: try_reserve_many_on_closed_channel, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryReserveManyOnClosedChannel() {
        Channel<Integer> ch = Mpsc.bounded(100);
        ch.receiver().close();
        assertThrows(ChannelClosedException.class, () -> ch.sender().tryReserveMany(10));
    }

    // Tokio: try_reserve_many_full, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryReserveManyFull() {
        for (int n = 1; n < 100; n++) {
            for (int k = 0; k < n; k++) {
                Channel<Integer> ch = Mpsc.bounded(n);
                Sender<Integer> tx = ch.sender();
                Permits<Integer> permits = tx.tryReserveMany(n);
                assertEquals(n, permits.remaining());
                assertEquals(0, tx.capacity());
                assertNull(tx.tryReserveMany(1), "full");
                for (int i = 0; i < k; i++) {
                    permits.next().send(0);
                }
                permits.close(); // Tokio's take(k) drops the iterator with the rest
                assertEquals(n - k, tx.capacity(), "only k of the n permits were used");
                tx.tryReserveMany(1).close();
                assertNull(tx.tryReserveMany(n - k + 1), "not more than the capacity left");
                for (int i = 0; i < k; i++) {
                    assertEquals(0, ch.receiver().recv());
                }
                assertEquals(n, tx.capacity(), "everything received: the whole capacity is back");
            }
        }
    }

    // Tokio: drop_permit_releases_permit, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void dropPermitReleasesPermit() {
        Channel<Integer> ch = Mpsc.bounded(1);
        Sender<Integer> tx1 = ch.sender();
        Sender<Integer> tx2 = tx1.clone();
        Permit<Integer> permit = tx1.reserve();
        JoinHandle<Permit<Integer>> reserve2 = Heddle.spawn(() -> tx2.reserve());
        settle();
        assertFalse(reserve2.isFinished());
        permit.close();
        settle();
        assertTrue(reserve2.isFinished());
        assertNotNull(reserve2.join());
    }

    // Tokio: drop_permit_iterator_releases_permits, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void dropPermitIteratorReleasesPermits() {
        for (int n = 1; n < 100; n++) {
            int size = n;
            Channel<Integer> ch = Mpsc.bounded(n);
            Sender<Integer> tx1 = ch.sender();
            Sender<Integer> tx2 = tx1.clone();
            Permits<Integer> permits = tx1.reserveMany(n);
            JoinHandle<Permits<Integer>> reserve2 = Heddle.spawn(() -> tx2.reserveMany(size));
            settle();
            assertFalse(reserve2.isFinished());
            permits.close();
            settle();
            assertTrue(reserve2.isFinished());
            reserve2.join().close();
            assertEquals(n, tx1.capacity());
        }
    }

    /** The body of Tokio's *_wakes_closed_receiver tests: {@code release} ends the last permit. */
    private static <T> void lastPermitWakesClosedReceiver(Receiver<T> rx, Runnable release, T expected) {
        rx.close();
        JoinHandle<T> recv = Heddle.spawn(() -> rx.recv());
        settle();
        assertFalse(recv.isFinished(), "the outstanding permit holds the channel open");
        release.run();
        settle();
        assertTrue(recv.isFinished(), "the last permit gone, the closed receiver is woken");
        assertEquals(expected, recv.join());
    }

    // Tokio: dropping_last_permit_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void droppingLastPermitWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(100);
        Permit<Boolean> permit = ch.sender().tryReserve();
        lastPermitWakesClosedReceiver(ch.receiver(), permit::close, null);
    }

    // Tokio: dropping_last_owned_permit_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void droppingLastOwnedPermitWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(100);
        Permit<Boolean> permit = ch.sender().tryReserve();
        ch.sender().close(); // try_reserve_owned takes the sender into the permit
        lastPermitWakesClosedReceiver(ch.receiver(), permit::close, null);
    }

    // Tokio: dropping_last_permit_iterator_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void droppingLastPermitIteratorWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(100);
        Permits<Boolean> permits = ch.sender().tryReserveMany(1);
        lastPermitWakesClosedReceiver(ch.receiver(), permits::close, null);
    }

    // Tokio: sending_last_permit_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void sendingLastPermitWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(100);
        Permit<Boolean> permit = ch.sender().tryReserve();
        lastPermitWakesClosedReceiver(ch.receiver(), () -> permit.send(true), true);
    }

    // Tokio: sending_last_owned_permit_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void sendingLastOwnedPermitWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(100);
        Permit<Boolean> permit = ch.sender().tryReserve();
        ch.sender().close();
        lastPermitWakesClosedReceiver(ch.receiver(), () -> permit.send(true), true);
    }

    // Tokio: releasing_last_owned_permit_wakes_closed_receiver, tokio/tests/sync_mpsc.rs
    // OwnedPermit::release is closing the permit unused.
    @CurrentThreadTest
    void releasingLastOwnedPermitWakesClosedReceiver() {
        Channel<Boolean> ch = Mpsc.bounded(100);
        Permit<Boolean> permit = ch.sender().tryReserve();
        ch.sender().close();
        lastPermitWakesClosedReceiver(ch.receiver(), permit::close, null);
    }

    // Tokio: dropping_rx_closes_channel, tokio/tests/sync_mpsc.rs
    // Tokio also counts the queued value's references (a Rust drop); here the reserves' failure is the test.
    @CurrentThreadTest
    void droppingRxClosesChannel() {
        Channel<Object> ch = Mpsc.bounded(100);
        ch.sender().trySend(new Object());
        ch.receiver().close();
        assertThrows(ChannelClosedException.class, ch.sender()::reserve);
        assertThrows(ChannelClosedException.class, () -> ch.sender().reserveMany(10));
    }

    // Tokio: dropping_rx_closes_channel_for_try, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void droppingRxClosesChannelForTry() {
        Channel<Object> ch = Mpsc.bounded(100);
        Object msg = new Object();
        ch.sender().trySend(msg);
        ch.receiver().close();
        SendException e = assertThrows(SendException.class, () -> ch.sender().trySend(msg));
        assertEquals(SendException.Reason.CLOSED, e.reason());
        assertTrue(e.value() == msg, "the value is handed back");
        assertThrows(ChannelClosedException.class, ch.sender()::tryReserve);
        assertThrows(ChannelClosedException.class, ch.sender()::tryReserve, "try_reserve_owned is tryReserve");
    }

    // Tokio: blocking_recv, tokio/tests/sync_mpsc.rs
    // Real runtime: a plain platform thread receives while a real runtime's task sends.
    @Test
    void blockingRecv() throws InterruptedException {
        Channel<Integer> ch = Mpsc.bounded(1);
        Integer[] got = new Integer[1];
        Thread syncCode = Thread.ofPlatform().start(() -> got[0] = ch.receiver().recv());
        try (HeddleRuntime rt = HeddleRuntime.multiThread().build()) {
            rt.blockOn(() -> {
                ch.sender().send(10);
                return null;
            });
        }
        syncCode.join();
        assertEquals(10, got[0]);
    }

    // Tokio: blocking_send, tokio/tests/sync_mpsc.rs
    // Real runtime: a plain platform thread sends while a real runtime's task receives.
    @Test
    void blockingSend() throws InterruptedException {
        Channel<Integer> ch = Mpsc.bounded(1);
        Thread syncCode = Thread.ofPlatform().start(() -> ch.sender().send(10));
        try (HeddleRuntime rt = HeddleRuntime.multiThread().build()) {
            assertEquals(10, rt.blockOn(() -> ch.receiver().recv()));
        }
        syncCode.join();
    }

    // Tokio: ready_close_cancel_bounded, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void readyCloseCancelBounded() {
        Channel<Boolean> ch = Mpsc.bounded(100);
        Sender<Boolean> tx2 = ch.sender().clone();
        Permit<Boolean> permit = ch.sender().reserve();
        lastPermitWakesClosedReceiver(ch.receiver(), permit::close, null);
        tx2.close();
    }

    // Tokio: permit_available_not_acquired_close, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void permitAvailableNotAcquiredClose() {
        Channel<Boolean> ch = Mpsc.bounded(1);
        Sender<Boolean> tx1 = ch.sender();
        Sender<Boolean> tx2 = tx1.clone();
        Permit<Boolean> permit1 = tx1.reserve();
        JoinHandle<Object> permit2 = spawnOutcome(tx2::reserve);
        settle();
        assertFalse(permit2.isFinished());
        ch.receiver().close();
        permit1.close();
        settle();
        assertTrue(permit2.isFinished(), "the waiting reserve is woken");
        permit2.abort(); // drop(permit2)
        assertNull(ch.receiver().recv());
    }

    // Tokio: try_recv_bounded, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryRecvBounded() {
        Channel<String> ch = Mpsc.bounded(5);
        Sender<String> tx = ch.sender();
        Receiver<String> rx = ch.receiver();
        for (int i = 0; i < 5; i++) {
            tx.trySend("hello");
        }
        assertThrows(SendException.class, () -> tx.trySend("hello"));
        for (int i = 0; i < 5; i++) {
            assertEquals("hello", rx.tryRecv());
        }
        assertNull(rx.tryRecv(), "empty");
        for (int i = 0; i < 4; i++) {
            tx.trySend("hello");
        }
        assertEquals("hello", rx.tryRecv());
        tx.trySend("hello");
        tx.trySend("hello");
        assertThrows(SendException.class, () -> tx.trySend("hello"));
        for (int i = 0; i < 5; i++) {
            assertEquals("hello", rx.tryRecv());
        }
        assertNull(rx.tryRecv(), "empty");
        for (int i = 0; i < 3; i++) {
            tx.trySend("hello");
        }
        tx.close();
        for (int i = 0; i < 3; i++) {
            assertEquals("hello", rx.tryRecv(), "queued values are drained before the end shows");
        }
        assertThrows(ChannelClosedException.class, rx::tryRecv, "disconnected");
    }

    // Tokio: try_recv_unbounded, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryRecvUnbounded() {
        for (int num = 0; num < 100; num++) {
            Channel<Integer> ch = Mpsc.unbounded();
            for (int i = 0; i < num; i++) {
                ch.sender().send(i);
            }
            for (int i = 0; i < num; i++) {
                assertEquals(i, ch.receiver().tryRecv());
            }
            assertNull(ch.receiver().tryRecv(), "empty");
            ch.sender().close();
            assertThrows(ChannelClosedException.class, ch.receiver()::tryRecv, "disconnected");
        }
    }

    // Tokio: try_recv_after_receiver_close, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryRecvAfterReceiverClose() {
        Channel<Boolean> ch = Mpsc.bounded(5);
        assertNull(ch.receiver().tryRecv(), "empty");
        ch.receiver().close();
        assertThrows(ChannelClosedException.class, ch.receiver()::tryRecv, "disconnected");
    }

    // Tokio: try_recv_after_receiver_close_with_permit, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryRecvAfterReceiverCloseWithPermit() {
        Channel<Boolean> ch = Mpsc.bounded(5);
        Permit<Boolean> permit = ch.sender().tryReserve();
        assertNull(ch.receiver().tryRecv(), "empty");
        ch.receiver().close();
        assertNull(ch.receiver().tryRecv(), "empty: the permit can still send");
        permit.close();
        assertThrows(ChannelClosedException.class, ch.receiver()::tryRecv, "disconnected");
    }

    // Tokio: try_recv_close_while_empty_bounded, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryRecvCloseWhileEmptyBounded() {
        Channel<Boolean> ch = Mpsc.bounded(5);
        assertNull(ch.receiver().tryRecv(), "empty: null");
        ch.sender().close();
        assertThrows(ChannelClosedException.class, ch.receiver()::tryRecv, "disconnected: thrown, not null");
    }

    // Tokio: try_recv_close_while_empty_unbounded, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void tryRecvCloseWhileEmptyUnbounded() {
        Channel<Boolean> ch = Mpsc.unbounded();
        assertNull(ch.receiver().tryRecv(), "empty: null");
        ch.sender().close();
        assertThrows(ChannelClosedException.class, ch.receiver()::tryRecv, "disconnected: thrown, not null");
    }

    // Tokio: recv_timeout, tokio/tests/sync_mpsc.rs
    // Tokio's SendTimeoutError::Timeout and ::Closed are SendException's TIMEOUT and CLOSED, value handed back.
    @CurrentThreadTest
    void recvTimeout() {
        Channel<Integer> ch = Mpsc.bounded(5);
        Sender<Integer> tx = ch.sender();
        for (int v = 10; v <= 50; v += 10) {
            tx.sendTimeout(v, Duration.ofSeconds(1));
        }
        long before = Heddle.now();
        SendException timeout = assertThrows(SendException.class, () -> tx.sendTimeout(60, Duration.ofSeconds(1)));
        assertEquals(SendException.Reason.TIMEOUT, timeout.reason());
        assertEquals(60, timeout.<Integer>value());
        assertEquals(Duration.ofSeconds(1).toNanos(), Heddle.now() - before, "it waited the whole second");
        ch.receiver().close();
        SendException closed = assertThrows(SendException.class, () -> tx.sendTimeout(70, Duration.ofSeconds(1)));
        assertEquals(SendException.Reason.CLOSED, closed.reason());
        assertEquals(70, closed.<Integer>value());
    }

    // Tokio: recv_timeout_panic, tokio/tests/sync_mpsc.rs
    // Real runtime: none at all; sendTimeout outside every runtime has no clock and fails with a clear message.
    @Test
    void recvTimeoutPanic() {
        Sender<Integer> tx = Mpsc.<Integer>bounded(5).sender();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> tx.sendTimeout(10, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("not a Heddle task"), e.getMessage());
        assertEquals(5, tx.capacity(), "nothing was sent");
    }

    // Tokio: test_tx_capacity, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testTxCapacity() {
        Sender<Boolean> tx = Mpsc.<Boolean>bounded(10).sender();
        assertEquals(10, tx.capacity());
        assertEquals(10, tx.maxCapacity());
        Permit<Boolean> permit = tx.reserve();
        assertEquals(9, tx.capacity(), "a reserve takes a slot");
        assertEquals(10, tx.maxCapacity());
        tx.send(true);
        assertEquals(8, tx.capacity(), "so does a send");
        assertEquals(10, tx.maxCapacity());
        permit.close();
    }

    // The receiver's isClosed, isEmpty and size (Tokio's len), on bounded channels and, in the
    // *_unbounded_* tests, on unbounded ones: each pair shares its body.

    private static void isClosedWhenCallingCloseWithSender(Channel<Boolean> ch) {
        ch.receiver().close();
        assertTrue(ch.receiver().isClosed());
    }

    private static void isClosedWhenDroppingAllSenders(Channel<Boolean> ch) {
        Sender<Boolean> anotherTx = ch.sender().clone();
        JoinHandle<Void> task = Heddle.spawn(anotherTx::close);
        ch.sender().close();
        task.join();
        assertTrue(ch.receiver().isClosed());
    }

    private static void isClosedWhenThereAreNoSendersAndThereAreMessages(Channel<Integer> ch) {
        for (int i = 0; i < 10; i++) {
            ch.sender().send(i);
        }
        ch.sender().close();
        assertTrue(ch.receiver().isClosed(), "closed, though values are still queued");
    }

    private static void isClosedWhenThereAreMessagesAndCloseIsCalled(Channel<Integer> ch) {
        for (int i = 0; i < 10; i++) {
            ch.sender().send(i);
        }
        ch.receiver().close();
        assertTrue(ch.receiver().isClosed());
    }

    private static void isNotEmptyWhenAllButOneMessagesAreConsumed(Channel<Integer> ch) {
        for (int i = 0; i < 10; i++) {
            ch.sender().send(i);
        }
        for (int i = 0; i < 9; i++) {
            assertNotNull(ch.receiver().recv());
        }
        assertFalse(ch.receiver().isEmpty());
    }

    private static void isEmptyWhenAllMessagesAreConsumed(Channel<Integer> ch) {
        for (int i = 0; i < 10; i++) {
            ch.sender().send(i);
        }
        while (ch.receiver().tryRecv() != null) {
            // drain
        }
        assertTrue(ch.receiver().isEmpty());
    }

    private static void isEmptyAllSendersAreDroppedAndMessagesConsumed(Channel<Integer> ch) {
        for (int i = 0; i < 10; i++) {
            ch.sender().send(i);
        }
        ch.sender().close();
        for (int i = 0; i < 10; i++) {
            assertNotNull(ch.receiver().recv());
        }
        assertTrue(ch.receiver().isEmpty());
    }

    private static void lenWithMessages(Channel<Integer> ch, boolean dropSenders) {
        for (int i = 0; i < 100; i++) {
            ch.sender().send(i);
        }
        if (dropSenders) {
            ch.sender().close();
        }
        assertEquals(100, ch.receiver().len());
    }

    private static void lenWhenConsumingAllMessages(Channel<Integer> ch) {
        for (int i = 0; i < 100; i++) {
            ch.sender().send(i);
            assertEquals(i + 1, ch.receiver().len());
        }
        ch.sender().close();
        for (int i = 99; i >= 0; i--) {
            assertNotNull(ch.receiver().recv());
            assertEquals(i, ch.receiver().len());
        }
    }

    /** Tokio's three *_len_when_close_is_called* tests: the order of closing the two ends does not matter. */
    private static void lenWhenCloseIsCalled(Channel<Boolean> ch, boolean senderClosedBefore,
            boolean senderClosedAfter) {
        ch.sender().send(true);
        if (senderClosedBefore) {
            ch.sender().close();
        }
        ch.receiver().close();
        if (senderClosedAfter) {
            ch.sender().close();
        }
        assertEquals(1, ch.receiver().len());
    }

    // Tokio: test_rx_is_closed_when_calling_close_with_sender, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsClosedWhenCallingCloseWithSender() {
        isClosedWhenCallingCloseWithSender(Mpsc.bounded(10));
    }

    // Tokio: test_rx_is_closed_when_dropping_all_senders, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsClosedWhenDroppingAllSenders() {
        isClosedWhenDroppingAllSenders(Mpsc.bounded(10));
    }

    // Tokio: test_rx_is_not_closed_when_there_are_senders, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsNotClosedWhenThereAreSenders() {
        assertFalse(Mpsc.<Boolean>bounded(10).receiver().isClosed());
    }

    // Tokio: test_rx_is_not_closed_when_there_are_senders_and_buffer_filled, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsNotClosedWhenThereAreSendersAndBufferFilled() {
        Channel<Integer> ch = Mpsc.bounded(10);
        for (int i = 0; i < 10; i++) {
            ch.sender().send(i);
        }
        assertFalse(ch.receiver().isClosed());
    }

    // Tokio: test_rx_is_closed_when_there_are_no_senders_and_there_are_messages, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsClosedWhenThereAreNoSendersAndThereAreMessages() {
        isClosedWhenThereAreNoSendersAndThereAreMessages(Mpsc.bounded(10));
    }

    // Tokio: test_rx_is_closed_when_there_are_messages_and_close_is_called, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsClosedWhenThereAreMessagesAndCloseIsCalled() {
        isClosedWhenThereAreMessagesAndCloseIsCalled(Mpsc.bounded(10));
    }

    // Tokio: test_rx_is_not_closed_when_there_are_permits_but_not_senders, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsNotClosedWhenThereArePermitsButNotSenders() {
        Channel<Boolean> ch = Mpsc.bounded(10);
        Permit<Boolean> permit = ch.sender().reserve();
        ch.sender().close(); // reserve_owned takes the sender into the permit
        assertFalse(ch.receiver().isClosed());
        permit.close();
    }

    // Tokio: test_rx_is_empty_when_no_messages_were_sent, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsEmptyWhenNoMessagesWereSent() {
        assertTrue(Mpsc.<Boolean>bounded(10).receiver().isEmpty());
    }

    // Tokio: test_rx_is_not_empty_when_there_are_messages_in_the_buffer, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsNotEmptyWhenThereAreMessagesInTheBuffer() {
        Channel<Boolean> ch = Mpsc.bounded(10);
        ch.sender().send(true);
        assertFalse(ch.receiver().isEmpty());
    }

    // Tokio: test_rx_is_not_empty_when_the_buffer_is_full, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsNotEmptyWhenTheBufferIsFull() {
        Channel<Integer> ch = Mpsc.bounded(10);
        for (int i = 0; i < 10; i++) {
            ch.sender().send(i);
        }
        assertFalse(ch.receiver().isEmpty());
    }

    // Tokio: test_rx_is_not_empty_when_all_but_one_messages_are_consumed, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsNotEmptyWhenAllButOneMessagesAreConsumed() {
        isNotEmptyWhenAllButOneMessagesAreConsumed(Mpsc.bounded(10));
    }

    // Tokio: test_rx_is_empty_when_all_messages_are_consumed, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsEmptyWhenAllMessagesAreConsumed() {
        isEmptyWhenAllMessagesAreConsumed(Mpsc.bounded(10));
    }

    // Tokio: test_rx_is_empty_all_senders_are_dropped_and_messages_consumed, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxIsEmptyAllSendersAreDroppedAndMessagesConsumed() {
        isEmptyAllSendersAreDroppedAndMessagesConsumed(Mpsc.bounded(10));
    }

    // Tokio: test_rx_len_on_empty_channel, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxLenOnEmptyChannel() {
        assertEquals(0, Mpsc.<Boolean>bounded(100).receiver().len());
    }

    // Tokio: test_rx_len_on_empty_channel_without_senders, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxLenOnEmptyChannelWithoutSenders() {
        Channel<Boolean> ch = Mpsc.bounded(100);
        ch.sender().close();
        assertEquals(0, ch.receiver().len(), "the end of the channel is not a value");
    }

    // Tokio: test_rx_len_on_filled_channel, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxLenOnFilledChannel() {
        lenWithMessages(Mpsc.bounded(100), false);
    }

    // Tokio: test_rx_len_on_filled_channel_without_senders, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxLenOnFilledChannelWithoutSenders() {
        lenWithMessages(Mpsc.bounded(100), true);
    }

    // Tokio: test_rx_len_when_consuming_all_messages, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxLenWhenConsumingAllMessages() {
        lenWhenConsumingAllMessages(Mpsc.bounded(100));
    }

    // Tokio: test_rx_len_when_close_is_called, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxLenWhenCloseIsCalled() {
        lenWhenCloseIsCalled(Mpsc.bounded(100), false, false);
    }

    // Tokio: test_rx_len_when_close_is_called_before_dropping_sender, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxLenWhenCloseIsCalledBeforeDroppingSender() {
        lenWhenCloseIsCalled(Mpsc.bounded(100), false, true);
    }

    // Tokio: test_rx_len_when_close_is_called_after_dropping_sender, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxLenWhenCloseIsCalledAfterDroppingSender() {
        lenWhenCloseIsCalled(Mpsc.bounded(100), true, false);
    }

    // Tokio: test_rx_unbounded_is_closed_when_calling_close_with_sender, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsClosedWhenCallingCloseWithSender() {
        isClosedWhenCallingCloseWithSender(Mpsc.unbounded());
    }

    // Tokio: test_rx_unbounded_is_closed_when_dropping_all_senders, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsClosedWhenDroppingAllSenders() {
        isClosedWhenDroppingAllSenders(Mpsc.unbounded());
    }

    // Tokio: test_rx_unbounded_is_not_closed_when_there_are_senders, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsNotClosedWhenThereAreSenders() {
        assertFalse(Mpsc.<Boolean>unbounded().receiver().isClosed());
    }

    // Tokio: test_rx_unbounded_is_closed_when_there_are_no_senders_and_there_are_messages, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsClosedWhenThereAreNoSendersAndThereAreMessages() {
        isClosedWhenThereAreNoSendersAndThereAreMessages(Mpsc.unbounded());
    }

    // Tokio: test_rx_unbounded_is_closed_when_there_are_messages_and_close_is_called, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsClosedWhenThereAreMessagesAndCloseIsCalled() {
        isClosedWhenThereAreMessagesAndCloseIsCalled(Mpsc.unbounded());
    }

    // Tokio: test_rx_unbounded_is_empty_when_no_messages_were_sent, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsEmptyWhenNoMessagesWereSent() {
        assertTrue(Mpsc.<Boolean>unbounded().receiver().isEmpty());
    }

    // Tokio: test_rx_unbounded_is_not_empty_when_there_are_messages_in_the_buffer, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsNotEmptyWhenThereAreMessagesInTheBuffer() {
        Channel<Boolean> ch = Mpsc.unbounded();
        ch.sender().send(true);
        assertFalse(ch.receiver().isEmpty());
    }

    // Tokio: test_rx_unbounded_is_not_empty_when_all_but_one_messages_are_consumed, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsNotEmptyWhenAllButOneMessagesAreConsumed() {
        isNotEmptyWhenAllButOneMessagesAreConsumed(Mpsc.unbounded());
    }

    // Tokio: test_rx_unbounded_is_empty_when_all_messages_are_consumed, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsEmptyWhenAllMessagesAreConsumed() {
        isEmptyWhenAllMessagesAreConsumed(Mpsc.unbounded());
    }

    // Tokio: test_rx_unbounded_is_empty_all_senders_are_dropped_and_messages_consumed, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedIsEmptyAllSendersAreDroppedAndMessagesConsumed() {
        isEmptyAllSendersAreDroppedAndMessagesConsumed(Mpsc.unbounded());
    }

    // Tokio: test_rx_unbounded_len_on_empty_channel, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedLenOnEmptyChannel() {
        assertEquals(0, Mpsc.<Boolean>unbounded().receiver().len());
    }

    // Tokio: test_rx_unbounded_len_on_empty_channel_without_senders, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedLenOnEmptyChannelWithoutSenders() {
        Channel<Boolean> ch = Mpsc.unbounded();
        ch.sender().close();
        assertEquals(0, ch.receiver().len(), "the end of the channel is not a value");
    }

    // Tokio: test_rx_unbounded_len_with_multiple_messages, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedLenWithMultipleMessages() {
        lenWithMessages(Mpsc.unbounded(), false);
    }

    // Tokio: test_rx_unbounded_len_with_multiple_messages_and_dropped_senders, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedLenWithMultipleMessagesAndDroppedSenders() {
        lenWithMessages(Mpsc.unbounded(), true);
    }

    // Tokio: test_rx_unbounded_len_when_consuming_all_messages, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedLenWhenConsumingAllMessages() {
        lenWhenConsumingAllMessages(Mpsc.unbounded());
    }

    // Tokio: test_rx_unbounded_len_when_close_is_called, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedLenWhenCloseIsCalled() {
        lenWhenCloseIsCalled(Mpsc.unbounded(), false, false);
    }

    // Tokio: test_rx_unbounded_len_when_close_is_called_before_dropping_sender, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedLenWhenCloseIsCalledBeforeDroppingSender() {
        lenWhenCloseIsCalled(Mpsc.unbounded(), false, true);
    }

    // Tokio: test_rx_unbounded_len_when_close_is_called_after_dropping_sender, tokio/tests/sync_mpsc.rs
    @CurrentThreadTest
    void testRxUnboundedLenWhenCloseIsCalledAfterDroppingSender() {
        lenWhenCloseIsCalled(Mpsc.unbounded(), true, false);
    }

    // Tokio: test_is_empty_32_msgs, tokio/tests/sync_mpsc.rs
    // A regression test of Tokio's block list (issue 6602); the ring here wraps at 33 instead.
    @CurrentThreadTest
    void testIsEmpty32Msgs() {
        Channel<Integer> ch = Mpsc.bounded(33);
        for (int value = 1; value < 257; value++) {
            ch.sender().send(value);
            assertNotNull(ch.receiver().recv());
            assertTrue(ch.receiver().isEmpty(), value + ". len: " + ch.receiver().len());
        }
    }
}
