package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.broadcast.Broadcast;
import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.sync.RwLock;
import dev.heddle.sync.Semaphore;
import dev.heddle.sync.SemaphorePermit;

/**
 * Tokio's {@code tokio/tests/sync_panic.rs}. Each Tokio test checks that a panic is reported at
 * the caller's line ({@code #[track_caller]}), which is Rust's; what stays is the condition that
 * panics, here the exception Heddle throws for it and its message. (A Java exception's stack
 * trace starts at the caller's line as it is.)
 */
class SyncPanicTest {

    // Tokio: broadcast_channel_panic_caller, tokio/tests/sync_panic.rs
    @CurrentThreadTest
    void broadcastChannelPanicCaller() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Broadcast.channel(0));
        assertTrue(e.getMessage().contains("capacity must be at least 1, was 0"), e.getMessage());
    }

    // Tokio: rwlock_with_max_readers_panic_caller, tokio/tests/sync_panic.rs
    @CurrentThreadTest
    void rwlockWithMaxReadersPanicCaller() {
        int tooMany = RwLock.MAX_READERS + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RwLock<>(0, tooMany));
        assertTrue(e.getMessage().contains("was " + tooMany), e.getMessage());
    }

    // Tokio: mpsc_bounded_channel_panic_caller, tokio/tests/sync_panic.rs
    @CurrentThreadTest
    void mpscBoundedChannelPanicCaller() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mpsc.bounded(0));
        assertTrue(e.getMessage().contains("capacity must be at least 1, was 0"), e.getMessage());
    }

    /** Tokio's owned permits are Heddle's only kind: the same merge of permits of two semaphores. */
    // Tokio: semaphore_merge_unrelated_owned_permits, tokio/tests/sync_panic.rs
    @CurrentThreadTest
    void semaphoreMergeUnrelatedOwnedPermits() {
        assertMergeOfUnrelatedPermitsFails();
    }

    // Tokio: semaphore_merge_unrelated_permits, tokio/tests/sync_panic.rs
    @CurrentThreadTest
    void semaphoreMergeUnrelatedPermits() {
        assertMergeOfUnrelatedPermitsFails();
    }

    private static void assertMergeOfUnrelatedPermitsFails() {
        Semaphore sem1 = new Semaphore(42);
        Semaphore sem2 = new Semaphore(42);
        SemaphorePermit p1 = sem1.tryAcquire().orElseThrow();
        SemaphorePermit p2 = sem2.tryAcquire().orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p1.merge(p2));
        assertTrue(e.getMessage().contains("merge permits of the same semaphore"), e.getMessage());
    }
}
