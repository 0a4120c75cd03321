package dev.heddle.sync;

import java.util.Optional;

/**
 * Permits taken from a {@link Semaphore}; closing this returns them. Closing twice returns
 * them once, so a permit in try-with-resources that was also closed by hand is harmless.
 * Owned by one task at a time: not for concurrent use.
 */
public final class SemaphorePermit implements AutoCloseable {
    private final Semaphore semaphore;
    private int permits;
    private boolean released;

    SemaphorePermit(Semaphore semaphore, int permits) {
        this.semaphore = semaphore;
        this.permits = permits;
    }

    /** How many permits this holds. */
    public int permits() {
        return permits;
    }

    /** Returns the permits to the semaphore. Idempotent. */
    @Override
    public void close() {
        if (!released) {
            released = true;
            semaphore.release(permits);
        }
    }

    /**
     * Keeps the permits out of the semaphore for good (Tokio's {@code forget}): the semaphore
     * shrinks by {@link #permits()}, and closing this afterwards returns nothing.
     */
    public void forget() {
        released = true;
    }

    /**
     * Moves the permits of {@code other}, taken from the same semaphore, into this one (Tokio's
     * {@code merge}): closing this then returns both, and {@code other} holds none. No permit
     * goes back to the semaphore, so no waiter can take them in between.
     *
     * @throws IllegalArgumentException if {@code other} came from another semaphore, or is this permit
     * @throws IllegalStateException if either permit was already closed or forgotten
     */
    public void merge(SemaphorePermit other) {
        if (other.semaphore != semaphore) {
            throw new IllegalArgumentException("cannot merge " + other + " of " + other.semaphore + " into " + this
                    + " of " + semaphore + ": merge permits of the same semaphore");
        }
        if (other == this) {
            throw new IllegalArgumentException("cannot merge " + this + " into itself");
        }
        checkHeld("merge into");
        other.checkHeld("merge");
        permits += other.permits;
        other.permits = 0;
        other.released = true;
    }

    /**
     * Moves {@code n} of this permit's permits into a new permit (Tokio's {@code split}), so
     * that they can be returned apart from the rest; empty, and nothing moved, if this holds
     * fewer than {@code n}.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalStateException if this permit was already closed or forgotten
     */
    public Optional<SemaphorePermit> split(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("split takes a count of at least 0, was " + n);
        }
        checkHeld("split");
        if (n > permits) {
            return Optional.empty();
        }
        permits -= n;
        return Optional.of(new SemaphorePermit(semaphore, n));
    }

    private void checkHeld(String operation) {
        if (released) {
            throw new IllegalStateException("cannot " + operation + " " + this
                    + ": it was closed or forgotten, so it holds no permits any more");
        }
    }

    @Override
    public String toString() {
        return "SemaphorePermit[" + permits + (released ? ", released" : "") + "]";
    }
}
