package dev.heddle.sim;

/**
 * What a simulation does when a task suspends while it holds a {@code synchronized} monitor
 * or a {@code ReentrantLock} (Tokio's "std Mutex held across .await"): every other task that
 * needs that lock is stuck until the holder is scheduled again. Looked for at sampled
 * suspensions, and every time another task blocks entering a monitor whose holder is suspended.
 */
public enum LockHeldPolicy {
    /** Fail the run with {@link FailureKind#LOCK_HELD_ACROSS_SUSPENSION}, naming the lock and the stack. */
    FAIL,
    /**
     * Log a warning with the lock and the stack, once per place, and go on: a
     * {@link System.Logger.Level#WARNING} on the {@code System.Logger} named {@code "dev.heddle.sim"}.
     */
    WARN,
    /** Do not look (saves a stack walk at every suspension). */
    IGNORE
}
