package dev.heddle.bench;

import dev.heddle.runtime.Suspension;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;

/**
 * The benchmark's stand-in for an mpsc channel: many senders, one receiver that parks
 * through {@link Suspension} while the inbox is empty. It parks the same way on a Heddle task
 * and on a plain JDK virtual thread, so both schedulers run identical code.
 */
final class RuntimeInbox<T> {
    private final MpscUnboundedAtomicArrayQueue<T> queue = new MpscUnboundedAtomicArrayQueue<>(1024);
    private volatile Thread waiting;

    void send(T message) {
        queue.offer(message);
        Thread w = waiting;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Called by the one receiver: the oldest message, waiting for one if there is none. */
    T receive() {
        T m = queue.poll();
        if (m != null) {
            return m;
        }
        waiting = Thread.currentThread();
        try {
            while ((m = queue.poll()) == null) {
                Suspension.park(this);
            }
            return m;
        } finally {
            waiting = null;
        }
    }
}
