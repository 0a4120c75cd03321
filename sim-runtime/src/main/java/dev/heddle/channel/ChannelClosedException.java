package dev.heddle.channel;

/**
 * An operation that needs the other side of a channel found it gone: a oneshot whose sender
 * closed without sending, a watch whose sender closed, a reserve on a closed mpsc channel.
 */
public final class ChannelClosedException extends RuntimeException {
    /** An exception whose message says which operation found which side closed. */
    public ChannelClosedException(String message) {
        super(message);
    }
}
