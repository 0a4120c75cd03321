package dev.heddle.conformance;

import static dev.heddle.conformance.SyncOneshotTest.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.ChannelClosedException;
import dev.heddle.channel.SendException;
import dev.heddle.channel.watch.Channel;
import dev.heddle.channel.watch.Receiver;
import dev.heddle.channel.watch.Sender;
import dev.heddle.channel.watch.Watch;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.sim.Sim;
import java.util.List;

/**
 * {@code tokio/tests/sync_watch.rs}. Dropping a handle is closing it. Tokio's one poll of a
 * fresh {@code rx.changed()} ({@code assert_ready!(spawn(rx.changed()).poll())}) is one
 * {@code tryNow()} of a fresh {@code changedOp()} (helpers below: it commits only if it is
 * ready, and leaves nothing behind otherwise, as the dropped future does); a {@code changed()}
 * polled, woken and polled again is a task ({@link SyncOneshotTest#settle} runs the other tasks
 * until they wait). Heddle's {@code changed()} returns the value Tokio's caller then borrows.
 */
class SyncWatchTest {

    private static void assertPending(Receiver<?> rx) {
        assertFalse(rx.changedOp().tryNow(), "changed() is ready; expected it to wait");
    }

    private static <T> T assertReadyOk(Receiver<T> rx) {
        SelectableOp<T> changed = rx.changedOp();
        assertTrue(changed.tryNow(), "changed() would wait; expected it ready");
        return changed.result();
    }

    private static void assertReadyErr(Receiver<?> rx) {
        SelectableOp<?> changed = rx.changedOp();
        assertTrue(changed.tryNow(), "changed() would wait; expected it to fail at once");
        assertThrows(ChannelClosedException.class, changed::result);
    }

    /** {@code rx.changed()} in a task of its own: the value, or "closed". */
    private static <T> JoinHandle<String> changing(Sim sim, Receiver<T> rx) {
        return sim.spawn(() -> {
            try {
                return String.valueOf(rx.changed());
            } catch (ChannelClosedException e) {
                return "closed";
            }
        });
    }

    // Tokio: single_rx_recv, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void singleRxRecv(Sim sim) {
        Channel<String> ch = Watch.channel("one");
        Receiver<String> rx = ch.receiver();

        JoinHandle<String> first = changing(sim, rx); // not initially notified
        settle(sim);
        assertFalse(first.isFinished());
        first.abort(); // Tokio drops this future
        settle(sim);
        assertEquals("one", rx.borrow());

        JoinHandle<String> second = changing(sim, rx);
        settle(sim);
        assertFalse(second.isFinished());
        ch.sender().send("two");
        settle(sim);
        assertTrue(second.isFinished(), "woken by the send");
        assertEquals("two", second.join());
        assertEquals("two", rx.borrow());

