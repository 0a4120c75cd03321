package dev.heddle.runtime;

/**
 * Cancels a {@link CancellationToken} when closed, unless {@link #disarm() disarmed} first
 * (tokio-util's {@code DropGuard}): in try-with-resources, whatever way the block is left,
 * by a return, an exception or an abort of the task, the token's holders are told to stop.
 *
 * <pre>{@code
 * CancellationToken workers = new CancellationToken();
 * try (CancellationGuard stopWorkers = workers.dropGuard()) {
 *     startWorkers(workers);
 *     serve();                      // however serve() ends, the workers are cancelled
 * }
 * }</pre>
 * Owned by one task: not for concurrent use.
 */
public final class CancellationGuard implements AutoCloseable {
    private CancellationToken token;

    CancellationGuard(CancellationToken token) {
        this.token = token;
    }

    /**
     * Keeps the token from being cancelled by this guard, and returns it (Tokio's
     * {@code disarm}); closing the guard afterwards does nothing.
     *
     * @throws IllegalStateException if the guard was already disarmed or closed
     */
    public CancellationToken disarm() {
        CancellationToken t = token;
        if (t == null) {
            throw new IllegalStateException("this CancellationGuard was already disarmed or closed;"
                    + " keep the token returned by the first disarm()");
        }
        token = null;
        return t;
    }

    /** Cancels the token, unless the guard was disarmed. Idempotent. */
    @Override
    public void close() {
        CancellationToken t = token;
        if (t != null) {
            token = null;
            t.cancel();
        }
    }

    @Override
    public String toString() {
        return "CancellationGuard[" + (token == null ? "disarmed or closed" : "armed, " + token) + "]";
    }
}
