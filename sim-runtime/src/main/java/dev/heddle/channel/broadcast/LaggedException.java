package dev.heddle.channel.broadcast;

/**
 * A broadcast receiver fell more than the channel's capacity behind: {@link #missed()} values
 * were overwritten before it read them. The receiver has moved on to the oldest value still
 * held, so the next receive continues from there.
 */
public final class LaggedException extends RuntimeException {
    /** How many values the receiver skipped. */
    private final long missed;

    LaggedException(long missed) {
        super("broadcast receiver lagged behind and missed " + missed + " values; it continues from the oldest"
                + " value still held (raise the capacity or receive faster to miss fewer)");
        this.missed = missed;
    }

    /** How many values this receiver will never see. */
    public long missed() {
        return missed;
    }
}
