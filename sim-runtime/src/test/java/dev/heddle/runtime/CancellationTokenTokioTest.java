package dev.heddle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * tokio-util's {@code tests/sync_cancellation_token.rs}, translated. Tokio counts the wakers a
 * cancel wakes, one per pending {@code cancelled()} future; here each pending wait is a
 * {@link CancellationToken#whenCancelled} callback (what a waiting task registers), and the
 * tests that wait do it with tasks in the simulator over many seeds. Tokio's
 * {@code derives_send_sync} tests only Rust's Send and Sync bounds and has no translation.
 */
class CancellationTokenTokioTest {

    /** A pending wait on {@code token}, counted into {@code wakes} when it is woken. */
    private static void pendingWait(CancellationToken token, AtomicInteger wakes) {
        token.whenCancelled(wakes::incrementAndGet);
    }

    // Tokio: cancel_token (tokio-util/tests/sync_cancellation_token.rs)
    @Test
    void cancel_token() {
        AtomicInteger wakes = new AtomicInteger();
        CancellationToken token = new CancellationToken();
        assertFalse(token.isCancelled());
        pendingWait(token, wakes);
        assertEquals(0, wakes.get());
        token.cancel();
        assertEquals(1, wakes.get());
        assertTrue(token.isCancelled());
        token.cancel();
        assertEquals(1, wakes.get());
    }

    // Tokio: cancel_child_token_through_parent (tokio-util/tests/sync_cancellation_token.rs)
    @Test
    void cancel_child_token_through_parent() {
        AtomicInteger wakes = new AtomicInteger();
        CancellationToken token = new CancellationToken();
        CancellationToken child = token.child();
        assertFalse(child.isCancelled());
        pendingWait(child, wakes);
        pendingWait(token, wakes);
        assertEquals(0, wakes.get());
        token.cancel();
        assertEquals(2, wakes.get());
        assertTrue(token.isCancelled());
        assertTrue(child.isCancelled());
    }

    // Tokio: cancel_grandchild_token_through_parent_if_child_was_dropped (tokio-util/tests/sync_cancellation_token.rs)
    @Test
    void cancel_grandchild_token_through_parent_if_child_was_dropped() {
        AtomicInteger wakes = new AtomicInteger();
        CancellationToken token = new CancellationToken();
        // The intermediate token is unreachable at once: Java's "drop".
        CancellationToken child = token.child().child();
        assertFalse(child.isCancelled());
        pendingWait(child, wakes);
        pendingWait(token, wakes);
        token.cancel();
        assertEquals(2, wakes.get());
        assertTrue(child.isCancelled());
    }

    // Tokio: cancel_child_token_without_parent (tokio-util/tests/sync_cancellation_token.rs)
    @Test
    void cancel_child_token_without_parent() {
        AtomicInteger wakes = new AtomicInteger();
        CancellationToken token = new CancellationToken();
        CancellationToken child1 = token.child();
        pendingWait(child1, wakes);
        pendingWait(token, wakes);
        child1.cancel();
        assertEquals(1, wakes.get());
        assertFalse(token.isCancelled());
        assertTrue(child1.isCancelled());
        CancellationToken child2 = token.child();
        pendingWait(child2, wakes);
        token.cancel();
        assertEquals(3, wakes.get());
        assertTrue(token.isCancelled());
        assertTrue(child2.isCancelled());
    }

    // Tokio: create_child_token_after_parent_was_cancelled (tokio-util/tests/sync_cancellation_token.rs)
    @Test
    void create_child_token_after_parent_was_cancelled() {
        Simulation.ofSeed(1).run(sim -> {
            CancellationToken token = new CancellationToken();
            token.cancel();
            CancellationToken child = token.child();
            assertTrue(child.isCancelled());
            child.awaitCancellation();
            token.awaitCancellation();
        });
    }

    // Tokio: drop_multiple_child_tokens (tokio-util/tests/sync_cancellation_token.rs)
    @Test
    void drop_multiple_child_tokens() {
        CancellationToken token = new CancellationToken();
        List<CancellationToken> children = new ArrayList<>(List.of(token.child(), token.child(), token.child()));
        assertFalse(token.isCancelled());
        assertFalse(children.getFirst().isCancelled());
        while (!children.isEmpty()) {
            children.removeLast();
            assertFalse(token.isCancelled());
        }
    }

    // Tokio: cancel_only_all_descendants (tokio-util/tests/sync_cancellation_token.rs)
    @Test
    void cancel_only_all_descendants() {
        for (long seed = 0; seed < 200; seed++) {
            Simulation.ofSeed(seed).run(sim -> {
                CancellationToken parent = new CancellationToken();
                CancellationToken token = parent.child();
                CancellationToken sibling = parent.child();
                CancellationToken child1 = token.child();
                CancellationToken child2 = token.child();
                CancellationToken grandchild = child1.child();
                CancellationToken grandchild2 = child1.child();
                CancellationToken greatGrandchild = grandchild.child();
                List<CancellationToken> all = List.of(parent, token, sibling, child1, child2, grandchild, grandchild2,
                        greatGrandchild);
                AtomicInteger woken = new AtomicInteger();
                List<JoinHandle<Void>> waiters = new ArrayList<>();
                for (CancellationToken t : all) {
                    waiters.add(sim.spawn(() -> {
                        t.awaitCancellation();
                        woken.incrementAndGet();
                    }));
                }
                for (int i = 0; i < 10; i++) {
                    Heddle.yieldNow();
                }
                assertEquals(0, woken.get());
                token.cancel();
                for (int i = 1; i < all.size(); i++) {
                    if (all.get(i) != sibling) {
                        waiters.get(i).join();
                    }
                }
                assertEquals(6, woken.get());
                assertFalse(parent.isCancelled());
                assertFalse(sibling.isCancelled());
                for (int i = 1; i < all.size(); i++) {
                    assertEquals(all.get(i) != sibling, all.get(i).isCancelled(), "token " + i);
                }
                parent.cancel();
                waiters.getFirst().join();
                waiters.get(2).join();
            });
        }
    }

    // Tokio: drop_parent_before_child_tokens (tokio-util/tests/sync_cancellation_token.rs)
    @Test
    void drop_parent_before_child_tokens() {
        // The parent is unreachable at once: Java's "drop".
        CancellationToken child1 = new CancellationToken().child();
        assertFalse(child1.isCancelled());
    }
}
