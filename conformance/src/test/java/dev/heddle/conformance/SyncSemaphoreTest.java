package dev.heddle.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Semaphore;
import dev.heddle.sync.SemaphoreClosedException;
import dev.heddle.sync.SemaphorePermit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tokio's {@code tokio/tests/sync_semaphore.rs}. Tokio's {@code acquire_many(n)} and
 * {@code try_acquire_many(n)} are the JDK-style overloads {@code acquire(n)} and
 * {@code tryAcquire(n)}; a {@code should_panic} is the exception Heddle throws, with its message.
 * Tokio's {@code blocking_acquire*} are for threads outside any runtime; Heddle's
 * {@code acquire} parks such a thread as it is, so those tests call it on the test's own
 * platform thread.
 */
class SyncSemaphoreTest {

    // Tokio: no_permits, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void noPermits() {
        assertEquals(0, new Semaphore(0).availablePermits());
    }

    // Tokio: try_acquire, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void tryAcquire() {
        Semaphore sem = new Semaphore(1);
        Optional<SemaphorePermit> p1 = sem.tryAcquire();
        assertTrue(p1.isPresent());
        Optional<SemaphorePermit> p2 = sem.tryAcquire();
        assertTrue(p2.isEmpty());
        p1.get().close();
        Optional<SemaphorePermit> p3 = sem.tryAcquire();
        assertTrue(p3.isPresent());
    }

    // Tokio: acquire, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void acquire() {
        Semaphore sem = new Semaphore(1);
        SemaphorePermit p1 = sem.tryAcquire().orElseThrow();
        JoinHandle<Void> j = Heddle.spawn(() -> sem.acquire().close());
        p1.close();
        j.join();
    }

    // Tokio: add_permits, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void addPermits() {
        Semaphore sem = new Semaphore(0);
        JoinHandle<Void> j = Heddle.spawn(() -> sem.acquire().close());
        sem.addPermits(1);
        j.join();
    }

    // Tokio: add_permits_open, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void addPermitsOpen() {
        for (int size = 0; size < 4; size++) {
            for (int add = 0; add < 4; add++) {
                Semaphore sem = new Semaphore(size);
                sem.addPermits(add);
                assertEquals(size + add, sem.availablePermits());
                assertFalse(sem.isClosed());
            }
        }
    }

    // Tokio: add_permits_closed, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void addPermitsClosed() {
        for (int size = 0; size < 4; size++) {
            for (int add = 0; add < 4; add++) {
                Semaphore sem = new Semaphore(size);
                sem.close();
                sem.addPermits(add);
                assertEquals(size + add, sem.availablePermits());
                assertTrue(sem.isClosed());
            }
        }
    }

    // Tokio: forget, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void forget() {
        Semaphore sem = new Semaphore(1);
        SemaphorePermit p = sem.tryAcquire().orElseThrow();
        assertEquals(0, sem.availablePermits());
        p.forget();
        assertEquals(0, sem.availablePermits());
        p.close();
        assertEquals(0, sem.availablePermits());
        assertTrue(sem.tryAcquire().isEmpty());
    }

    // Tokio: forget_open, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void forgetOpen() {
        for (int size = 0; size < 4; size++) {
            for (int sub = 0; sub < 4; sub++) {
                Semaphore sem = new Semaphore(size);
                int actualSub = sem.forgetPermits(sub);
                int expected = Math.max(0, size - sub);
                assertEquals(expected, sem.availablePermits(), "case: " + size + "-" + sub);
                assertEquals(size - expected, actualSub);
                assertFalse(sem.isClosed());
            }
        }
    }

    // Tokio: forget_closed, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void forgetClosed() {
        for (int size = 0; size < 4; size++) {
            for (int sub = 0; sub < 4; sub++) {
                Semaphore sem = new Semaphore(size);
                sem.close();
                int actualSub = sem.forgetPermits(sub);
                int expected = Math.max(0, size - sub);
                assertEquals(expected, sem.availablePermits(), "case: " + size + "-" + sub);
                assertEquals(size - expected, actualSub);
                assertTrue(sem.isClosed());
            }
        }
    }

    // Tokio: merge, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void merge() {
        Semaphore sem = new Semaphore(3);
        try (SemaphorePermit p1 = sem.tryAcquire().orElseThrow()) {
            assertEquals(2, sem.availablePermits());
            SemaphorePermit p2 = sem.tryAcquire(2).orElseThrow();
            assertEquals(0, sem.availablePermits());
            p1.merge(p2);
            assertEquals(0, sem.availablePermits());
        }
        assertEquals(3, sem.availablePermits());
    }

    // Tokio: merge_unrelated_permits, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void mergeUnrelatedPermits() {
        Semaphore sem1 = new Semaphore(3);
        Semaphore sem2 = new Semaphore(3);
        SemaphorePermit p1 = sem1.tryAcquire().orElseThrow();
        SemaphorePermit p2 = sem2.tryAcquire().orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p1.merge(p2));
        assertTrue(e.getMessage().contains("merge permits of the same semaphore"), e.getMessage());
    }

    // Tokio: split, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void split() {
        Semaphore sem = new Semaphore(5);
        SemaphorePermit p1 = sem.tryAcquire(3).orElseThrow();
        assertEquals(2, sem.availablePermits());
        assertEquals(3, p1.permits());
        SemaphorePermit p2 = p1.split(1).orElseThrow();
        assertEquals(2, sem.availablePermits());
        assertEquals(2, p1.permits());
        assertEquals(1, p2.permits());
        SemaphorePermit p3 = p1.split(0).orElseThrow();
        assertEquals(0, p3.permits());
        p1.close();
        assertEquals(4, sem.availablePermits());
        SemaphorePermit p4 = p2.split(1).orElseThrow();
        assertEquals(0, p2.permits());
        assertEquals(1, p4.permits());
        assertTrue(p2.split(1).isEmpty());
        p2.close();
        assertEquals(4, sem.availablePermits());
        p3.close();
        assertEquals(4, sem.availablePermits());
        p4.close();
        assertEquals(5, sem.availablePermits());
    }

    // Tokio: stress_test, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void stressTest() {
        Semaphore sem = new Semaphore(5);
        List<JoinHandle<Void>> joinHandles = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            joinHandles.add(Heddle.spawn(() -> sem.acquire().close()));
        }
        for (JoinHandle<Void> j : joinHandles) {
            j.join();
        }
        for (int i = 0; i < 5; i++) {
            assertTrue(sem.tryAcquire().isPresent(), "fewer than 5 permits came back");
        }
        assertTrue(sem.tryAcquire().isEmpty(), "more than 5 permits came back");
    }

    // Tokio: add_max_amount_permits, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void addMaxAmountPermits() {
        Semaphore s = new Semaphore(0);
        s.addPermits(Semaphore.MAX_PERMITS);
        assertEquals(Semaphore.MAX_PERMITS, s.availablePermits());
    }

    // Tokio: add_more_than_max_amount_permits1, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void addMoreThanMaxAmountPermits1() {
        Semaphore s = new Semaphore(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.addPermits(Semaphore.MAX_PERMITS));
        assertTrue(e.getMessage().contains("would exceed MAX_PERMITS"), e.getMessage());
        assertEquals(1, s.availablePermits(), "a rejected addPermits changed the count");
    }

    // Tokio: add_more_than_max_amount_permits2, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void addMoreThanMaxAmountPermits2() {
        Semaphore s = new Semaphore(Semaphore.MAX_PERMITS - 1);
        s.addPermits(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.addPermits(1));
        assertTrue(e.getMessage().contains("would exceed MAX_PERMITS"), e.getMessage());
    }

    // Tokio: panic_when_exceeds_maxpermits, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void panicWhenExceedsMaxpermits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Semaphore(Semaphore.MAX_PERMITS + 1));
        assertTrue(e.getMessage().contains("was " + (Semaphore.MAX_PERMITS + 1)), e.getMessage());
    }

    // Tokio: no_panic_at_maxpermits, tokio/tests/sync_semaphore.rs
    @CurrentThreadTest
    void noPanicAtMaxpermits() {
        assertEquals(Semaphore.MAX_PERMITS, new Semaphore(Semaphore.MAX_PERMITS).availablePermits());
        Semaphore s = new Semaphore(Semaphore.MAX_PERMITS - 1);
        s.addPermits(1);
        assertEquals(Semaphore.MAX_PERMITS, s.availablePermits());
    }

    // Tokio: blocking_acquire, tokio/tests/sync_semaphore.rs
    // Real runtime: a platform thread outside any runtime, the caller blocking_acquire is for.
    @Test
    void blockingAcquire() {
        Semaphore sem = new Semaphore(1);
        SemaphorePermit permit = sem.acquire();
        assertEquals(0, sem.availablePermits());
        permit.close();
        assertEquals(1, sem.availablePermits());
    }

    // Tokio: blocking_acquire_waits_for_permit, tokio/tests/sync_semaphore.rs
    // Real runtime: a platform thread outside any runtime waits for a permit another thread adds.
    @Test
    void blockingAcquireWaitsForPermit() throws Exception {
        Semaphore sem = new Semaphore(0);
        CompletableFuture<Void> handle = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            try {
                sem.acquire().close();
                handle.complete(null);
            } catch (Throwable t) {
                handle.completeExceptionally(t);
            }
        });
        sem.addPermits(1);
        handle.get(60, TimeUnit.SECONDS);
    }

    // Tokio: blocking_acquire_many, tokio/tests/sync_semaphore.rs
    // Real runtime: a platform thread outside any runtime, the caller blocking_acquire_many is for.
    @Test
    void blockingAcquireMany() {
        Semaphore sem = new Semaphore(5);
        SemaphorePermit permit = sem.acquire(3);
        assertEquals(2, sem.availablePermits());
        permit.close();
        assertEquals(5, sem.availablePermits());
    }

    // Tokio: blocking_acquire_owned, tokio/tests/sync_semaphore.rs
    // Real runtime: a platform thread outside any runtime; every Heddle permit is an owned one.
    @Test
    void blockingAcquireOwned() {
        Semaphore sem = new Semaphore(1);
        SemaphorePermit permit = sem.acquire();
        assertEquals(0, sem.availablePermits());
        permit.close();
        assertEquals(1, sem.availablePermits());
    }

    // Tokio: blocking_acquire_many_owned, tokio/tests/sync_semaphore.rs
    // Real runtime: a platform thread outside any runtime; every Heddle permit is an owned one.
    @Test
    void blockingAcquireManyOwned() {
        Semaphore sem = new Semaphore(5);
        SemaphorePermit permit = sem.acquire(3);
        assertEquals(2, sem.availablePermits());
        permit.close();
        assertEquals(5, sem.availablePermits());
    }

    // Tokio: blocking_acquire_closed, tokio/tests/sync_semaphore.rs
    // Real runtime: a platform thread outside any runtime, the caller blocking_acquire is for.
    @Test
    void blockingAcquireClosed() {
        Semaphore sem = new Semaphore(1);
        sem.close();
        assertThrows(SemaphoreClosedException.class, sem::acquire);
        SemaphoreClosedException e = assertThrows(SemaphoreClosedException.class, () -> sem.acquire(2));
        assertTrue(e.getMessage().contains("the semaphore is closed"), e.getMessage());
    }
}
