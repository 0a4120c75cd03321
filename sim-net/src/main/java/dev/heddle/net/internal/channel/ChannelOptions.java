package dev.heddle.net.internal.channel;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The socket options of one simulated channel: the options the JDK's channel of the same kind
 * supports, with its defaults, checked as it checks them. They are kept and read back, and change
 * nothing on the simulated network, whose window and latency are the links' (so code that tunes
 * {@code TCP_NODELAY} or buffer sizes runs unchanged).
 */
final class ChannelOptions {
    /** The JDK's default buffer sizes on Linux are larger; this is sim-net's window, which is what applies. */
    private static final int BUFFER = 64 * 1024;

    private final Map<SocketOption<?>, Object> values;

    private ChannelOptions(Map<SocketOption<?>, Object> defaults) {
        this.values = new LinkedHashMap<>(defaults);
    }

    /** A {@code SocketChannel}'s options. */
    static ChannelOptions forStream() {
        Map<SocketOption<?>, Object> defaults = new LinkedHashMap<>();
        defaults.put(StandardSocketOptions.SO_SNDBUF, BUFFER);
        defaults.put(StandardSocketOptions.SO_RCVBUF, BUFFER);
        defaults.put(StandardSocketOptions.SO_KEEPALIVE, false);
        defaults.put(StandardSocketOptions.SO_REUSEADDR, false);
        defaults.put(StandardSocketOptions.SO_LINGER, -1);
        defaults.put(StandardSocketOptions.TCP_NODELAY, false);
        defaults.put(StandardSocketOptions.IP_TOS, 0);
        return new ChannelOptions(defaults);
    }

    /** A {@code ServerSocketChannel}'s options; the JDK turns {@code SO_REUSEADDR} on for listeners. */
    static ChannelOptions forListener() {
        Map<SocketOption<?>, Object> defaults = new LinkedHashMap<>();
        defaults.put(StandardSocketOptions.SO_RCVBUF, BUFFER);
        defaults.put(StandardSocketOptions.SO_REUSEADDR, true);
        return new ChannelOptions(defaults);
    }

    /** A {@code DatagramChannel}'s options (multicast ones are kept; multicast itself is not simulated). */
    static ChannelOptions forDatagrams() {
        Map<SocketOption<?>, Object> defaults = new LinkedHashMap<>();
        defaults.put(StandardSocketOptions.SO_SNDBUF, BUFFER);
        defaults.put(StandardSocketOptions.SO_RCVBUF, BUFFER);
        defaults.put(StandardSocketOptions.SO_REUSEADDR, false);
        defaults.put(StandardSocketOptions.SO_BROADCAST, false);
        defaults.put(StandardSocketOptions.IP_TOS, 0);
        defaults.put(StandardSocketOptions.IP_MULTICAST_TTL, 1);
        defaults.put(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        return new ChannelOptions(defaults);
    }

    Set<SocketOption<?>> supported() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /**
     * Sets {@code name} to {@code value}.
     *
     * @throws UnsupportedOperationException if the channel has no such option, as the JDK's
     * @throws IllegalArgumentException if the value is null or out of range, as the JDK's
     */
    <T> void set(SocketOption<T> name, T value) {
        check(name);
        if (value == null) {
            throw new IllegalArgumentException("Invalid value 'null' for socket option " + name.name());
        }
        boolean size = name == StandardSocketOptions.SO_SNDBUF || name == StandardSocketOptions.SO_RCVBUF;
        if (size && (Integer) value <= 0) {
            throw new IllegalArgumentException("Invalid send/receive buffer size " + value + " for " + name.name());
        }
        if (name == StandardSocketOptions.IP_TOS && ((Integer) value < 0 || (Integer) value > 255)) {
            throw new IllegalArgumentException("Invalid IP_TOS value " + value + ": 0 to 255");
        }
        values.put(name, name == StandardSocketOptions.SO_LINGER && (Integer) value < 0 ? -1 : value);
    }

    <T> T get(SocketOption<T> name) {
        check(name);
        return name.type().cast(values.get(name));
    }

    private void check(SocketOption<?> name) {
        if (name == null) {
            throw new NullPointerException("socket option name");
        }
        if (!values.containsKey(name)) {
            throw new UnsupportedOperationException("'" + name + "' not supported");
        }
    }
}
