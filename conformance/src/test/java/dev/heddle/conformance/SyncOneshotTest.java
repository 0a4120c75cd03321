package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.channel.oneshot.Channel;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.channel.oneshot.Receiver;
import dev.heddle.channel.oneshot.Sender;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.select.Select;
import dev.heddle.sim.Sim;
import java.time.Duration;

/**
 * {@code tokio/tests/sync_oneshot.rs}. Tokio drops a handle where Heddle closes it: dropping
 * the receiver is {@code receiver().close()}, dropping the sender {@code sender().close()}.
 * A future polled by hand ({@code task::spawn(rx)}, {@code assert_pending!}) is a task here;
 * {@link #settle} lets every other task run until it waits (virtual time moves only once no
 * task can run), so "pending" is "not finished after settling" and "woken, then ready" is
 * "finished after settling".
 */
class SyncOneshotTest {

    /** Runs every other task until it waits or ends: virtual time passes only when none can run. */
    static void settle(Sim sim) {
        sim.sleep(Duration.ofMillis(1));
    }

    /** A receive in a task of its own, ending with the value or "closed". */
    private static JoinHandle<String> receiving(Sim sim, Receiver<Integer> rx) {
        return sim.spawn(() -> {
            try {
                return "got " + rx.recv();
            } catch (ChannelClosedException e) {
                return "closed";
            }
        });
    }