        JoinHandle<String> third = changing(sim, rx);
        settle(sim);
        assertFalse(third.isFinished());
        ch.sender().close();
        settle(sim);
        assertTrue(third.isFinished(), "woken by the sender's close");
        assertEquals("closed", third.join());
        assertEquals("two", rx.borrow());
    }

    // Tokio: rx_version_underflow, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void rxVersionUnderflow() {
        Channel<String> ch = Watch.channel("one");
        Receiver<String> rx = ch.receiver();
        rx.markChanged(); // the initial version is the first one: no version before it to step back to
        rx.markChanged();
        assertTrue(rx.hasChanged());
        assertEquals("one", assertReadyOk(rx));
    }

    // Tokio: rx_mark_changed, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void rxMarkChanged() {
        Channel<String> ch = Watch.channel("one");
        Receiver<String> rx = ch.receiver();
        Receiver<String> rx2 = rx.clone();
        Receiver<String> rx3 = rx.clone();
        Receiver<String> rx4 = rx.clone();

        rx.markChanged();
        assertTrue(rx.hasChanged());
        assertEquals("one", assertReadyOk(rx));

        assertFalse(rx2.hasChanged(), "marking one receiver changes no other");
        assertPending(rx2);

        rx3.markChanged();
        assertEquals("one", rx3.borrow());
        assertTrue(rx3.hasChanged());
        assertEquals("one", rx3.borrowAndUpdate());
        assertFalse(rx3.hasChanged());
        assertPending(rx3);

        ch.sender().send("two");
        assertTrue(rx4.hasChanged());
        assertEquals("two", rx4.borrowAndUpdate());
        rx4.markChanged();
        assertTrue(rx4.hasChanged());
        assertEquals("two", rx4.borrowAndUpdate());

        assertEquals("two", rx.borrow());
    }

    // Tokio: rx_mark_unchanged, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void rxMarkUnchanged() {
        Channel<String> ch = Watch.channel("one");
        Receiver<String> rx = ch.receiver();
        Receiver<String> rx2 = rx.clone();

        assertFalse(rx.hasChanged());
        rx.markChanged();
        assertTrue(rx.hasChanged());
        rx.markUnchanged();
        assertFalse(rx.hasChanged());
        assertPending(rx);

        assertFalse(rx2.hasChanged());
        ch.sender().send("two");
        assertTrue(rx2.hasChanged());
        rx2.markUnchanged();
        assertFalse(rx2.hasChanged());
        assertEquals("two", rx2.borrowAndUpdate());

        assertEquals("two", rx.borrow());
    }

    /**
     * Tokio's second receiver keeps one {@code changed()} future across two sends: woken by
     * "two", polled only after "three", so it marks "three" seen. A woken Heddle task runs when
     * it runs, so here that wait ends at "two" (or "three"), and a second wait takes what is
     * left: by the end of the block the receiver has seen "three" either way, as in Tokio, and
     * the last block checks it.
     */
    // Tokio: multi_rx, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void multiRx(Sim sim) {
        Channel<String> ch = Watch.channel("one");
        Receiver<String> rx1 = ch.receiver();
        Receiver<String> rx2 = rx1.clone();

        assertPending(rx1);
        assertPending(rx2);
        assertEquals("one", rx1.borrow());
        assertEquals("one", rx2.borrow());

        JoinHandle<String> t2 = changing(sim, rx2);
        JoinHandle<String> t1 = changing(sim, rx1);
        settle(sim);
        assertFalse(t1.isFinished());
        assertFalse(t2.isFinished());
        ch.sender().send("two");
        settle(sim);
        assertTrue(t1.isFinished(), "woken by the send");
        assertTrue(t2.isFinished(), "woken by the send");
        assertEquals("two", t1.join());
        assertEquals("two", rx1.borrow());

        JoinHandle<String> t1Again = changing(sim, rx1);
        settle(sim);
        assertFalse(t1Again.isFinished());
        ch.sender().send("three");
        settle(sim);
        assertEquals("three", t1Again.join());
        assertEquals("two", t2.join());
        assertEquals("three", assertReadyOk(rx2), "the rest of t2's wait: it sees three");
        assertEquals("three", rx1.borrow());
        assertEquals("three", rx2.borrow());

        JoinHandle<String> last1 = changing(sim, rx1);
        JoinHandle<String> last2 = changing(sim, rx2);
        settle(sim);
        assertFalse(last1.isFinished());
        assertFalse(last2.isFinished());
        ch.sender().send("four");
        assertEquals("four", last1.join());
        assertEquals("four", last2.join());
        assertEquals("four", rx1.borrow());
        assertEquals("four", rx2.borrow());
    }

    // Tokio: rx_observes_final_value, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void rxObservesFinalValue(Sim sim) {
        // The initial value.
        Channel<String> initial = Watch.channel("one");
        initial.sender().close();
        assertReadyErr(initial.receiver());
        assertEquals("one", initial.receiver().borrow());

        // A value sent.
        Channel<String> ch = Watch.channel("one");
        Receiver<String> rx = ch.receiver();
        ch.sender().send("two");
        assertEquals("two", assertReadyOk(rx));
        assertEquals("two", rx.borrow());

        JoinHandle<String> t1 = changing(sim, rx);
        settle(sim);
        assertFalse(t1.isFinished());
        ch.sender().send("three");
        ch.sender().close();
        settle(sim);
        assertTrue(t1.isFinished(), "woken");
        assertEquals("three", t1.join(), "the last value sent before the close is seen");
        assertEquals("three", rx.borrow());

        assertReadyErr(rx);
        assertEquals("three", rx.borrow());
    }

    // Tokio: poll_close, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void pollClose(Sim sim) {
        Channel<String> ch = Watch.channel("one");
        JoinHandle<Void> closed = sim.spawn(ch.sender()::closed);
        settle(sim);
        assertFalse(closed.isFinished());
        ch.receiver().close();
        settle(sim);
        assertTrue(closed.isFinished(), "woken by the last receiver's close");
        assertThrows(SendException.class, () -> ch.sender().send("two"));
    }

    // Tokio: borrow_and_update, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void borrowAndUpdate() {
        Channel<String> ch = Watch.channel("one");
        Receiver<String> rx = ch.receiver();
        assertFalse(rx.hasChanged());

        ch.sender().send("two");
        assertTrue(rx.hasChanged());
        assertReadyOk(rx);
        assertPending(rx);
        assertFalse(rx.hasChanged());

        ch.sender().send("three");
        assertTrue(rx.hasChanged());
        assertEquals("three", rx.borrowAndUpdate());
        assertPending(rx);
        assertFalse(rx.hasChanged());

        ch.sender().close();
        assertEquals("three", rx.borrowAndUpdate());
        assertReadyErr(rx);
        assertThrows(ChannelClosedException.class, rx::hasChanged);
    }

    // Tokio: reopened_after_subscribe, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void reopenedAfterSubscribe() {
        Channel<String> ch = Watch.channel("one");
        Sender<String> tx = ch.sender();
        assertFalse(tx.isClosed());
        ch.receiver().close();
        assertTrue(tx.isClosed());

        Receiver<String> rx = tx.subscribe();
        assertFalse(tx.isClosed());
        rx.close();
        assertTrue(tx.isClosed());
    }

    /**
     * Tokio's modify closure assigns through {@code &mut} and then panics: the assignment
     * stays, no version is published and no receiver wakes, and the channel stays usable. With
     * a mutable value (a {@code StringBuilder}) changed in place and an exception, the same.
     */
    // Tokio: send_modify_panic, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void sendModifyPanic(Sim sim) {
        Channel<StringBuilder> ch = Watch.channel(new StringBuilder("one"));
        Sender<StringBuilder> tx = ch.sender();
        Receiver<StringBuilder> rx = ch.receiver();
        tx.sendModify(old -> old.replace(0, old.length(), "two"));
        assertEquals("two", rx.borrowAndUpdate().toString());

        Receiver<StringBuilder> rx2 = rx.clone();
        assertEquals("two", rx2.borrowAndUpdate().toString());
        JoinHandle<String> task = changing(sim, rx2);
        settle(sim);

        IllegalStateException panic = assertThrows(IllegalStateException.class, () -> tx.sendModify(old -> {
            old.replace(0, old.length(), "panicked");
            throw new IllegalStateException("modify failed");
        }));
        assertEquals("modify failed", panic.getMessage());

        settle(sim);
        assertFalse(task.isFinished(), "the failed modify published nothing");
        assertEquals("panicked", rx.borrow().toString());

        tx.sendModify(old -> old.replace(0, old.length(), "three"));
        assertEquals("three", task.join());
        assertEquals("three", rx.borrowAndUpdate().toString());
    }

    // Tokio: multiple_sender, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void multipleSender(Sim sim) {
        Channel<Integer> ch = Watch.channel(0);
        Sender<Integer> tx1 = ch.sender();
        Sender<Integer> tx2 = tx1.clone();
        Receiver<Integer> rx = ch.receiver();
        JoinHandle<List<Integer>> t = sim.spawn(() -> {
            rx.changed();
            int v1 = rx.borrowAndUpdate();
            rx.changed();
            int v2 = rx.borrowAndUpdate();
            return List.of(v1, v2);
        });
        tx1.send(1);
        settle(sim);
        assertFalse(t.isFinished(), "it saw 1 and waits for the next version");
        tx2.send(2);
        assertEquals(List.of(1, 2), t.join());
    }

    // Tokio: receiver_is_notified_when_last_sender_is_dropped, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void receiverIsNotifiedWhenLastSenderIsDropped(Sim sim) {
        Channel<Integer> ch = Watch.channel(0);
        Sender<Integer> tx1 = ch.sender();
        Sender<Integer> tx2 = tx1.clone();
        JoinHandle<String> t = changing(sim, ch.receiver());
        settle(sim);
        assertFalse(t.isFinished());

        tx1.close();
        settle(sim);
        assertFalse(t.isFinished(), "another sender is still open");
        tx2.close();
        settle(sim);
        assertTrue(t.isFinished(), "woken by the last sender's close");
        assertEquals("closed", t.join());
    }

    // Tokio: receiver_changed_is_cooperative, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void receiverChangedIsCooperative(Sim sim) {
        Channel<Integer> ch = Watch.channel(0);
        ch.sender().close();
        ReadyLoop.assertYieldsToOthers(sim, () -> closedAtOnce(ch.receiver()::changed));
    }

    // Tokio: receiver_changed_is_cooperative_ok, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void receiverChangedIsCooperativeOk(Sim sim) {
        Channel<Integer> ch = Watch.channel(0);
        ReadyLoop.assertYieldsToOthers(sim, () -> {
            ch.sender().send(0);
            ch.receiver().changed();
        });
    }

    // Tokio: receiver_wait_for_is_cooperative, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void receiverWaitForIsCooperative(Sim sim) {
        Channel<Integer> ch = Watch.channel(0);
        ch.sender().close();
        ReadyLoop.assertYieldsToOthers(sim, () -> closedAtOnce(() -> ch.receiver().waitFor(v -> v == 1)));
    }

    // Tokio: receiver_wait_for_is_cooperative_ok, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void receiverWaitForIsCooperativeOk(Sim sim) {
        Channel<Integer> ch = Watch.channel(0);
        ReadyLoop.assertYieldsToOthers(sim, () -> {
            ch.sender().send(1);
            assertEquals(1, ch.receiver().waitFor(v -> v == 1));
        });
    }

    // Tokio: sender_closed_is_cooperative, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void senderClosedIsCooperative(Sim sim) {
        Channel<Integer> ch = Watch.channel(0);
        ch.receiver().close();
        ReadyLoop.assertYieldsToOthers(sim, ch.sender()::closed);
    }

    // Tokio: changed_succeeds_on_closed_channel_with_unseen_value, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void changedSucceedsOnClosedChannelWithUnseenValue() {
        Channel<String> ch = Watch.channel("A");
        ch.sender().send("B");
        ch.sender().close();
        assertEquals("B", ch.receiver().changed(), "no error as long as the current value is not seen");
    }

    // Tokio: changed_errors_on_closed_channel_with_seen_value, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void changedErrorsOnClosedChannelWithSeenValue() {
        Channel<String> ch = Watch.channel("A");
        ch.sender().close();
        assertThrows(ChannelClosedException.class, ch.receiver()::changed,
                "an error once the sender is closed and the current value is seen");
    }

    // Tokio: has_changed_errors_on_closed_channel_with_unseen_value, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void hasChangedErrorsOnClosedChannelWithUnseenValue() {
        Channel<String> ch = Watch.channel("A");
        ch.sender().send("B");
        ch.sender().close();
        assertThrows(ChannelClosedException.class, ch.receiver()::hasChanged,
                "hasChanged fails if and only if the channel is closed, even with the current value unseen");
    }

    // Tokio: has_changed_errors_on_closed_channel_with_seen_value, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void hasChangedErrorsOnClosedChannelWithSeenValue() {
        Channel<String> ch = Watch.channel("A");
        ch.sender().close();
        assertThrows(ChannelClosedException.class, ch.receiver()::hasChanged);
    }

    // Tokio: wait_for_errors_on_closed_channel_true_predicate, tokio/tests/sync_watch.rs
    @CurrentThreadTest
    void waitForErrorsOnClosedChannelTruePredicate() {
        Channel<String> ch = Watch.channel("A");
        ch.sender().send("B");
        ch.sender().close();
        assertEquals("B", ch.receiver().waitFor(v -> true),
                "no error when the condition holds for the last value, closed or not");
    }

    /**
     * Runs a wait on a closed channel, which fails at once with {@link ChannelClosedException}; the
     * abort that ends a {@link ReadyLoop} comes out of it as a {@code CancellationException},
     * which must reach the loop rather than fail the assertion.
     */
    private static void closedAtOnce(Runnable wait) {
        try {
            wait.run();
        } catch (ChannelClosedException expected) {
            return;
        }
        throw new AssertionError("the wait on a closed channel returned instead of throwing ChannelClosedException");
    }
}
