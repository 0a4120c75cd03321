package dev.heddle.runtime.internal;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Platform threads for {@code spawnBlocking}: work that would otherwise hold a carrier
 * (file I/O, JNI, CPU-heavy loops). At most {@code maxThreads} run at once, the rest wait
 * in order; a thread idle for {@code keepAlive} goes away, as in Tokio's blocking pool.
 */
public final class BlockingPool {
    private final ThreadPoolExecutor pool;

    public BlockingPool(int maxThreads, Duration keepAlive, String threadName, Runnable onStart, Runnable onStop) {
        AtomicInteger ids = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(maxThreads, maxThreads, TimeUnit.NANOSECONDS.convert(keepAlive), TimeUnit.NANOSECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread t = new Thread(() -> {
                        onStart.run();
                        try {
                            work.run();
                        } finally {
                            onStop.run();
                        }
                    }, threadName + "-blocking-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    public void submit(Task<?> task) {
        pool.execute(() -> {
            task.bind(Thread.currentThread());
            task.run();
        });
    }

    /** Threads alive in the pool now. */
    public int threads() {
        return pool.getPoolSize();
    }

    public void close() {
        pool.shutdown();
    }
}
