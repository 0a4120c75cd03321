package dev.heddle.agent.test.jdk;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Correct: on a miss the reader releases the read lock, takes the write lock and checks again before computing. */
public final class ReadThenWriteRechecked implements ConcurrencyProgram {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> cache = new HashMap<>();
    private final AtomicInteger computed = new AtomicInteger();

    private int lengthOf(String key) {
        lock.readLock().lock();
        try {
            Integer cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            Integer cached = cache.get(key);
            if (cached == null) {
                computed.incrementAndGet();
                cached = key.length();
                cache.put(key, cached);
            }
            return cached;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void run() throws Exception {
        int[] lengths = new int[2];
        Thread a = new Thread(() -> lengths[0] = lengthOf("heddle"), "reader-a");
        Thread b = new Thread(() -> lengths[1] = lengthOf("heddle"), "reader-b");
        a.start();
        b.start();
        a.join(5_000);
        b.join(5_000);
        if (lengths[0] != 6 || lengths[1] != 6 || computed.get() != 1) {
            throw new AssertionError("lengths " + lengths[0] + " and " + lengths[1] + ", computed "
                    + computed.get() + " times");
        }
    }
}
