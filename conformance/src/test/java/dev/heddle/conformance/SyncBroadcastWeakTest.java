package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.broadcast.Broadcast;
import dev.heddle.channel.broadcast.Channel;
import dev.heddle.channel.broadcast.Receiver;
import dev.heddle.channel.broadcast.Sender;
import dev.heddle.channel.broadcast.WeakSender;
import dev.heddle.sim.Sim;
import java.util.Optional;

/**
 * {@code tokio/tests/sync_broadcast_weak.rs}: weak broadcast senders. Dropping a handle is
 * closing it; {@code tx.clone().downgrade()}, whose clone Tokio drops at the end of the
 * statement, is a clone downgraded and then closed.
 */
class SyncBroadcastWeakTest {

    /** Tokio's {@code tx.clone().downgrade()}: a weak handle from a strong one dropped at once. */
    private static <T> WeakSender<T> downgradedClone(Sender<T> tx) {
        try (Sender<T> clone = tx.clone()) {
            return clone.downgrade();
        }
    }

    // Tokio: weak_sender, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void weakSender(Sim sim) {
        Channel<Integer> ch = Broadcast.channel(11);
        Receiver<Integer> rx = ch.receiver();
        Sender<Integer> tx = ch.sender();
        Optional<WeakSender<Integer>> weakBack = sim.spawn(() -> {
            try (tx) {
                WeakSender<Integer> weak = downgradedClone(tx);
                for (int i = 0; i < 10; i++) {
                    tx.send(i);
                }
                try (Sender<Integer> tx2 = weak.upgrade().orElseThrow(
                        () -> new AssertionError("expected to be able to upgrade tx_weak"))) {
                    tx2.send(20);
                    return Optional.of(tx2.downgrade());
                } finally {
                    weak.close();
                }
            }
        }).join();

        for (int i = 0; i < 12; i++) {
            Integer received = rx.recv();
            if (received == null) {
                assertEquals(11, i, "closed after the eleven values");
                break;
            }
            if (i == 10) {
                assertEquals(20, received);
            }
        }
        WeakSender<Integer> weak = weakBack.orElseThrow();
        assertTrue(weak.upgrade().isEmpty(), "every sender closed: the weak one cannot upgrade");
    }

    // Tokio: downgrade_upgrade_sender_failure, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void downgradeUpgradeSenderFailure() {
        Channel<Integer> ch = Broadcast.channel(1);
        WeakSender<Integer> weak = ch.sender().downgrade();
        ch.sender().close();
        assertTrue(weak.upgrade().isEmpty());
    }

    // Tokio: downgrade_drop_upgrade, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void downgradeDropUpgrade() {
        Channel<Integer> ch = Broadcast.channel(1);
        WeakSender<Integer> weak = downgradedClone(ch.sender()); // the clone is closed right away
        ch.sender().close();
        assertTrue(weak.upgrade().isEmpty());
    }

    // Tokio: test_tx_count_weak_sender, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void testTxCountWeakSender() {
        Channel<Integer> ch = Broadcast.channel(1);
        Sender<Integer> tx = ch.sender();
        WeakSender<Integer> weak = tx.downgrade();
        WeakSender<Integer> weak2 = tx.downgrade();
        assertEquals(1, tx.strongCount(), "downgrade does not change the strong count");
        assertEquals(2, tx.weakCount());

        tx.close();
        assertTrue(weak.upgrade().isEmpty());
        assertTrue(weak2.upgrade().isEmpty());
        assertEquals(0, weak.strongCount());
        assertEquals(2, weak.weakCount());
    }

    // Tokio: test_rx_is_closed_when_dropping_all_senders_except_weak_senders, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void testRxIsClosedWhenDroppingAllSendersExceptWeakSenders() {
        Channel<Integer> ch = Broadcast.channel(10);
        WeakSender<Integer> weak = downgradedClone(ch.sender());
        ch.sender().close();
        assertEquals(0, weak.strongCount());
        assertEquals(1, weak.weakCount());
        assertTrue(ch.receiver().isClosed(), "closed once only weak senders are left");
    }

    // Tokio: sender_strong_count_when_cloned, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void senderStrongCountWhenCloned() {
        Channel<Integer> ch = Broadcast.channel(1);
        Sender<Integer> tx2 = ch.sender().clone();
        assertEquals(2, ch.sender().strongCount());
        assertEquals(2, tx2.strongCount());
        assertEquals(2, ch.receiver().senderStrongCount());
    }

    // Tokio: sender_weak_count_when_downgraded, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void senderWeakCountWhenDowngraded() {
        Channel<Integer> ch = Broadcast.channel(1);
        WeakSender<Integer> weak = ch.sender().downgrade();
        assertEquals(1, ch.sender().weakCount());
        assertEquals(1, weak.weakCount());
    }

    // Tokio: sender_strong_count_when_dropped, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void senderStrongCountWhenDropped() {
        Channel<Integer> ch = Broadcast.channel(1);
        Sender<Integer> tx2 = ch.sender().clone();
        tx2.close();
        assertEquals(1, ch.sender().strongCount());
        assertEquals(1, ch.receiver().senderStrongCount());
    }

    // Tokio: sender_weak_count_when_dropped, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void senderWeakCountWhenDropped() {
        Channel<Integer> ch = Broadcast.channel(1);
        WeakSender<Integer> weak = ch.sender().downgrade();
        weak.close();
        assertEquals(0, ch.sender().weakCount());
        assertEquals(0, ch.receiver().senderWeakCount());
    }

    // Tokio: sender_strong_and_weak_conut, tokio/tests/sync_broadcast_weak.rs
    @CurrentThreadTest
    void senderStrongAndWeakConut() {
        Channel<Integer> ch = Broadcast.channel(1);
        Sender<Integer> tx = ch.sender();
        Receiver<Integer> rx = ch.receiver();
        Sender<Integer> tx2 = tx.clone();
        WeakSender<Integer> weak = tx.downgrade();
        WeakSender<Integer> weak2 = tx2.downgrade();

        assertEquals(2, tx.strongCount());
        assertEquals(2, tx2.strongCount());
        assertEquals(2, weak.strongCount());
        assertEquals(2, weak2.strongCount());
        assertEquals(2, rx.senderStrongCount());

        assertEquals(2, tx.weakCount());
        assertEquals(2, tx2.weakCount());
        assertEquals(2, weak.weakCount());
        assertEquals(2, weak2.weakCount());
        assertEquals(2, rx.senderWeakCount());

        tx2.close();
        weak2.close();

        assertEquals(1, tx.strongCount());
        assertEquals(1, weak.strongCount());
        assertEquals(1, rx.senderStrongCount());

        assertEquals(1, tx.weakCount());
        assertEquals(1, weak.weakCount());
        assertEquals(1, rx.senderWeakCount());
    }
}
