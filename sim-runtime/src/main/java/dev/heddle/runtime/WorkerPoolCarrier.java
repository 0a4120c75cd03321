package dev.heddle.runtime;

import dev.heddle.time.SystemTimeDriver;
import dev.heddle.time.TimeDriver;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * Carries tasks on a work-stealing pool of named platform threads, one per configured worker.
 * An interim scheduler: the JDK's own {@link ForkJoinPool}, the same kind that carries
 * default virtual threads, until Heddle's own work-stealing scheduler replaces it.
 */
final class WorkerPoolCarrier implements Carrier {
    private final ForkJoinPool pool;
    private final SystemTimeDriver time;

    WorkerPoolCarrier(int workers, String threadName, Runnable onStart, Runnable onStop) {
        AtomicInteger ids = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> new ForkJoinWorkerThread(null, p, true) {
            {
                setName(threadName + "-worker-" + ids.incrementAndGet());
            }

            @Override
            protected void onStart() {
                super.onStart();
                onStart.run();
            }

            @Override
            protected void onTermination(Throwable exception) {
                try {
                    onStop.run();
                } finally {
                    super.onTermination(exception);
                }
            }
        };
        this.pool = new ForkJoinPool(workers, factory, null, true);
        this.time = new SystemTimeDriver(threadName + "-timer");
    }

    @Override
    public void execute(Runnable continuation) {
        pool.execute(continuation);
    }

    @Override
    public TimeDriver time() {
        return time;
    }

    @Override
    public RandomGenerator random() {
        return ThreadLocalRandom.current();
    }

    @Override
    public boolean simulatesBlocking() {
        return false;
    }

    @Override
    public void drive(Task<?> root) {
        Thread me = Thread.currentThread();
        OneTimeEvent.Registration wake = root.whenDone(() -> LockSupport.unpark(me));
        try {
            while (!root.isDone()) {
                LockSupport.park(this);
            }
        } finally {
            wake.disarm();
        }
    }

    @Override
    public void close() {
        time.close();
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
