package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * tokio-util's {@code tests/sync_cancellation_token.rs}. Tokio polls {@code cancelled()} futures
 * by hand and counts the wakers a cancel wakes; here each pending {@code cancelled()} is a task
 * waiting in {@link CancellationToken#awaitCancellation()}, {@code Poll::Pending} is that task
 * not finished, the wake counter counts the waiting tasks that a cancel woke, and
 * {@code Poll::Ready} of a fresh future is {@code awaitCancellation()} returning at once.
 * Dropping a token is letting go of it.
 */
class UtilSyncCancellationTokenTest {

    /** Tasks waiting for tokens' cancellation, and how many of them were woken. */
    private static final class Waits {
        final AtomicInteger wakeCounter = new AtomicInteger();

        /** A pending {@code token.cancelled()}: a task that waits, and is already waiting on return. */
        JoinHandle<Void> pending(CancellationToken token) {
            AtomicBoolean waiting = new AtomicBoolean();
            JoinHandle<Void> task = Heddle.spawn(() -> {
                waiting.set(true);
                token.awaitCancellation();
                wakeCounter.incrementAndGet();
            });
            while (!waiting.get()) {
                Heddle.yieldNow();
            }
            // The task parks in awaitCancellation in the step that set the flag.
            assertFalse(task.isFinished(), "the wait on " + token + " ended before its token was cancelled");
            return task;
        }
    }

    /** Waits until each of {@code woken} ended: they were woken by a cancel. */
    private static void joinAll(JoinHandle<?>... woken) {
        for (JoinHandle<?> h : woken) {
            h.join();
        }
    }

    /** Asserts each of {@code waits} is still waiting after the others had every chance to run. */
    private static void assertPending(JoinHandle<?>... waits) {
        for (int i = 0; i < 10; i++) {
            Heddle.yieldNow();
        }
        for (JoinHandle<?> h : waits) {
            assertFalse(h.isFinished(), "a wait ended though its token was not cancelled");
        }
    }

    // Tokio: cancel_token, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void cancelToken() {
        Waits waits = new Waits();
        CancellationToken token = new CancellationToken();
        assertFalse(token.isCancelled());
        JoinHandle<Void> waitFut = waits.pending(token);
        assertEquals(0, waits.wakeCounter.get());
        token.cancel();
        joinAll(waitFut);
        assertEquals(1, waits.wakeCounter.get());
        assertTrue(token.isCancelled());
        // wait_fut_2, made before the cancel and first polled after it, is ready at once.
        token.awaitCancellation();
    }

    /** A pending wait let go of: the waiting task is aborted, which neither wakes nor breaks the token. */
    // Tokio: cancel_token_owned_drop_test, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void cancelTokenOwnedDropTest() {
        Waits waits = new Waits();
        CancellationToken token = new CancellationToken();
        JoinHandle<Void> future = waits.pending(token);
        assertEquals(0, waits.wakeCounter.get());
        future.abort();
        JoinException e = assertThrows(JoinException.class, future::join);
        assertTrue(e.isCancelled(), e.getMessage());
        token.cancel();
        assertEquals(0, waits.wakeCounter.get());
        assertTrue(token.isCancelled());
    }

    // Tokio: cancel_child_token_through_parent, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void cancelChildTokenThroughParent() {
        Waits waits = new Waits();
        CancellationToken token = new CancellationToken();
        CancellationToken childToken = token.child();
        assertFalse(childToken.isCancelled());
        JoinHandle<Void> childFut = waits.pending(childToken);
        JoinHandle<Void> parentFut = waits.pending(token);
        assertEquals(0, waits.wakeCounter.get());
        token.cancel();
        joinAll(childFut, parentFut);
        assertEquals(2, waits.wakeCounter.get());
        assertTrue(token.isCancelled());
        assertTrue(childToken.isCancelled());
    }

    // Tokio: cancel_grandchild_token_through_parent_if_child_was_dropped, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void cancelGrandchildTokenThroughParentIfChildWasDropped() {
        Waits waits = new Waits();
        CancellationToken token = new CancellationToken();
        CancellationToken intermediateToken = token.child();
        CancellationToken childToken = intermediateToken.child();
        intermediateToken = null;
        assertFalse(childToken.isCancelled());
        JoinHandle<Void> childFut = waits.pending(childToken);
        JoinHandle<Void> parentFut = waits.pending(token);
        assertEquals(0, waits.wakeCounter.get());
        token.cancel();
        joinAll(childFut, parentFut);
        assertEquals(2, waits.wakeCounter.get());
        assertTrue(token.isCancelled());
        assertTrue(childToken.isCancelled());
    }

    // Tokio: cancel_child_token_without_parent, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void cancelChildTokenWithoutParent() {
        Waits waits = new Waits();
        CancellationToken token = new CancellationToken();
        CancellationToken childToken1 = token.child();
        JoinHandle<Void> childFut = waits.pending(childToken1);
        JoinHandle<Void> parentFut = waits.pending(token);
        assertEquals(0, waits.wakeCounter.get());
        childToken1.cancel();
        joinAll(childFut);
        assertEquals(1, waits.wakeCounter.get());
        assertFalse(token.isCancelled());
        assertTrue(childToken1.isCancelled());
        assertPending(parentFut);
        CancellationToken childToken2 = token.child();
        JoinHandle<Void> childFut2 = waits.pending(childToken2);
        assertPending(parentFut);
        token.cancel();
        joinAll(childFut2, parentFut);
        assertEquals(3, waits.wakeCounter.get());
        assertTrue(token.isCancelled());
        assertTrue(childToken2.isCancelled());
    }

    /** Tokio repeats this for both orders of dropping the two tokens, which Java code does not choose. */
    // Tokio: create_child_token_after_parent_was_cancelled, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void createChildTokenAfterParentWasCancelled() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        CancellationToken childToken = token.child();
        assertTrue(childToken.isCancelled());
        // Both futures are ready when first polled: the waits return at once.
        childToken.awaitCancellation();
        token.awaitCancellation();
    }

    // Tokio: drop_multiple_child_tokens, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void dropMultipleChildTokens() {
        for (boolean dropFirstChildFirst : new boolean[] {true, false}) {
            CancellationToken token = new CancellationToken();
            CancellationToken[] childTokens = new CancellationToken[3];
            Arrays.setAll(childTokens, i -> token.child());
            assertFalse(token.isCancelled());
            assertFalse(childTokens[0].isCancelled());
            for (int i = 0; i < childTokens.length; i++) {
                childTokens[dropFirstChildFirst ? i : childTokens.length - 1 - i] = null;
                assertFalse(token.isCancelled());
            }
        }
    }

    // Tokio: cancel_only_all_descendants, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void cancelOnlyAllDescendants() {
        Waits waits = new Waits();
        CancellationToken parentToken = new CancellationToken();
        CancellationToken token = parentToken.child();
        CancellationToken siblingToken = parentToken.child();
        CancellationToken child1Token = token.child();
        CancellationToken child2Token = token.child();
        CancellationToken grandchildToken = child1Token.child();
        CancellationToken grandchild2Token = child1Token.child();
        CancellationToken greatGrandchildToken = grandchildToken.child();
        List<CancellationToken> all = List.of(parentToken, token, siblingToken, child1Token, child2Token,
                grandchildToken, grandchild2Token, greatGrandchildToken);
        for (CancellationToken t : all) {
            assertFalse(t.isCancelled());
        }
        List<JoinHandle<Void>> futs = new ArrayList<>();
        for (CancellationToken t : all) {
            futs.add(waits.pending(t));
        }
        assertEquals(0, waits.wakeCounter.get());

        token.cancel();

        joinAll(futs.get(1), futs.get(3), futs.get(4), futs.get(5), futs.get(6), futs.get(7));
        assertPending(futs.get(0), futs.get(2));
        assertEquals(6, waits.wakeCounter.get());
        assertFalse(parentToken.isCancelled());
        assertTrue(token.isCancelled());
        assertFalse(siblingToken.isCancelled());
        assertTrue(child1Token.isCancelled());
        assertTrue(child2Token.isCancelled());
        assertTrue(grandchildToken.isCancelled());
        assertTrue(grandchild2Token.isCancelled());
        assertTrue(greatGrandchildToken.isCancelled());
        // Tokio lets the two pending futures go; here their tasks are aborted.
        futs.get(0).abort();
        futs.get(2).abort();
    }

    // Tokio: drop_parent_before_child_tokens, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void dropParentBeforeChildTokens() {
        CancellationToken token = new CancellationToken();
        CancellationToken child1 = token.child();
        CancellationToken child2 = token.child();
        token = null;
        assertFalse(child1.isCancelled());
        assertFalse(child2.isCancelled());
    }

    // Tokio: run_until_cancelled_test, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void runUntilCancelledTest() {
        {
            CancellationToken token = new CancellationToken();
            AtomicBoolean started = new AtomicBoolean();
            JoinHandle<Optional<Boolean>> fut = Heddle.spawn(() -> token.runUntilCancelled(() -> {
                started.set(true);
                new CancellationToken().awaitCancellation();
                return true;
            }));
            while (!started.get()) {
                Heddle.yieldNow();
            }
            assertFalse(fut.isFinished());
            token.cancel();
            assertEquals(Optional.empty(), fut.join());
        }
        {
            var channel = Oneshot.<Boolean>channel();
            CancellationToken token = new CancellationToken();
            JoinHandle<Optional<Integer>> fut = Heddle.spawn(() -> token.runUntilCancelled(() -> {
                channel.receiver().recv();
                return 42;
            }));
            while (channel.receiver().queuedWaiters() == 0) {
                Heddle.yieldNow();
            }
            assertFalse(fut.isFinished());
            channel.sender().send(true);
            assertEquals(Optional.of(42), fut.join());
        }
        // Do not run the body when the token is already cancelled.
        {
            CancellationToken token = new CancellationToken();
            token.cancel();
            Optional<Object> fut = token.runUntilCancelled(() -> fail("fut polled after cancellation"));
            assertEquals(Optional.empty(), fut);
        }
    }

    /** A Rust clone of a token is another handle on the same token: a second reference here. */
    // Tokio: cloned_cancellation_tokens_are_considered_equal, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void clonedCancellationTokensAreConsideredEqual() {
        CancellationToken token = new CancellationToken();
        CancellationToken tokenClone = token;
        assertEquals(token, tokenClone);
    }

    // Tokio: child_cancellation_tokens_are_not_considered_equal, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void childCancellationTokensAreNotConsideredEqual() {
        CancellationToken token = new CancellationToken();
        CancellationToken tokenClone = token.child();
        assertNotEquals(token, tokenClone);
    }

    // Tokio: independent_cancellation_tokens_are_not_considered_equal, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void independentCancellationTokensAreNotConsideredEqual() {
        CancellationToken token1 = new CancellationToken();
        CancellationToken token2 = new CancellationToken();
        assertNotEquals(token1, token2);
    }

    // Tokio: cloned_cancellation_tokens_have_same_hash, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void clonedCancellationTokensHaveSameHash() {
        CancellationToken token1 = new CancellationToken();
        CancellationToken token2 = token1;
        assertEquals(token1.hashCode(), token2.hashCode());
    }

    // Tokio: different_cancellation_tokens_have_different_hash, tokio-util/tests/sync_cancellation_token.rs
    @CurrentThreadTest
    void differentCancellationTokensHaveDifferentHash() {
        CancellationToken token1 = new CancellationToken();
        CancellationToken token2 = new CancellationToken();
        assertNotEquals(token1.hashCode(), token2.hashCode());
    }
}
