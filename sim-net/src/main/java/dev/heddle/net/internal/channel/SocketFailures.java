package dev.heddle.net.internal.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;

/**
 * A channel's failure as its {@code socket()} adaptor reports it, with the messages of the JDK's
 * own adaptors ({@code sun.nio.ch.Net.translateException}): {@code java.net} code expects a
 * {@link SocketException} "Socket is closed" where a channel throws
 * {@link ClosedChannelException}, and no unchecked channel exceptions at all.
 */
final class SocketFailures {
    private SocketFailures() {}

    /** Runs {@code action} on the channel, its failure made a socket's. */
    static <T> T translated(ChannelAction<T> action) throws IOException {
        try {
            return action.run();
        } catch (RuntimeException | IOException e) {
            throw of(e);
        }
    }

    /** {@code failure} of a channel as the JDK's adaptor throws it; other failures as they are. */
    static IOException of(Exception failure) {
        IOException socket = switch (failure) {
            case ClosedChannelException e -> new SocketException("Socket is closed");
            case AlreadyConnectedException e -> new SocketException("Already connected");
            case NotYetConnectedException e -> new SocketException("Socket is not connected");
            case AlreadyBoundException e -> new SocketException("Already bound");
            case NotYetBoundException e -> new SocketException("Socket is not bound yet");
            case UnsupportedAddressTypeException e -> new SocketException("Unsupported address type");
            case UnresolvedAddressException e -> new UnknownHostException("the address is unresolved");
            case IOException e -> e;
            case UncheckedIOException e -> e.getCause();
            case RuntimeException e -> throw e;
            default -> new IOException(failure);
        };
        if (socket != failure && !(failure instanceof UncheckedIOException) && socket.getCause() == null) {
            socket.initCause(failure);
        }
        return socket;
    }

    /**
     * {@code failure} of a channel as a {@link SocketException}, for the adaptor methods that
     * declare nothing else ({@code setXxx}/{@code getXxx}, {@code DatagramSocket.bind}): the JDK's
     * adaptor's exception when it is one, else a {@code SocketException} with its message.
     */
    static SocketException asSocketException(IOException failure) {
        IOException socket = of(failure);
        return socket instanceof SocketException e ? e
                : (SocketException) new SocketException(socket.getMessage()).initCause(socket);
    }

    /** A call on a channel, which may fail as channels do. */
    @FunctionalInterface
    interface ChannelAction<T> {
        T run() throws IOException;
    }
}
