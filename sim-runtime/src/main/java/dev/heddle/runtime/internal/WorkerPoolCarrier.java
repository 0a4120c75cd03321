package dev.heddle.runtime.internal;

import dev.heddle.runtime.internal.scheduler.WorkStealingScheduler;
import dev.heddle.time.SystemTimeDriver;
import dev.heddle.time.TimeDriver;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * The carrier of a multi-thread runtime: tasks run on the {@link WorkStealingScheduler}'s
 * worker threads, timers fire on one timer thread and wake their tasks through it.
 */
public final class WorkerPoolCarrier implements Carrier {
    private final WorkStealingScheduler scheduler;
    private final SystemTimeDriver time;
    /** Per worker, the factory of the threads of local tasks pinned to it; built on first use. */
    private final AtomicReferenceArray<ThreadFactory> localThreads;

    public WorkerPoolCarrier(int workers, String threadName, Runnable onStart, Runnable onStop) {
        this.scheduler = new WorkStealingScheduler(workers, threadName, onStart, onStop);
        this.time = new SystemTimeDriver(threadName + "-timer");
        this.localThreads = new AtomicReferenceArray<>(workers);
    }

    public WorkStealingScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void execute(Runnable continuation) {
        TaskEvents.woken(continuation);
        scheduler.execute(continuation);
    }

    /** Threads pinned to {@code worker}, on {@link WorkStealingScheduler#pinnedExecutor}. */
    @Override
    public ThreadFactory localThreads(ThreadFactory threads, int worker) {
        ThreadFactory factory = localThreads.get(worker);
        if (factory == null) {
            localThreads.compareAndSet(worker, null, VirtualThreads.factory(scheduler.pinnedExecutor(worker)));
            factory = localThreads.get(worker);
        }
        return factory;
    }

    @Override
    public int workerIndex() {
        return scheduler.currentWorker();
    }

    /** Hands the caller's worker to a replacement thread ({@link WorkStealingScheduler#handOffCurrentWorker}). */
    @Override
    public boolean blockInPlace() {
        scheduler.handOffCurrentWorker();
        return true;
    }

    @Override
    public void afterSpawn() {
        scheduler.spawned();
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
        scheduler.close();
    }
}
