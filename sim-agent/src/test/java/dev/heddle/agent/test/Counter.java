package dev.heddle.agent.test;

import java.util.concurrent.atomic.AtomicInteger;

/** A counter incremented in the ways concurrent code does: a plain read and write, under a monitor, by an atomic. */
public final class Counter {
    private final int step;
    private int count;
    private final int[] cells = new int[1];
    private final AtomicInteger atomic = new AtomicInteger();

    public Counter() {
        this(1);
    }

    public Counter(int step) {
        this.step = step;
    }

    /** {@code count = count + step}: a read, then a write, with no suspension point between them. */
    public void increment() {
        count = count + step;
    }

    public synchronized void incrementSynchronized() {
        count = count + step;
    }

    /** Two calls of a synchronized method: a point before each takes its monitor, one after each releases it. */
    public void incrementSynchronizedTwice() {
        incrementSynchronized();
        incrementSynchronized();
    }

    public void incrementInBlock() {
        synchronized (this) {
            count = count + step;
        }
    }

    /** The lost update on an array element. */
    public void incrementCell() {
        cells[0] = cells[0] + step;
    }

    /** Check-then-act over an atomic: two calls, each atomic, the pair not. */
    public void incrementAtomicWithGetAndSet() {
        atomic.set(atomic.get() + step);
    }

    public int get() {
        return count;
    }

    public int cell() {
        return cells[0];
    }

    public int atomic() {
        return atomic.get();
    }
}
