package dev.heddle.time;

/** What an {@link Interval} does when ticks were missed because the caller was slow (Tokio's names). */
public enum MissedTickBehavior {
    /** Fire every missed tick at once, then keep the original schedule. */
    BURST,
    /** Fire one tick now and schedule the next a full period after it. */
    DELAY,
    /** Fire one tick now and continue at the next multiple of the period on the original schedule. */
    SKIP
}
