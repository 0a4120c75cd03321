package dev.heddle.runtime.internal.scheduler;

import java.util.concurrent.locks.ReentrantLock;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;

/**
 * The scheduler's shared run queue (Tokio's inject queue): wake-ups from threads that are
 * not this scheduler's workers land here, and so does the overflow of a full local queue.
 * Any thread may push without locking; workers take from it under a lock, which they hold
 * only to move a few references, as Tokio's workers do.
 */
final class InjectionQueue<T> {
    private final MpscUnboundedAtomicArrayQueue<T> queue = new MpscUnboundedAtomicArrayQueue<>(1024);
    private final ReentrantLock consumer = new ReentrantLock();

    void push(T task) {
        queue.offer(task);
    }

    /** The oldest task, or null when the queue is empty. */
    T poll() {
        if (queue.isEmpty()) {
            return null;
        }
        consumer.lock();
        try {
            return queue.poll();
        } finally {
            consumer.unlock();
        }
    }

    /**
     * Takes up to {@code max} tasks at once: returns the oldest to run now, and appends the
     * others to {@code into}, which must have room for them. Null when the queue is empty.
     * The batch is what the queue held when the lock was taken, so it is one atomic step:
     * a task pushed meanwhile waits for the next poll.
     */
    T pollBatch(LocalQueue<T> into, int max) {
        if (queue.isEmpty()) {
            return null;
        }
        consumer.lock();
        try {
            int n = Math.min(max, queue.size());
            if (n == 0) {
                return null;
            }
            T first = queue.poll();
            for (int i = 1; i < n; i++) {
                into.pushBack(queue.poll(), this);
            }
            return first;
        } finally {
            consumer.unlock();
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }
}
