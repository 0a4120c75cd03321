package dev.heddle.net.internal.channel;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;

/**
 * The options of a channel's {@code socket()} adaptor, as the JDK's three adaptors handle them:
 * {@code SO_TIMEOUT}, which only the adaptor has (a channel never times out) and which bounds its
 * blocking calls in virtual time, and the channel's own options, set and read through the channel
 * with its failures as the {@link SocketException} the {@code java.net} setters declare.
 */
final class AdaptorOptions {
    private final NetworkChannel channel;
    private volatile int timeout;

    AdaptorOptions(NetworkChannel channel) {
        this.channel = channel;
    }

    /** {@code setSoTimeout}: the limit of the adaptor's blocking calls, 0 for none. */
    void setSoTimeout(int timeout) throws SocketException {
        if (!channel.isOpen()) {
            throw new SocketException("Socket is closed");
        }
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout < 0");
        }
        this.timeout = timeout;
    }

    /** {@code getSoTimeout}, which fails on a closed socket. */
    int getSoTimeout() throws SocketException {
        if (!channel.isOpen()) {
            throw new SocketException("Socket is closed");
        }
        return timeout;
    }

    /** The limit for a blocking call in milliseconds, 0 for none; read without a check, as the call checks. */
    int timeoutMillis() {
        return timeout;
    }

    /** Sets the channel's option {@code name}, as an adaptor's {@code setXxx} does. */
    <T> void set(SocketOption<T> name, T value) throws SocketException {
        try {
            channel.setOption(name, value);
        } catch (IOException e) {
            throw SocketFailures.asSocketException(e);
        }
    }

    /** The channel's option {@code name}, as an adaptor's {@code getXxx} returns it. */
    <T> T get(SocketOption<T> name) throws SocketException {
        try {
            return channel.getOption(name);
        } catch (IOException e) {
            throw SocketFailures.asSocketException(e);
        }
    }
}
