package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Notified;
import dev.heddle.sync.Notify;

/**
 * Tokio's {@code tokio/tests/sync_notify.rs}. A future {@code spawn(async { notify.notified().await })}
 * polled once and left pending is a task that registered ({@link #pendingWaiter}) and waits;
 * {@code is_woken} followed by {@code assert_ready!} is that task finishing; dropping the
 * spawned future is aborting the task before it runs again. A bare {@code notify.notified()}
 * polled by hand is a {@link Notified} tried at once with {@code tryNow()}. Heddle's
 * {@code notified()} registers when it is called, which is Tokio's {@code Notified} after
 * {@code enable()}; {@code enable()}'s answer, "already notified?", is {@code isNotified()}.
 */
class SyncNotifyTest {

    // Tokio: notify_notified_one, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifyNotifiedOne() {
        Notify notify = new Notify();
        notify.notifyOne();
        JoinHandle<Void> notified = Heddle.spawn(() -> notify.notified().await());
        notified.join();
    }

    // Tokio: notify_multi_notified_one, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifyMultiNotifiedOne() {
        Notify notify = new Notify();
        JoinHandle<Void> notified1 = pendingWaiter(notify);
        JoinHandle<Void> notified2 = pendingWaiter(notify);
        notify.notifyOne();
        notified1.join();
        PolledOnce.settle();
        assertFalse(notified2.isFinished(), "one notifyOne woke two waiters");
        notified2.abort();
    }

    // Tokio: notify_multi_notified_last, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifyMultiNotifiedLast() {
        Notify notify = new Notify();
        JoinHandle<Void> notified1 = pendingWaiter(notify);
        JoinHandle<Void> notified2 = pendingWaiter(notify);
        notify.notifyLast();
        notified2.join();
        PolledOnce.settle();
        assertFalse(notified1.isFinished(), "notifyLast woke the oldest waiter too");
        notified1.abort();
    }

    // Tokio: notified_one_notify, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifiedOneNotify() {
        Notify notify = new Notify();
        JoinHandle<Void> notified = pendingWaiter(notify);
        notify.notifyOne();
        notified.join();
    }

    // Tokio: notified_multi_notify, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifiedMultiNotify() {
        Notify notify = new Notify();
        JoinHandle<Void> notified1 = pendingWaiter(notify);
        JoinHandle<Void> notified2 = pendingWaiter(notify);
        notify.notifyOne();
        notified1.join();
        PolledOnce.settle();
        assertFalse(notified2.isFinished(), "the second waiter was woken by a notifyOne meant for the first");
        notified2.abort();
    }

    // Tokio: notify_notified_multi, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifyNotifiedMulti() {
        Notify notify = new Notify();
        notify.notifyOne();
        JoinHandle<Void> notified1 = Heddle.spawn(() -> notify.notified().await());
        notified1.join();
        JoinHandle<Void> notified2 = pendingWaiter(notify);
        PolledOnce.settle();
        assertFalse(notified2.isFinished(), "the one stored permit was taken twice");
        notify.notifyOne();
        notified2.join();
    }

    // Tokio: notified_drop_notified_notify, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifiedDropNotifiedNotify() {
        Notify notify = new Notify();
        JoinHandle<Void> notified1 = pendingWaiter(notify);
        drop(notified1);
        JoinHandle<Void> notified2 = pendingWaiter(notify);
        notify.notifyOne();
        notified2.join();
    }

    // Tokio: notified_multi_notify_drop_one, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifiedMultiNotifyDropOne() {
        Notify notify = new Notify();
        JoinHandle<Void> notified1 = pendingWaiter(notify);
        JoinHandle<Void> notified2 = pendingWaiter(notify);
        notify.notifyOne();  // goes to the first waiter, which has not run yet...
        drop(notified1);     // ...and is dropped before it runs: the notification passes on
        notified2.join();
        assertFalse(notify.notifiedOp().tryNow(), "the notification was passed on and also stored");
    }

    // Tokio: notified_multi_notify_one_drop, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifiedMultiNotifyOneDrop() {
        Notify notify = new Notify();
        JoinHandle<Void> notified1 = pendingWaiter(notify);
        JoinHandle<Void> notified2 = pendingWaiter(notify);
        JoinHandle<Void> notified3 = pendingWaiter(notify);
        notify.notifyOne();
        drop(notified1);
        notified2.join();
        PolledOnce.settle();
        assertFalse(notified3.isFinished(), "the notification passed on reached the third waiter as well");
        notified3.abort();
    }

    // Tokio: notified_multi_notify_last_drop, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifiedMultiNotifyLastDrop() {
        Notify notify = new Notify();
        JoinHandle<Void> notified1 = pendingWaiter(notify);
        JoinHandle<Void> notified2 = pendingWaiter(notify);
        JoinHandle<Void> notified3 = pendingWaiter(notify);
        notify.notifyLast();
        drop(notified3);
        notified2.join();
        PolledOnce.settle();
        assertFalse(notified1.isFinished(), "a notifyLast passed on went to the oldest waiter, not the newest");
        notified1.abort();
    }

    // Tokio: notify_one_after_dropped_all, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void notifyOneAfterDroppedAll() {
        Notify notify = new Notify();
        JoinHandle<Void> notified1 = pendingWaiter(notify);
        notify.notifyWaiters();
        notify.notifyOne();
        notified1.abort();
        try {
            notified1.join();
        } catch (JoinException dropped) {
            // Aborted before it ran again, or it ran first on the notifyWaiters: either is a drop here.
        }
        JoinHandle<Void> notified2 = Heddle.spawn(() -> notify.notified().await());
        notified2.join();
    }

    // Tokio: test_notify_one_not_enabled, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void testNotifyOneNotEnabled() {
        Notify notify = new Notify();
        Notified future = notify.notified();
        notify.notifyOne();
        assertTrue(future.tryNow());
    }

    // Tokio: test_notify_one_after_enable, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void testNotifyOneAfterEnable() {
        Notify notify = new Notify();
        Notified future = notify.notified();
        assertFalse(future.isNotified());
        notify.notifyOne();
        assertTrue(future.tryNow());
        assertTrue(future.isNotified());
    }

    // Tokio: test_poll_after_enable, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void testPollAfterEnable() {
        Notify notify = new Notify();
        Notified future = notify.notified();
        assertFalse(future.isNotified());
        assertFalse(future.tryNow());
    }

    // Tokio: test_enable_after_poll, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void testEnableAfterPoll() {
        Notify notify = new Notify();
        Notified future = notify.notified();
        assertFalse(future.tryNow());
        assertFalse(future.isNotified());
    }

    // Tokio: test_enable_consumes_permit, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void testEnableConsumesPermit() {
        Notify notify = new Notify();
        notify.notifyOne();
        Notified future1 = notify.notified();
        assertTrue(future1.isNotified());
        Notified future2 = notify.notified();
        assertFalse(future2.isNotified());
    }

    /**
     * A {@code Notified} made before a {@code notify_waiters} is completed by it, and a
     * {@code notify_one} after it, finding nobody registered for it, is kept as the permit.
     */
    // Tokio: unpolled_future_completed_by_notify_waiters_preserves_notify_one_permit, tokio/tests/sync_notify.rs
    @CurrentThreadTest
    void unpolledFutureCompletedByNotifyWaitersPreservesNotifyOnePermit() {
        Notify notify = new Notify();
        Notified notified1 = notify.notified();
        notify.notifyWaiters();
        notify.notifyOne();
        assertTrue(notified1.tryNow());
        Notified notified2 = notify.notified();
        assertTrue(notified2.tryNow());
    }

    /**
     * {@code spawn(async { notify.notified().await })} polled once: a task that has registered and
     * waits. It registers before it says so, so once this returns its place in the queue is taken.
     */
    static JoinHandle<Void> pendingWaiter(Notify notify) {
        boolean[] registered = {false};
        JoinHandle<Void> waiter = Heddle.spawn(() -> {
            Notified n = notify.notified();
            registered[0] = true;
            n.await();
        });
        while (!registered[0]) {
            Heddle.yieldNow();
        }
        assertFalse(waiter.isFinished(), "the waiter did not wait");
        return waiter;
    }

    /** Dropping a spawned future that waits: the task is aborted before it runs again, and ends cancelled. */
    static void drop(JoinHandle<Void> waiter) {
        waiter.abort();
        assertTrue(assertThrows(JoinException.class, waiter::join).isCancelled(), "the dropped waiter ran on");
    }
}
