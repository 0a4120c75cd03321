package dev.heddle.runtime.internal;

import dev.heddle.runtime.internal.scheduler.WorkStealingScheduler;
import dev.heddle.time.SystemTimeDriver;
import dev.heddle.time.TimeDriver;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * The carrier of a multi-thread runtime: tasks run on the {@link WorkStealingScheduler}'s
 * worker threads, timers fire on one timer thread and wake their tasks through it.
 */
public final class WorkerPoolCarrier implements Carrier {
    private final WorkStealingScheduler scheduler;
    private final SystemTimeDriver time;

    public WorkerPoolCarrier(int workers, String threadName, Runnable onStart, Runnable onStop) {
        this.scheduler = new WorkStealingScheduler(workers, threadName, onStart, onStop);
        this.time = new SystemTimeDriver(threadName + "-timer");
    }

    public WorkStealingScheduler scheduler() {
        return scheduler;
    }

    @Override
    public void execute(Runnable continuation) {
        TaskEvents.woken(continuation);
        scheduler.execute(continuation);
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
