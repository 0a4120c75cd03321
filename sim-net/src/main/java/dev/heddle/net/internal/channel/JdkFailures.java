package dev.heddle.net.internal.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;

/**
 * sim-net's failures as the JDK's channels throw them: the JDK's type and message ("Connection
 * refused", "Connection reset", a plain {@link ClosedChannelException}), which unmodified code may
 * test for, with sim-net's own failure, which names the simulated hosts and what happened to the
 * message, as the cause.
 */
final class JdkFailures {
    private JdkFailures() {}

    /**
     * Runs {@code action}, an operation begun on the open {@code channel}, its failure the JDK's
     * (an op's result failing with {@link UncheckedIOException} as the IOException inside);
     * failures the JDK has no other type for, as an adaptor's {@code SocketTimeoutException}, come
     * out as they are.
     */
    static <T> T translated(Channel channel, SocketFailures.ChannelAction<T> action) throws IOException {
        try {
            return action.run();
        } catch (UncheckedIOException e) {
            throw of(e.getCause(), channel.isOpen());
        } catch (IOException e) {
            throw of(e, channel.isOpen());
        }
    }

    /**
     * {@code failure} of an operation that began on an open channel, which is {@code open} now or
     * not: closed meanwhile by another task, it is the JDK's {@link AsynchronousCloseException}.
     */
    static IOException of(IOException failure, boolean open) {
        IOException jdk = switch (failure) {
            case ClosedChannelException e -> open ? new ClosedChannelException() : new AsynchronousCloseException();
            case ConnectException e when text(e).contains("refused") -> new ConnectException("Connection refused");
            case ConnectException e -> new ConnectException("Connection timed out");
            case BindException e when text(e).contains("in use") -> new BindException("Address already in use");
            case BindException e -> new BindException("Cannot assign requested address");
            case SocketException e when text(e).contains("reset") -> new SocketException("Connection reset");
            default -> null;
        };
        if (jdk == null) {
            return failure;
        }
        jdk.initCause(failure);
        return jdk;
    }

    private static String text(IOException e) {
        return String.valueOf(e.getMessage());
    }
}
