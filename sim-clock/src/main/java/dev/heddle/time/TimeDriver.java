package dev.heddle.time;

import java.time.Instant;

/**
 * What moves time forward and fires timers: real time on a timer thread, or virtual time
 * advanced by the simulator. A {@link Clock} is written once on top of a driver.
 */
public interface TimeDriver {

    /** Monotonic nanoseconds since the driver started. */
    long now();

    /** Wall-clock time that corresponds to {@link #now()}. */
    Instant instant();

    /**
     * Runs {@code action} once {@code deadline} (a value of {@link #now()}) has passed.
     * Deadlines are kept at millisecond resolution, rounded up; timers due in the same
     * millisecond fire in the order they were scheduled.
     */
    Timer schedule(long deadline, Runnable action);
}
