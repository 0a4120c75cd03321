package dev.heddle.channel.mpsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.HeddleRuntime;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Simulation;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Weak senders: they do not hold the channel open, and upgrade while a strong sender or a permit still does. */
class WeakSenderTest {

    /**
     * An actor that re-sends to itself through a weak handle until it has counted to {@code n}:
     * its loop ends once the outside senders close, however many weak handles remain.
     */
    private static int runSelfFeedingActor(int outsideSenders) {
        // Room for every outside message and the actor's own re-send: an actor that sends to its own
        // full channel waits for itself, the classic self-send deadlock, which this test is not about.
        Channel<Integer> ch = Mpsc.bounded(outsideSenders + 1);
        WeakSender<Integer> self = ch.sender().downgrade();
        AtomicInteger handled = new AtomicInteger();
        JoinHandle<Void> actor = Heddle.spawn(() -> {
            Integer msg;
            while ((msg = ch.receiver().recv()) != null) {
                handled.incrementAndGet();
                if (msg > 0) {
                    Sender<Integer> strong = self.upgrade().orElse(null);
                    if (strong != null) {
                        try (strong) {
                            strong.send(msg - 1);
                        }
                    }
                }
            }
        });
        for (int i = 0; i < outsideSenders; i++) {
            Sender<Integer> tx = ch.sender().clone();
            Heddle.spawn(() -> {
                try (tx) {
                    tx.send(3);
                }
            });
        }
        ch.sender().close();
        actor.join();
        assertEquals(1, self.weakCount());
        assertEquals(0, self.strongCount());
        assertTrue(self.upgrade().isEmpty(), "the channel ended: nothing to upgrade to");
        self.close();
        assertEquals(0, ch.receiver().senderWeakCount());
        return handled.get();
    }

    @Test
    void anActorHoldingAWeakSenderToItselfEndsWithItsLastOutsideSenderInSimulation() {
        for (long seed = 0; seed < 50; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                int handled = runSelfFeedingActor(3);
                assertTrue(handled >= 3 && handled <= 3 * 4, "each outside message and as many re-sends as"
                        + " upgrades succeeded, was " + handled);
            });
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anActorHoldingAWeakSenderToItselfEndsWithItsLastOutsideSenderOnWorkerThreads() {
        try (HeddleRuntime rt = HeddleRuntime.multiThread().workerThreads(2).build()) {
            int handled = rt.blockOn(() -> runSelfFeedingActor(8));
            assertTrue(handled >= 8 && handled <= 8 * 4, "each outside message and as many re-sends as upgrades"
                    + " succeeded, was " + handled);
        }
    }

    @Test
    void upgradeWorksWhileAPermitIsOutstandingAndClosedWeakHandlesFailClearly() {
        Channel<Integer> ch = Mpsc.bounded(2);
        WeakSender<Integer> weak = ch.sender().downgrade();
        WeakSender<Integer> copy = weak.clone();
        assertTrue(weak.sameChannel(copy));
        assertEquals(2, ch.sender().weakCount());
        Permit<Integer> permit = ch.sender().reserve();
        ch.sender().close();
        Sender<Integer> revived = weak.upgrade().orElseThrow(
                () -> new AssertionError("a permit holds the channel open as a sender does"));
        assertTrue(revived.sameChannel(ch.sender()));
        assertEquals(1, revived.strongCount());
        permit.send(1);
        revived.close();
        assertTrue(copy.upgrade().isEmpty());
        assertEquals(1, ch.receiver().recv());
        assertNull(ch.receiver().recv());
        copy.close();
        copy.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, copy::upgrade);
        assertTrue(e.getMessage().contains("WeakSender is closed"), e.getMessage());
        assertEquals(1, weak.weakCount(), "closing twice counts once");
        assertThrows(IllegalStateException.class, ch.sender()::downgrade, "a closed sender cannot downgrade");
    }
}
