package dev.heddle.bench.agent;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The small program {@code ./heddle bench agent} runs, in the one package its JVM's agent
 * instruments: accounts moved between under a lock, a plain total beside them, an atomic count
 * of transfers. Its loops, field and array accesses, lock and atomic calls all carry points.
 */
public final class Ledger {
    private final long[] balances;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong transfers = new AtomicLong();
    private long audited;

    public Ledger(int accounts, long balance) {
        balances = new long[accounts];
        for (int i = 0; i < accounts; i++) {
            balances[i] = balance;
        }
    }

    /** Moves {@code amount} from account {@code from} to {@code to}, when it is there. */
    public void transfer(int from, int to, long amount) {
        lock.lock();
        try {
            if (balances[from] >= amount) {
                balances[from] -= amount;
                balances[to] += amount;
                transfers.incrementAndGet();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sums the balances under the lock, and keeps the sum in a plain field. */
    public long audit() {
        lock.lock();
        try {
            long sum = 0;
            for (long b : balances) {
                sum += b;
            }
            audited = sum;
            return sum;
        } finally {
            lock.unlock();
        }
    }

    public long transfers() {
        return transfers.get();
    }
}
