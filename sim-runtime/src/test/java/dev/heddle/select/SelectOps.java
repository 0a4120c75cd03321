package dev.heddle.select;

import dev.heddle.runtime.CancellationToken;
import dev.heddle.runtime.SelectableOp;
import java.time.Duration;

/**
 * The ops that {@link Select} builds for its own branches (a sleep, a deadline, a cancellation
 * token), as plain ops for tests that drive the {@link SelectableOp} protocol step by step.
 */
public final class SelectOps {
    private SelectOps() {}

    /** The op of {@link Select#sleep}: a sleep of {@code duration}, counted from its first {@code tryNow()}. */
    public static SelectableOp<Void> sleep(Duration duration) {
        return SleepOp.after(duration);
    }

    /** The op of {@link Select#deadline}: until the runtime clock reaches {@code deadline}. */
    public static SelectableOp<Void> deadline(long deadline) {
        return SleepOp.until(deadline);
    }

    /** The op of {@link Select#cancelled}: until {@code token} is cancelled. */
    public static SelectableOp<Void> cancelled(CancellationToken token) {
        return new CancelledOp(token);
    }
}
