package dev.heddle.time;

/** A scheduled action on a {@link TimeDriver}; cancelling it is O(1). */
public interface Timer {

    /** The deadline the timer was scheduled for, in the driver's nanoseconds. */
    long deadline();

    /** Prevents the action from running; returns false when it already ran or was cancelled. */
    boolean cancel();
}
