package dev.heddle.conformance;

/**
 * Tokio's {@code tokio/tests/sync_notify_owned.rs}: {@code sync_notify.rs} again with
 * {@code notified_owned()}, whose future keeps the {@code Notify} alive through an {@code Arc}.
 * Every Heddle {@code Notified} refers to its {@code Notify} and keeps it reachable, so it is
 * the owned form, and each test here runs the same translation as {@link SyncNotifyTest}.
 */
class SyncNotifyOwnedTest {
    private final SyncNotifyTest same = new SyncNotifyTest();

    // Tokio: notify_notified_one, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifyNotifiedOne() {
        same.notifyNotifiedOne();
    }

    // Tokio: notify_multi_notified_one, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifyMultiNotifiedOne() {
        same.notifyMultiNotifiedOne();
    }

    // Tokio: notify_multi_notified_last, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifyMultiNotifiedLast() {
        same.notifyMultiNotifiedLast();
    }

    // Tokio: notified_one_notify, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifiedOneNotify() {
        same.notifiedOneNotify();
    }

    // Tokio: notified_multi_notify, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifiedMultiNotify() {
        same.notifiedMultiNotify();
    }

    // Tokio: notify_notified_multi, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifyNotifiedMulti() {
        same.notifyNotifiedMulti();
    }

    // Tokio: notified_drop_notified_notify, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifiedDropNotifiedNotify() {
        same.notifiedDropNotifiedNotify();
    }

    // Tokio: notified_multi_notify_drop_one, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifiedMultiNotifyDropOne() {
        same.notifiedMultiNotifyDropOne();
    }

    // Tokio: notified_multi_notify_one_drop, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifiedMultiNotifyOneDrop() {
        same.notifiedMultiNotifyOneDrop();
    }

    // Tokio: notified_multi_notify_last_drop, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifiedMultiNotifyLastDrop() {
        same.notifiedMultiNotifyLastDrop();
    }

    // Tokio: notify_one_after_dropped_all, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void notifyOneAfterDroppedAll() {
        same.notifyOneAfterDroppedAll();
    }

    // Tokio: test_notify_one_not_enabled, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void testNotifyOneNotEnabled() {
        same.testNotifyOneNotEnabled();
    }

    // Tokio: test_notify_one_after_enable, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void testNotifyOneAfterEnable() {
        same.testNotifyOneAfterEnable();
    }

    // Tokio: test_poll_after_enable, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void testPollAfterEnable() {
        same.testPollAfterEnable();
    }

    // Tokio: test_enable_after_poll, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void testEnableAfterPoll() {
        same.testEnableAfterPoll();
    }

    // Tokio: test_enable_consumes_permit, tokio/tests/sync_notify_owned.rs
    @CurrentThreadTest
    void testEnableConsumesPermit() {
        same.testEnableConsumesPermit();
    }
}
