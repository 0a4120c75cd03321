package dev.heddle.sync;

/**
 * Permits taken from a {@link Semaphore}; closing this returns them. Closing twice returns
 * them once, so a permit in try-with-resources that was also closed by hand is harmless.
 */
public final class SemaphorePermit implements AutoCloseable {
    private final Semaphore semaphore;
    private final int permits;
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

    @Override
    public String toString() {
        return "SemaphorePermit[" + permits + (released ? ", released" : "") + "]";
    }
}
