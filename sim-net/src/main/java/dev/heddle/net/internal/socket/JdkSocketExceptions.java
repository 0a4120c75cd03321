package dev.heddle.net.internal.socket;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;

/**
 * A failure of the simulated network as the JDK's {@code java.net} sockets report it: the JDK's
 * type and exact message ("Connection refused", "Connection reset", "Socket closed", "Read timed
 * out"), which unmodified code and libraries test for, with the simulator's own exception, which
 * names the addresses and the reason (a crashed host, a partition), as its cause.
 */
final class JdkSocketExceptions {
    private JdkSocketExceptions() {}

    /** A connect that failed: refused (no listener, a crashed host), or lost for good ("Connection timed out"). */
    static IOException connectFailed(IOException raw) {
        if (raw instanceof BindException) {
            return raw;
        }
        if (raw instanceof ConnectException) {
            boolean refused = raw.getMessage() != null && raw.getMessage().contains("refused");
            return withCause(new ConnectException(refused ? "Connection refused" : "Connection timed out"), raw);
        }
        return streamFailed(raw);
    }

    /**
     * A read, write or accept that failed: "Socket closed" when this side was closed (before or
     * while waiting), "Connection reset" when the connection was reset (the peer's host crashed,
     * or its messages were lost for good).
     */
    static SocketException streamFailed(IOException raw) {
        if (raw instanceof ClosedChannelException) {
            return withCause(new SocketException("Socket closed"), raw);
        }
        if (raw instanceof SocketException && raw.getMessage() != null && raw.getMessage().contains("reset")) {
            return withCause(new SocketException("Connection reset"), raw);
        }
        return raw instanceof SocketException e ? e : withCause(new SocketException(raw.getMessage()), raw);
    }

    /** A bind refused: the JDK's "Address already in use" for a port in use, else the simulator's reason. */
    static BindException bindFailed(BindException raw) {
        if (raw.getMessage() != null && raw.getMessage().contains("in use")) {
            return withCause(new BindException("Address already in use"), raw);
        }
        return raw;
    }

    /** {@code jdkMessage} ("Read timed out", "Accept timed out", "Connect timed out"), {@code detail} its cause's. */
    static SocketTimeoutException timedOut(String jdkMessage, String detail) {
        return withCause(new SocketTimeoutException(jdkMessage), new SocketTimeoutException(detail));
    }

    private static <E extends IOException> E withCause(E made, IOException cause) {
        made.initCause(cause);
        return made;
    }
}
