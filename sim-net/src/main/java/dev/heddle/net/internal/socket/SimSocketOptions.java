package dev.heddle.net.internal.socket;

import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketOptions;
import java.net.StandardSocketOptions;
import java.util.Map;
import java.util.Set;

/**
 * The options of one simulated {@code java.net} socket, by the JDK's old integer ids
 * ({@link SocketOptions}) and by {@link StandardSocketOptions}. Only {@code SO_TIMEOUT} changes
 * what the simulated socket does (virtual time); the others are kept and read back as set, with
 * the JDK's checks, since on the simulated network they change nothing the code could see:
 * {@code TCP_NODELAY} (every write leaves at once), {@code SO_KEEPALIVE} (a dead peer shows up
 * as a reset when its host crashes, not from probes), {@code SO_LINGER} (close sends the end
 * after the bytes written, and never waits), {@code SO_REUSEADDR} (a closed port is free at once),
 * the buffer sizes (the window is 64 KiB whatever they say), {@code IP_TOS}, {@code SO_OOBINLINE}.
 */
final class SimSocketOptions {
    /** What {@code SO_SNDBUF} and {@code SO_RCVBUF} read before they are set: the simulated window. */
    private static final int WINDOW = 64 * 1024;

    private static final Map<SocketOption<?>, Integer> IDS = Map.of(
            StandardSocketOptions.TCP_NODELAY, SocketOptions.TCP_NODELAY,
            StandardSocketOptions.SO_KEEPALIVE, SocketOptions.SO_KEEPALIVE,
            StandardSocketOptions.SO_LINGER, SocketOptions.SO_LINGER,
            StandardSocketOptions.SO_REUSEADDR, SocketOptions.SO_REUSEADDR,
            StandardSocketOptions.SO_SNDBUF, SocketOptions.SO_SNDBUF,
            StandardSocketOptions.SO_RCVBUF, SocketOptions.SO_RCVBUF,
            StandardSocketOptions.IP_TOS, SocketOptions.IP_TOS);
    private static final Set<SocketOption<?>> SERVER_OPTIONS =
            Set.of(StandardSocketOptions.SO_REUSEADDR, StandardSocketOptions.SO_RCVBUF);

    private int timeoutMillis;
    private boolean noDelay;
    private boolean keepAlive;
    private boolean reuseAddress;
    private boolean oobInline;
    /** Seconds, or -1 when off. */
    private int linger = -1;
    private int sendBuffer = WINDOW;
    private int receiveBuffer = WINDOW;
    private int trafficClass;

    /** {@code SO_TIMEOUT}: how long a read or accept waits, in virtual milliseconds; 0 for ever. */
    int timeoutMillis() {
        return timeoutMillis;
    }

    /** The options a socket of this kind supports, as {@code Socket.supportedOptions()} lists them. */
    static Set<SocketOption<?>> supported(boolean server) {
        return server ? SERVER_OPTIONS : IDS.keySet();
    }

    /** Sets option {@code id} ({@link SocketOptions}) to {@code value}, checked as the JDK checks it. */
    void set(int id, Object value) throws SocketException {
        switch (id) {
            case SocketOptions.SO_TIMEOUT -> {
                int millis = intValue(value, "SO_TIMEOUT");
                if (millis < 0) {
                    throw new IllegalArgumentException("timeout < 0");
                }
                timeoutMillis = millis;
            }
            case SocketOptions.TCP_NODELAY -> noDelay = booleanValue(value, "TCP_NODELAY");
            case SocketOptions.SO_KEEPALIVE -> keepAlive = booleanValue(value, "SO_KEEPALIVE");
            case SocketOptions.SO_REUSEADDR -> reuseAddress = booleanValue(value, "SO_REUSEADDR");
            case SocketOptions.SO_OOBINLINE -> oobInline = booleanValue(value, "SO_OOBINLINE");
            case SocketOptions.SO_LINGER ->
                    linger = value instanceof Boolean on && !on ? -1 : intValue(value, "SO_LINGER");
            case SocketOptions.SO_SNDBUF -> sendBuffer = positive(value, "SO_SNDBUF");
            case SocketOptions.SO_RCVBUF -> receiveBuffer = positive(value, "SO_RCVBUF");
            case SocketOptions.IP_TOS -> trafficClass = intValue(value, "IP_TOS");
            default -> throw new SocketException("Unknown option " + id + " (the simulated socket supports "
                    + IDS.keySet().stream().map(SocketOption::name).sorted().toList() + " and SO_TIMEOUT)");
        }
    }

    /** Option {@code id}'s value as the JDK returns it ({@code SO_LINGER}: false when off). */
    Object get(int id) throws SocketException {
        return switch (id) {
            case SocketOptions.SO_TIMEOUT -> timeoutMillis;
            case SocketOptions.TCP_NODELAY -> noDelay;
            case SocketOptions.SO_KEEPALIVE -> keepAlive;
            case SocketOptions.SO_REUSEADDR -> reuseAddress;
            case SocketOptions.SO_OOBINLINE -> oobInline;
            case SocketOptions.SO_LINGER -> linger < 0 ? Boolean.FALSE : (Object) linger;
            case SocketOptions.SO_SNDBUF -> sendBuffer;
            case SocketOptions.SO_RCVBUF -> receiveBuffer;
            case SocketOptions.IP_TOS -> trafficClass;
            default -> throw new SocketException("Unknown option " + id);
        };
    }

    /** Sets {@code option}, one of {@link #supported}. */
    <T> void set(SocketOption<T> option, T value, boolean server) throws SocketException {
        int id = idOf(option, server);
        set(id, id == SocketOptions.SO_LINGER && value instanceof Integer seconds && seconds < 0 ? false : value);
    }

    /** {@code option}'s value, as {@link StandardSocketOptions} types it ({@code SO_LINGER}: -1 when off). */
    <T> T get(SocketOption<T> option, boolean server) throws SocketException {
        int id = idOf(option, server);
        Object value = id == SocketOptions.SO_LINGER ? (Object) linger : get(id);
        return option.type().cast(value);
    }

    private static int idOf(SocketOption<?> option, boolean server) {
        if (!supported(server).contains(option)) {
            throw new UnsupportedOperationException("'" + option + "' not supported by a simulated "
                    + (server ? "server " : "") + "socket (it supports " + supported(server) + ")");
        }
        return IDS.get(option);
    }

    private static int intValue(Object value, String name) throws SocketException {
        if (value instanceof Integer i) {
            return i;
        }
        throw new SocketException("Bad value for " + name + ": " + value);
    }

    private static int positive(Object value, String name) throws SocketException {
        int i = intValue(value, name);
        if (i <= 0) {
            throw new SocketException(name + " <= 0");
        }
        return i;
    }

    private static boolean booleanValue(Object value, String name) throws SocketException {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new SocketException("Bad value for " + name + ": " + value);
    }
}
