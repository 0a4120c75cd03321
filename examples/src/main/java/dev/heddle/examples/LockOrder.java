package dev.heddle.examples;

import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sync.Mutex;
import dev.heddle.sync.MutexGuard;

/**
 * Two transfers between the same two accounts, each locking its source first: a planted bug. When
 * both hold their first lock before either takes its second, each waits for the other for ever.
 * The simulator reports that deadlock with its cycle ({@code transfer-a-to-b#2 holds Mutex@1, waits
 * for Mutex@2 held by transfer-b-to-a#3, which waits for Mutex@1}), the wait-for graph, a task dump
 * (each transfer {@code WAITING on mutex lock} at the line of its second lock) and the schedule of
 * the steps that led there.
 */
public final class LockOrder {
    private LockOrder() {}

    /** Moves 10 from a to b and 20 from b to a at once; returns the money left in both accounts. */
    public static long transferBothWays() {
        Mutex<Long> a = new Mutex<>(100L);
        Mutex<Long> b = new Mutex<>(100L);
        JoinHandle<Void> aToB = Heddle.spawn("transfer-a-to-b", () -> transfer(a, b, 10));
        JoinHandle<Void> bToA = Heddle.spawn("transfer-b-to-a", () -> transfer(b, a, 20));
        aToB.join();
        bToA.join();
        try (MutexGuard<Long> left = a.lock(); MutexGuard<Long> right = b.lock()) {
            return left.get() + right.get();
        }
    }

    private static void transfer(Mutex<Long> from, Mutex<Long> to, long amount) {
        try (MutexGuard<Long> source = from.lock()) {
            // Any suspension point here (a log write, a metric) lets the other transfer take its first lock.
            Heddle.yieldNow();
            try (MutexGuard<Long> target = to.lock()) {
                source.set(source.get() - amount);
                target.set(target.get() + amount);
            }
        }
    }
}
