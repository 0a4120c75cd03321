package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Barrier;
import dev.heddle.sync.BarrierWaitResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokio's {@code tokio/tests/sync_barrier.rs}. A {@code wait()} polled by hand and left pending
 * is a task waiting at the barrier ({@link Barrier#waiting()} counts it); one ready at once is
 * a call of {@code await()} that returns without suspending.
 */
class SyncBarrierTest {

    // Tokio: zero_does_not_block, tokio/tests/sync_barrier.rs
    @CurrentThreadTest
    void zeroDoesNotBlock() {
        Barrier b = new Barrier(0);
        assertTrue(b.await().isLeader());
        assertTrue(b.await().isLeader());
    }

    // Tokio: single, tokio/tests/sync_barrier.rs
    @CurrentThreadTest
    void single() {
        Barrier b = new Barrier(1);
        assertTrue(b.await().isLeader());
        assertTrue(b.await().isLeader());
        assertTrue(b.await().isLeader());
    }

    // Tokio: tango, tokio/tests/sync_barrier.rs
    @CurrentThreadTest
    void tango() {
        Barrier b = new Barrier(2);
        JoinHandle<BarrierWaitResult> w1 = waiting(b, 1);
        BarrierWaitResult wr2 = b.await();
        BarrierWaitResult wr1 = w1.join();
        assertTrue(wr1.isLeader() || wr2.isLeader());
        assertFalse(wr1.isLeader() && wr2.isLeader());
    }

    // Tokio: lots, tokio/tests/sync_barrier.rs
    @CurrentThreadTest
    void lots() {
        Barrier b = new Barrier(100);
        for (int round = 0; round < 10; round++) {
            List<JoinHandle<BarrierWaitResult>> wait = new ArrayList<>();
            for (int i = 0; i < 99; i++) {
                wait.add(waiting(b, i + 1));
            }
            for (JoinHandle<BarrierWaitResult> w : wait) {
                assertFalse(w.isFinished(), "a task passed the barrier before the hundredth arrived");
            }
            boolean foundLeader = b.await().isLeader();
            for (JoinHandle<BarrierWaitResult> w : wait) {
                if (w.join().isLeader()) {
                    assertFalse(foundLeader, "two leaders in one generation");
                    foundLeader = true;
                }
            }
            assertTrue(foundLeader, "no leader in the generation");
        }
    }

    /** A task waiting at {@code b}, as the {@code arrivals}-th arrival of the generation. */
    private static JoinHandle<BarrierWaitResult> waiting(Barrier b, int arrivals) {
        JoinHandle<BarrierWaitResult> w = Heddle.spawn(b::await);
        while (b.waiting() < arrivals) {
            Heddle.yieldNow();
        }
        assertEquals(arrivals, b.waiting());
        assertFalse(w.isFinished(), "the waiter passed the barrier alone");
        return w;
    }
}
