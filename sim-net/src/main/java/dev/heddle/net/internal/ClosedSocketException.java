package dev.heddle.net.internal;

import java.nio.channels.ClosedChannelException;

/**
 * Using a socket after this side closed it (or, for writes, shut its output down): a
 * {@link ClosedChannelException}, as {@code java.nio} throws, with a message naming the socket,
 * which the JDK's own exception has no room for. Catch it as {@code ClosedChannelException}.
 */
public final class ClosedSocketException extends ClosedChannelException {
    private final String message;

    public ClosedSocketException(String message) {
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
