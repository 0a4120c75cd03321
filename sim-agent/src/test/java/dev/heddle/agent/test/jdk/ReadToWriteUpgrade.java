package dev.heddle.agent.test.jdk;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Bug: on a cache miss the reader takes the write lock while still holding the read lock, which never succeeds. */
public final class ReadToWriteUpgrade implements ConcurrencyProgram {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> cache = new HashMap<>();

    private int lengthOf(String key) {
        lock.readLock().lock();
        try {
            Integer cached = cache.get(key);
            if (cached == null) {
                lock.writeLock().lock();
                try {
                    cached = key.length();
                    cache.put(key, cached);
                } finally {
                    lock.writeLock().unlock();
                }
            }
            return cached;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void run() throws Exception {
        int[] lengths = new int[2];
        Thread a = new Thread(() -> lengths[0] = lengthOf("heddle"), "reader-a");
        Thread b = new Thread(() -> lengths[1] = lengthOf("heddle"), "reader-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (lengths[0] != 6 || lengths[1] != 6) {
            throw new AssertionError("lengths " + lengths[0] + " and " + lengths[1]);
        }
    }
}
