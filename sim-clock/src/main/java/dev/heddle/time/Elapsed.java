package dev.heddle.time;

import java.time.Duration;

/** Thrown by {@link Clock#timeout} when the body did not finish within its limit. */
public final class Elapsed extends RuntimeException {
    private final Duration limit;

    public Elapsed(Duration limit) {
        super("timed out after " + limit.toMillis() + " ms");
        this.limit = limit;
    }

    /** The limit that passed. */
    public Duration limit() {
        return limit;
    }
}
