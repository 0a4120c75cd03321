package dev.heddle.runtime.internal;

import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * The simulated blocking pool's bound: at most {@code max} simulated blocking tasks run at
 * once, the others wait in spawn order. Used only on the single simulation carrier, where
 * there is no contention, so it needs no locking.
 */
public final class BlockingSlots {
    private final int max;
    private int running;
    private final ArrayDeque<Thread> waiting = new ArrayDeque<>();

    public BlockingSlots(int max) {
        this.max = max;
    }

    public void acquire() {
        if (running < max && waiting.isEmpty()) {
            running++;
            return;
        }
        Thread me = Thread.currentThread();
        waiting.add(me);
        try {
            while (waiting.contains(me)) {
                Suspension.park(this);
            }
        } catch (RuntimeException e) {
            if (!waiting.remove(me)) {
                release();
            }
            throw e;
        }
    }

    public void release() {
        Thread next = waiting.poll();
        if (next != null) {
            LockSupport.unpark(next);
        } else {
            running--;
        }
    }
}
