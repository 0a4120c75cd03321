package dev.heddle.time;

import java.time.Duration;

/** Thrown by {@link Clock#timeout} when the body did not finish within its limit. */
public final class Elapsed extends RuntimeException {
    /** The limit that passed. */
    private final Duration limit;

    /** An exception for a body that ran past {@code limit}; the message gives it in milliseconds. */
    public Elapsed(Duration limit) {
        super("timed out after " + limit.toMillis() + " ms");
        this.limit = limit;
    }

    /** The limit that passed. */
    public Duration limit() {
        return limit;
    }
}
