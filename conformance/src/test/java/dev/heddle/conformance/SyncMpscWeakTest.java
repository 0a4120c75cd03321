package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.SendException;
import dev.heddle.channel.mpsc.Channel;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.channel.mpsc.Permit;
import dev.heddle.channel.mpsc.Receiver;
import dev.heddle.channel.mpsc.Sender;
import dev.heddle.channel.mpsc.WeakSender;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import java.util.function.Supplier;

/**
 * Tokio's {@code tokio/tests/sync_mpsc_weak.rs}. Dropping a handle is closing it; Tokio's
 * {@code UnboundedSender} and {@code WeakUnboundedSender} are the same {@link Sender} and
 * {@link WeakSender} on an unbounded channel; {@code upgrade()}'s {@code None} is an empty {@code Optional}. A
 * temporary dropped at the end of a Rust statement ({@code tx.clone().downgrade()}) is a clone
 * closed right after it was downgraded.
 */
class SyncMpscWeakTest {

    /** Tokio's {@code tx.clone().downgrade()}: a weak handle of a clone that is closed at once. */
    private static <T> WeakSender<T> downgradeClone(Sender<T> tx) {
        try (Sender<T> clone = tx.clone()) {
            return clone.downgrade();
        }
    }

    /** The body of Tokio's weak_sender and weak_unbounded_sender. */
    private static void weakSender(Channel<Integer> ch) {
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        WeakSender<Integer> txWeak = Heddle.spawn(() -> {
            try (tx; WeakSender<Integer> weak = downgradeClone(tx)) {
                for (int i = 0; i < 10; i++) {
                    try {
                        tx.send(i);
                    } catch (SendException e) {
                        return null;
                    }
                }
                Sender<Integer> tx2 = weak.upgrade().orElseThrow(
                        () -> new AssertionError("expected to be able to upgrade tx_weak"));
                try (tx2) {
                    tx2.send(20);
                    return tx2.downgrade();
                }
            }
        }).join();
        for (int i = 0; i < 12; i++) {
            Integer msg = rx.recv();
            if (msg != null) {
                if (i == 10) {
                    assertEquals(20, msg);
                }
            } else {
                assertEquals(11, i);
                break;
            }
        }
        assertNotNull(txWeak);
        assertTrue(txWeak.upgrade().isEmpty(), "every strong sender is closed");
    }

