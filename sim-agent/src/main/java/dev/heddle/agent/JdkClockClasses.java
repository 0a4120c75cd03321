package dev.heddle.agent;

import java.util.List;

/**
 * The JDK classes whose clock reads the agent rewrites to {@link dev.heddle.agent.boot.JdkClock},
 * each with the timed waits that need it. A timed park of a simulated task already ends on the
 * run's virtual clock (the simulator's scheduler receives it); these methods then compare
 * {@code System.nanoTime()} (or {@code currentTimeMillis()}) with their deadline and park again
 * for the rest, so without a virtual clock here they would last real time.
 *
 * <p>Found on JDK 25.0.3 with {@code javap -c}: the classes of {@code java.lang} and
 * {@code java.util.concurrent} that call either clock in a timed wait. Left out on purpose:
 * {@code ForkJoinPool} (its own delay scheduler and {@code awaitTermination} run on its worker
 * threads, and the simulator's scheduler is one), {@code ThreadLocalRandom} (a seed, not a
 * wait), {@code SubmissionPublisher} and {@code DelayScheduler} (platform worker threads).
 * {@code dev.heddle.sim.JdkTimedWaits} holds the same list, to report a timed wait in a class
 * that was not rewritten.
 */
final class JdkClockClasses {
    /** One class (internal name) and why. */
    record JdkClass(String internalName, String why) {}

    static final List<JdkClass> ALL = List.of(
            new JdkClass("java/lang/VirtualThread", "Thread.sleep (sleepNanos parks again until nanoTime passes)"),
            new JdkClass("java/lang/Thread", "Thread.join(millis) of a platform thread (a wait loop on nanoTime)"),
            new JdkClass("java/util/concurrent/locks/LockSupport", "LockSupport.parkUntil (currentTimeMillis)"),
            new JdkClass("java/util/concurrent/locks/AbstractQueuedSynchronizer",
                    "CountDownLatch.await(t), Semaphore.tryAcquire(t), ReentrantLock.tryLock(t),"
                            + " ReentrantReadWriteLock's tryLock(t), Thread.join(millis) of a virtual thread"),
            new JdkClass("java/util/concurrent/locks/AbstractQueuedSynchronizer$ConditionObject",
                    "Condition.await(t)/awaitNanos/awaitUntil, and through them BlockingQueue.poll/offer(t)"
                            + " (LinkedBlockingQueue, ArrayBlockingQueue, LinkedBlockingDeque, PriorityBlockingQueue,"
                            + " DelayQueue), CyclicBarrier.await(t), ThreadPoolExecutor.awaitTermination"),
            new JdkClass("java/util/concurrent/locks/AbstractQueuedLongSynchronizer", "its timed acquires"),
            new JdkClass("java/util/concurrent/locks/AbstractQueuedLongSynchronizer$ConditionObject",
                    "its conditions' timed awaits"),
            new JdkClass("java/util/concurrent/locks/StampedLock", "StampedLock's timed tryLocks"),
            new JdkClass("java/util/concurrent/FutureTask", "FutureTask.get(t): a thread pool's futures"),
            new JdkClass("java/util/concurrent/CompletableFuture", "CompletableFuture.get(t)/orTimeout's timedGet"),
            new JdkClass("java/util/concurrent/CompletableFuture$Signaller", "CompletableFuture's timed waiter"),
            new JdkClass("java/util/concurrent/LinkedTransferQueue$DualNode",
                    "SynchronousQueue and LinkedTransferQueue poll/offer(t)"),
            new JdkClass("java/util/concurrent/Exchanger", "Exchanger.exchange(x, t)"),
            new JdkClass("java/util/concurrent/Phaser$QNode", "Phaser.awaitAdvanceInterruptibly(p, t)"),
            new JdkClass("java/util/concurrent/ThreadPerTaskExecutor",
                    "awaitTermination and timed invokeAny of newVirtualThreadPerTaskExecutor"),
            new JdkClass("java/util/concurrent/AbstractExecutorService", "timed invokeAny/invokeAll"),
            new JdkClass("java/util/concurrent/ScheduledThreadPoolExecutor", "its delays (now())"),
            new JdkClass("java/util/concurrent/ScheduledThreadPoolExecutor$ScheduledFutureTask",
                    "a scheduled task's getDelay"),
            new JdkClass("java/util/concurrent/ForkJoinTask", "ForkJoinTask.get(t)"));

    private JdkClockClasses() {}

    /** Whether the class of internal name {@code internalName} is in the list. */
    static boolean contains(String internalName) {
        for (JdkClass c : ALL) {
            if (c.internalName().equals(internalName)) {
                return true;
            }
        }
        return false;
    }
}
