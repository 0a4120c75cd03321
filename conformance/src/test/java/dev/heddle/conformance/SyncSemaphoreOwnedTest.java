package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.channel.oneshot.Channel;
import dev.heddle.channel.oneshot.Oneshot;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Semaphore;
import dev.heddle.sync.SemaphorePermit;

/**
 * Tokio's {@code tokio/tests/sync_semaphore_owned.rs}: the {@code *_owned} forms, whose permit
 * keeps the semaphore alive through an {@code Arc}. Every Heddle {@link SemaphorePermit} refers
 * to its semaphore and keeps it reachable, so it is the owned form; tests that are the same as
 * in {@code sync_semaphore.rs} run that translation ({@link SyncSemaphoreTest}).
 */
class SyncSemaphoreOwnedTest {
    private final SyncSemaphoreTest same = new SyncSemaphoreTest();

    // Tokio: try_acquire, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void tryAcquire() {
        same.tryAcquire();
    }

    // Tokio: try_acquire_many, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void tryAcquireMany() {
        Semaphore sem = new Semaphore(42);
        SemaphorePermit p1 = sem.tryAcquire(42).orElseThrow();
        assertTrue(sem.tryAcquire().isEmpty());
        p1.close();
        assertTrue(sem.tryAcquire(32).isPresent());
        assertTrue(sem.tryAcquire(10).isPresent());
        assertTrue(sem.tryAcquire().isEmpty());
    }

    // Tokio: acquire, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void acquire() {
        same.acquire();
    }

    /** A task takes 10 of the 10 free permits, then waits for 32 held by the test until it lets them go. */
    // Tokio: acquire_many, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void acquireMany() {
        Semaphore semaphore = new Semaphore(42);
        SemaphorePermit permit32 = semaphore.tryAcquire(32).orElseThrow();
        Channel<Boolean> took10 = Oneshot.channel();
        JoinHandle<Void> joinHandle = Heddle.spawn(() -> {
            try (SemaphorePermit permit10 = semaphore.acquire(10)) {
                took10.sender().send(true);
                semaphore.acquire(32).close();
            }
        });
        assertTrue(took10.receiver().recv());
        permit32.close();
        joinHandle.join();
        assertEquals(42, semaphore.availablePermits());
    }

    // Tokio: add_permits, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void addPermits() {
        same.addPermits();
    }

    // Tokio: forget, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void forget() {
        same.forget();
    }

    // Tokio: merge, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void merge() {
        same.merge();
    }

    // Tokio: merge_unrelated_permits, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void mergeUnrelatedPermits() {
        same.mergeUnrelatedPermits();
    }

    // Tokio: split, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void split() {
        same.split();
    }

    // Tokio: stress_test, tokio/tests/sync_semaphore_owned.rs
    @CurrentThreadTest
    void stressTest() {
        same.stressTest();
    }
}
