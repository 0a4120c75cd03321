package dev.heddle.net.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;

/**
 * The failures sockets report: a JDK failure made again with a message that names what was being
 * done and to which addresses. The JDK's own say only "Connection refused" or "Address already in
 * use"; a service with a dozen connections needs to know which one. The new exception has the
 * same type where callers tell failures apart by type ({@link ConnectException},
 * {@link BindException}, {@link SocketException}, {@link UnknownHostException},
 * {@link ClosedChannelException}), and the JDK's exception as its cause.
 *
 * <p>Made on the thread that throws it, so its stack is the caller's; a failure the reactor
 * saw first is kept as it was and described when a task takes it.
 */
public final class NetExceptions {
    private NetExceptions() {}

    /**
     * {@code raw} again as "{@code action}: {@code raw}'s message", for instance
     * "cannot connect to 127.0.0.1:4000: Connection refused".
     */
    public static IOException describe(String action, IOException raw) {
        String reason = raw.getMessage() == null ? raw.getClass().getSimpleName() : raw.getMessage();
        String message = action + ": " + reason;
        IOException described = switch (raw) {
            case ConnectException e -> new ConnectException(message);
            case BindException e -> new BindException(message);
            case NoRouteToHostException e -> new NoRouteToHostException(message);
            case PortUnreachableException e -> new PortUnreachableException(message);
            case SocketException e -> new SocketException(message);
            case SocketTimeoutException e -> new SocketTimeoutException(message);
            case UnknownHostException e -> new UnknownHostException(message);
            case ClosedChannelException e -> new ClosedSocketException(action + ": the socket is closed");
            case EOFException e -> new EOFException(message);
            default -> new IOException(message);
        };
        described.initCause(raw);
        return described;
    }
}