    // Tokio: send_recv, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void sendRecv(Sim sim) {
        Channel<Integer> ch = Oneshot.channel();
        JoinHandle<String> rx = receiving(sim, ch.receiver());
        settle(sim);
        assertFalse(rx.isFinished(), "pending before the send");
        ch.sender().send(1);
        settle(sim);
        assertTrue(rx.isFinished(), "woken by the send");
        assertEquals("got 1", rx.join());
    }

    // Tokio: async_send_recv, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void asyncSendRecv() {
        Channel<Integer> ch = Oneshot.channel();
        ch.sender().send(1);
        assertEquals(1, ch.receiver().recv());
    }

    // Tokio: close_tx, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void closeTx(Sim sim) {
        Channel<Integer> ch = Oneshot.channel();
        JoinHandle<String> rx = receiving(sim, ch.receiver());
        settle(sim);
        assertFalse(rx.isFinished());
        ch.sender().close();
        settle(sim);
        assertTrue(rx.isFinished(), "woken by the sender's close");
        assertEquals("closed", rx.join());
    }

    // Tokio: close_rx, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void closeRx(Sim sim) {
        // First, without waiting in closed().
        Channel<Integer> dropped = Oneshot.channel();
        dropped.receiver().close();
        assertThrows(SendException.class, () -> dropped.sender().send(1));

        // Second, through closed().
        Channel<Integer> ch = Oneshot.channel();
        Sender<Integer> tx = ch.sender();
        JoinHandle<Void> closed = sim.spawn(tx::closed);
        settle(sim);
        assertFalse(closed.isFinished(), "closed() is pending while the receiver is open");
        ch.receiver().close();
        settle(sim);
        assertTrue(closed.isFinished(), "the receiver's close woke closed()");
        assertTrue(tx.isClosed());
        tx.closed(); // ready at once now
        assertThrows(SendException.class, () -> tx.send(1));
    }

    // Tokio: async_rx_closed, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void asyncRxClosed(Sim sim) {
        Channel<Integer> ch = Oneshot.channel();
        sim.spawn(() -> ch.receiver().close());
        ch.sender().closed();
        assertTrue(ch.sender().isClosed());
    }

    // Tokio: explicit_close_poll, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void explicitClosePoll(Sim sim) {
        // First, with the value sent.
        Channel<Integer> sent = Oneshot.channel();
        sent.sender().send(1);
        sent.receiver().close();
        assertEquals(1, sent.receiver().recv(), "a value sent before the close is still received");

        // Second, without the value sent: closing the receiver wakes closed(), refuses the send, ends recv.
        Channel<Integer> unsent = Oneshot.channel();
        JoinHandle<Void> closed = sim.spawn(unsent.sender()::closed);
        settle(sim);
        assertFalse(closed.isFinished());
        unsent.receiver().close();
        settle(sim);
        assertTrue(closed.isFinished(), "woken by the receiver's close");
        assertTrue(unsent.sender().isClosed());
        unsent.sender().closed();
        assertThrows(SendException.class, () -> unsent.sender().send(1));
        assertThrows(ChannelClosedException.class, unsent.receiver()::recv);

        // Again, with a receive pending when the receiver closes (the sender still open).
        Channel<Integer> again = Oneshot.channel();
        JoinHandle<Void> closedAgain = sim.spawn(again.sender()::closed);
        JoinHandle<String> rx = receiving(sim, again.receiver());
        settle(sim);
        assertFalse(closedAgain.isFinished());
        assertFalse(rx.isFinished());
        again.receiver().close();
        settle(sim);
        assertTrue(closedAgain.isFinished());
        assertTrue(again.sender().isClosed());
        assertEquals("closed", rx.join(), "the pending recv ends at once, the sender still open");
    }

    // Tokio: explicit_close_try_recv, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void explicitCloseTryRecv(Sim sim) {
        // First, with the value sent.
        Channel<Integer> sent = Oneshot.channel();
        sent.sender().send(1);
        sent.receiver().close();
        assertEquals(1, sent.receiver().tryRecv());

        // Second, without the value sent.
        Channel<Integer> unsent = Oneshot.channel();
        JoinHandle<Void> closed = sim.spawn(unsent.sender()::closed);
        settle(sim);
        assertFalse(closed.isFinished());
        unsent.receiver().close();
        settle(sim);
        assertTrue(closed.isFinished());
        assertTrue(unsent.sender().isClosed());
        unsent.sender().closed();
        assertThrows(ChannelClosedException.class, unsent.receiver()::tryRecv, "closed, not empty");
    }

    /**
     * Tokio's test panics by polling a receiver that {@code try_recv} already terminated
     * ({@code should_panic}); here that receive fails at once too, with the closed channel's
     * exception (Heddle answers every receive on a channel that ended without a value the same
     * way) rather than waiting.
     */
    // Tokio: close_try_recv_poll, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void closeTryRecvPoll() {
        Channel<Integer> ch = Oneshot.channel();
        Receiver<Integer> rx = ch.receiver();
        rx.close();
        assertThrows(ChannelClosedException.class, rx::tryRecv);
        assertTrue(rx.isTerminated());
        ChannelClosedException e = assertThrows(ChannelClosedException.class, rx::recv);
        assertTrue(e.getMessage().contains("closed before a value was sent"), e.getMessage());
    }

    // Tokio: close_after_recv, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void closeAfterRecv() {
        Channel<Integer> ch = Oneshot.channel();
        ch.sender().send(17);
        assertEquals(17, ch.receiver().tryRecv());
        ch.receiver().close();
        assertTrue(ch.receiver().isTerminated());
    }

    // Tokio: try_recv_after_completion, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void tryRecvAfterCompletion() {
        Channel<Integer> ch = Oneshot.channel();
        ch.sender().send(17);
        assertEquals(17, ch.receiver().tryRecv());
        assertThrows(ChannelClosedException.class, ch.receiver()::tryRecv, "closed, not empty");
        ch.receiver().close();
    }

    // Tokio: try_recv_after_completion_await, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void tryRecvAfterCompletionAwait(Sim sim) {
        Channel<Integer> ch = Oneshot.channel();
        JoinHandle<String> rx = receiving(sim, ch.receiver());
        ch.sender().send(17);
        assertEquals("got 17", rx.join());
        assertThrows(ChannelClosedException.class, ch.receiver()::tryRecv, "closed, not empty");
        ch.receiver().close();
    }

    /**
     * Tokio polls one receive from a first task, then from a second: only the second task's
     * waker is kept, and the send wakes only it. A Heddle wait belongs to its task, so the
     * first task's wait gives up (it loses a select to a timer) and a second task waits: the
     * abandoned wait leaves nothing behind, and the send goes to the second.
     */
    // Tokio: receiver_changes_task, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void receiverChangesTask(Sim sim) {
        Channel<Integer> ch = Oneshot.channel();
        JoinHandle<String> task1 = sim.spawn(() -> Select.<String>select()
                .on(ch.receiver().recvOp(), v -> "got " + v)
                .sleep(Duration.ofMillis(1), () -> "moved on")
                .run());
        while (ch.receiver().queuedWaiters() == 0) {
            Heddle.yieldNow(); // virtual time stands still meanwhile: the timer cannot fire yet
        }
        assertEquals("moved on", task1.join());
        assertEquals(0, ch.receiver().queuedWaiters(), "the first task's wait is gone");
        JoinHandle<String> task2 = receiving(sim, ch.receiver());
        settle(sim);
        assertEquals(1, ch.receiver().queuedWaiters());
        ch.sender().send(1);
        assertEquals("got 1", task2.join());
    }

    /** As {@link #receiverChangesTask}, for {@code Sender.closed()}. */
    // Tokio: sender_changes_task, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void senderChangesTask(Sim sim) {
        Channel<Integer> ch = Oneshot.channel();
        JoinHandle<String> task1 = sim.spawn(() -> Select.<String>select()
                .on(ch.sender().closedOp(), gone -> "closed")
                .sleep(Duration.ofMillis(1), () -> "moved on")
                .run());
        assertEquals("moved on", task1.join());
        JoinHandle<String> task2 = sim.spawn(() -> {
            ch.sender().closed();
            return "closed";
        });
        settle(sim);
        assertFalse(task2.isFinished());
        ch.receiver().close();
        assertEquals("closed", task2.join());
    }

    // Tokio: receiver_is_terminated_send, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void receiverIsTerminatedSend() {
        Channel<Integer> ch = Oneshot.channel();
        Receiver<Integer> rx = ch.receiver();
        assertFalse(rx.isTerminated(), "not terminated before the value is sent");
        ch.sender().send(17);
        assertFalse(rx.isTerminated(), "not terminated after the value is sent");
        assertEquals(17, rx.recv());
        assertTrue(rx.isTerminated(), "terminated after the value is read");
    }

    // Tokio: receiver_is_terminated_try_recv, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void receiverIsTerminatedTryRecv() {
        Channel<Integer> ch = Oneshot.channel();
        Receiver<Integer> rx = ch.receiver();
        assertFalse(rx.isTerminated());
        ch.sender().send(17);
        assertFalse(rx.isTerminated());
        assertEquals(17, rx.tryRecv());
        assertTrue(rx.isTerminated());
    }

    // Tokio: receiver_is_terminated_drop, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void receiverIsTerminatedDrop() {
        Channel<Integer> ch = Oneshot.channel();
        Receiver<Integer> rx = ch.receiver();
        assertFalse(rx.isTerminated(), "not terminated before the sender closes");
        ch.sender().close();
        assertFalse(rx.isTerminated(), "not terminated after the sender closes");
        assertThrows(ChannelClosedException.class, rx::recv);
        assertTrue(rx.isTerminated(), "terminated once a receive reported the end");
    }

    // Tokio: receiver_is_terminated_rx_close, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void receiverIsTerminatedRxClose() {
        Channel<Integer> ch = Oneshot.channel();
        Receiver<Integer> rx = ch.receiver();
        assertFalse(rx.isTerminated(), "not terminated before closing");
        rx.close();
        assertFalse(rx.isTerminated(), "not terminated by the close itself");
        assertThrows(ChannelClosedException.class, rx::recv);
        assertTrue(rx.isTerminated(), "terminated once a receive reported the end");
    }

    // Tokio: receiver_is_empty_send, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void receiverIsEmptySend() {
        Channel<Integer> ch = Oneshot.channel();
        Receiver<Integer> rx = ch.receiver();
        assertTrue(rx.isEmpty(), "empty before the value is sent");
        ch.sender().send(17);
        assertFalse(rx.isEmpty(), "not empty after the value is sent");
        assertEquals(17, rx.recv());
        assertTrue(rx.isEmpty(), "empty after the value is read");
    }

    // Tokio: receiver_is_empty_try_recv, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void receiverIsEmptyTryRecv() {
        Channel<Integer> ch = Oneshot.channel();
        Receiver<Integer> rx = ch.receiver();
        assertTrue(rx.isEmpty());
        ch.sender().send(17);
        assertFalse(rx.isEmpty());
        assertEquals(17, rx.tryRecv());
        assertTrue(rx.isEmpty());
    }

    // Tokio: receiver_is_empty_drop, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void receiverIsEmptyDrop() {
        Channel<Integer> ch = Oneshot.channel();
        Receiver<Integer> rx = ch.receiver();
        assertTrue(rx.isEmpty(), "empty before the sender closes");
        ch.sender().close();
        assertTrue(rx.isEmpty(), "empty after the sender closes");
        assertThrows(ChannelClosedException.class, rx::recv);
        assertTrue(rx.isEmpty(), "empty after the end was received");
    }

    // Tokio: receiver_is_empty_rx_close, tokio/tests/sync_oneshot.rs
    @CurrentThreadTest
    void receiverIsEmptyRxClose() {
        Channel<Integer> ch = Oneshot.channel();
        Receiver<Integer> rx = ch.receiver();
        assertTrue(rx.isEmpty());
        rx.close();
        assertTrue(rx.isEmpty());
    }
}