    // Tokio: weak_sender, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void weakSender() {
        weakSender(Mpsc.bounded(11));
    }

    /** What Tokio's actor tests send to the actor. */
    private sealed interface ActorMessage {}

    private record GetUniqueId(dev.heddle.channel.oneshot.Sender<Integer> respondTo) implements ActorMessage {}

    private record SelfMessage() implements ActorMessage {}

    /** Tokio's MyActor: holds a weak sender to itself, so its loop ends when its last handle closes. */
    private static final class MyActor {
        private final Receiver<ActorMessage> receiver;
        private WeakSender<ActorMessage> sender;
        private int nextId;
        private boolean receivedSelfMsg;

        MyActor(Receiver<ActorMessage> receiver, WeakSender<ActorMessage> sender) {
            this.receiver = receiver;
            this.sender = sender;
        }

        void handleMessage(ActorMessage msg) {
            switch (msg) {
                case GetUniqueId get -> {
                    nextId++;
                    try {
                        get.respondTo().send(nextId);
                    } catch (SendException ignored) {
                        // the asker gave up waiting: nothing to do
                    }
                }
                case SelfMessage self -> receivedSelfMsg = true;
            }
        }

        void sendMessageToSelf() {
            try (WeakSender<ActorMessage> weak = sender.clone()) {
                Sender<ActorMessage> strong = weak.upgrade().orElse(null);
                if (strong != null) {
                    try (strong) {
                        strong.send(new SelfMessage());
                        sender.close();
                        sender = strong.downgrade();
                    }
                }
            }
        }

        void run() {
            int i = 0;
            ActorMessage msg;
            while ((msg = receiver.recv()) != null) {
                handleMessage(msg);
                if (i == 0) {
                    sendMessageToSelf();
                }
                i++;
            }
            assertTrue(receivedSelfMsg);
        }
    }

    /** Tokio's MyActorHandle. */
    private record MyActorHandle(Sender<ActorMessage> sender) {
        int getUniqueId() {
            var ch = Oneshot.<Integer>channel();
            try {
                sender.send(new GetUniqueId(ch.sender()));
            } catch (SendException ignored) {
                // if this send fails, so does the recv below
            }
            return ch.receiver().recv();
        }
    }

    /** The body of Tokio's actor_weak_sender and actor_weak_unbounded_sender. */
    private static void actorWeakSender(Supplier<Channel<ActorMessage>> channel) {
        Channel<ActorMessage> ch = channel.get();
        MyActorHandle handle = new MyActorHandle(ch.sender());
        MyActor actor = new MyActor(ch.receiver(), downgradeClone(ch.sender()));
        JoinHandle<Void> actorHandle = Heddle.spawn(actor::run);
        Heddle.spawn(() -> {
            handle.getUniqueId();
            handle.sender().close();
        }).join();
        actorHandle.join();
    }

    // Tokio: actor_weak_sender, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void actorWeakSender() {
        actorWeakSender(() -> Mpsc.bounded(8));
    }

    /**
     * The body of Tokio's test_msgs_dropped_on_rx_drop and its unbounded twin: once the receiver
     * is gone, a send puts nothing into the channel. Tokio counts the values' drops; here the
     * refused value is handed back and the channel still holds only the one never received.
     */
    private static void msgsDroppedOnRxDrop(Channel<Object> ch) {
        Sender<Object> tx = ch.sender();
        Receiver<Object> rx = ch.receiver();
        tx.send(new Object());
        tx.send(new Object());
        Object pending = new Object();
        assertNotNull(rx.recv());
        assertNotNull(rx.recv());
        tx.send(pending);
        rx.close();
        assertEquals(1, rx.len(), "only the value sent before the receiver closed is in the channel");
        Object late = new Object();
        SendException e = assertThrows(SendException.class, () -> tx.send(late));
        assertTrue(e.value() == late, "the refused value is handed back");
        assertEquals(1, rx.len(), "the refused value was not put into the channel");
    }

    // Tokio: test_msgs_dropped_on_rx_drop, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void testMsgsDroppedOnRxDrop() {
        msgsDroppedOnRxDrop(Mpsc.bounded(3));
    }

    // Tokio: downgrade_upgrade_sender_success, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void downgradeUpgradeSenderSuccess() {
        Sender<Integer> tx = Mpsc.<Integer>bounded(1).sender();
        assertTrue(tx.downgrade().upgrade().isPresent());
    }

    // Tokio: downgrade_upgrade_sender_failure, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void downgradeUpgradeSenderFailure() {
        Sender<Integer> tx = Mpsc.<Integer>bounded(1).sender();
        WeakSender<Integer> weakTx = tx.downgrade();
        tx.close();
        assertTrue(weakTx.upgrade().isEmpty());
    }

    // Tokio: downgrade_drop_upgrade, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void downgradeDropUpgrade() {
        Sender<Integer> tx = Mpsc.<Integer>bounded(1).sender();
        WeakSender<Integer> weakTx = downgradeClone(tx);
        tx.close();
        assertTrue(weakTx.upgrade().isEmpty());
    }

    // Tokio: downgrade_get_permit_upgrade_no_senders, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void downgradeGetPermitUpgradeNoSenders() {
        Sender<Integer> tx = Mpsc.<Integer>bounded(1).sender();
        WeakSender<Integer> weakTx = tx.downgrade();
        Permit<Integer> permit = tx.reserve();
        tx.close(); // reserve_owned takes the sender into the permit
        assertTrue(weakTx.upgrade().isPresent(), "the outstanding permit keeps the channel open");
        permit.close();
    }

    // Tokio: downgrade_upgrade_get_permit_no_senders, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void downgradeUpgradeGetPermitNoSenders() {
        Sender<Integer> tx = Mpsc.<Integer>bounded(1).sender();
        Sender<Integer> tx2 = tx.clone();
        Permit<Integer> permit = tx.reserve();
        tx.close(); // reserve_owned takes the sender into the permit
        WeakSender<Integer> weakTx = tx2.downgrade();
        tx2.close();
        assertTrue(weakTx.upgrade().isPresent(), "the outstanding permit keeps the channel open");
        permit.close();
    }

    /** The body of Tokio's test_tx_count_weak_sender and its unbounded twin. */
    private static void txCountWeakSender(Sender<Integer> tx) {
        WeakSender<Integer> txWeak = tx.downgrade();
        WeakSender<Integer> txWeak2 = tx.downgrade();
        tx.close();
        assertTrue(txWeak.upgrade().isEmpty() && txWeak2.upgrade().isEmpty(), "weak senders do not count as senders");
    }

    // Tokio: test_tx_count_weak_sender, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void testTxCountWeakSender() {
        txCountWeakSender(Mpsc.<Integer>bounded(1).sender());
    }

    // Tokio: weak_unbounded_sender, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void weakUnboundedSender() {
        weakSender(Mpsc.unbounded());
    }

    // Tokio: actor_weak_unbounded_sender, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void actorWeakUnboundedSender() {
        actorWeakSender(Mpsc::unbounded);
    }

    // Tokio: test_msgs_dropped_on_unbounded_rx_drop, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void testMsgsDroppedOnUnboundedRxDrop() {
        msgsDroppedOnRxDrop(Mpsc.unbounded());
    }

    // Tokio: downgrade_upgrade_unbounded_sender_success, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void downgradeUpgradeUnboundedSenderSuccess() {
        Sender<Integer> tx = Mpsc.<Integer>unbounded().sender();
        assertTrue(tx.downgrade().upgrade().isPresent());
    }

    // Tokio: downgrade_upgrade_unbounded_sender_failure, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void downgradeUpgradeUnboundedSenderFailure() {
        Sender<Integer> tx = Mpsc.<Integer>unbounded().sender();
        WeakSender<Integer> weakTx = tx.downgrade();
        tx.close();
        assertTrue(weakTx.upgrade().isEmpty());
    }

    // Tokio: downgrade_drop_upgrade_unbounded, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void downgradeDropUpgradeUnbounded() {
        Sender<Integer> tx = Mpsc.<Integer>unbounded().sender();
        WeakSender<Integer> weakTx = downgradeClone(tx);
        tx.close();
        assertTrue(weakTx.upgrade().isEmpty());
    }

    // Tokio: test_tx_count_weak_unbounded_sender, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void testTxCountWeakUnboundedSender() {
        txCountWeakSender(Mpsc.<Integer>unbounded().sender());
    }

    // Tokio: test_rx_is_closed_when_dropping_all_senders_except_weak_senders, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void testRxIsClosedWhenDroppingAllSendersExceptWeakSenders() {
        Channel<Boolean> ch = Mpsc.bounded(10);
        WeakSender<Boolean> weakSender = downgradeClone(ch.sender());
        ch.sender().close();
        assertTrue(ch.receiver().isClosed());
        weakSender.close();
    }

    // Tokio: test_rx_unbounded_is_closed_when_dropping_all_senders_except_weak_senders, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void testRxUnboundedIsClosedWhenDroppingAllSendersExceptWeakSenders() {
        Channel<Boolean> ch = Mpsc.unbounded();
        WeakSender<Boolean> weakSender = downgradeClone(ch.sender());
        ch.sender().close();
        assertTrue(ch.receiver().isClosed());
        weakSender.close();
    }

    /** The body of Tokio's sender_strong_count_when_cloned and its unbounded twin. */
    private static void strongCountWhenCloned(Channel<Boolean> ch) {
        Sender<Boolean> tx = ch.sender();
        Sender<Boolean> tx2 = tx.clone();
        assertEquals(2, tx.strongCount());
        assertEquals(2, tx2.strongCount());
        assertEquals(2, ch.receiver().senderStrongCount());
    }

    /** The body of Tokio's sender_strong_count_when_dropped and its unbounded twin. */
    private static void strongCountWhenDropped(Channel<Boolean> ch) {
        Sender<Boolean> tx = ch.sender();
        tx.clone().close();
        assertEquals(1, tx.strongCount());
        assertEquals(1, ch.receiver().senderStrongCount());
    }

    /** The body of Tokio's sender_weak_count_when_dropped and its unbounded twin. */
    private static void weakCountWhenDropped(Channel<Boolean> ch) {
        Sender<Boolean> tx = ch.sender();
        tx.downgrade().close();
        assertEquals(0, tx.weakCount());
        assertEquals(0, ch.receiver().senderWeakCount());
    }

    /** The body of Tokio's sender_strong_and_weak_conut and its unbounded twin. */
    private static void strongAndWeakCount(Channel<Boolean> ch) {
        Sender<Boolean> tx = ch.sender();
        Receiver<Boolean> rx = ch.receiver();
        Sender<Boolean> tx2 = tx.clone();
        WeakSender<Boolean> weak = tx.downgrade();
        WeakSender<Boolean> weak2 = tx2.downgrade();
        for (int count : new int[] {tx.strongCount(), tx2.strongCount(), weak.strongCount(), weak2.strongCount(),
                rx.senderStrongCount(), tx.weakCount(), tx2.weakCount(), weak.weakCount(), weak2.weakCount(),
                rx.senderWeakCount()}) {
            assertEquals(2, count);
        }
        tx2.close();
        weak2.close();
        for (int count : new int[] {tx.strongCount(), weak.strongCount(), rx.senderStrongCount(), tx.weakCount(),
                weak.weakCount(), rx.senderWeakCount()}) {
            assertEquals(1, count);
        }
    }

    // Tokio: sender_strong_count_when_cloned, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void senderStrongCountWhenCloned() {
        strongCountWhenCloned(Mpsc.bounded(1));
    }

    // Tokio: sender_weak_count_when_downgraded, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void senderWeakCountWhenDowngraded() {
        Sender<Boolean> tx = Mpsc.<Boolean>bounded(1).sender();
        WeakSender<Boolean> weak = tx.downgrade();
        assertEquals(1, tx.weakCount());
        assertEquals(1, weak.weakCount());
    }

    // Tokio: sender_strong_count_when_dropped, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void senderStrongCountWhenDropped() {
        strongCountWhenDropped(Mpsc.bounded(1));
    }

    // Tokio: sender_weak_count_when_dropped, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void senderWeakCountWhenDropped() {
        weakCountWhenDropped(Mpsc.bounded(1));
    }

    // Tokio: sender_strong_and_weak_conut, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void senderStrongAndWeakConut() {
        strongAndWeakCount(Mpsc.bounded(1));
    }

    // Tokio: unbounded_sender_strong_count_when_cloned, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void unboundedSenderStrongCountWhenCloned() {
        strongCountWhenCloned(Mpsc.unbounded());
    }

    // Tokio: unbounded_sender_weak_count_when_downgraded, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void unboundedSenderWeakCountWhenDowngraded() {
        Channel<Boolean> ch = Mpsc.unbounded();
        WeakSender<Boolean> weak = ch.sender().downgrade();
        assertEquals(1, ch.sender().weakCount());
        assertEquals(1, weak.weakCount());
        assertEquals(1, ch.receiver().senderWeakCount());
    }

    // Tokio: unbounded_sender_strong_count_when_dropped, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void unboundedSenderStrongCountWhenDropped() {
        strongCountWhenDropped(Mpsc.unbounded());
    }

    // Tokio: unbounded_sender_weak_count_when_dropped, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void unboundedSenderWeakCountWhenDropped() {
        weakCountWhenDropped(Mpsc.unbounded());
    }

    // Tokio: unbounded_sender_strong_and_weak_conut, tokio/tests/sync_mpsc_weak.rs
    @CurrentThreadTest
    void unboundedSenderStrongAndWeakConut() {
        strongAndWeakCount(Mpsc.unbounded());
    }
}
