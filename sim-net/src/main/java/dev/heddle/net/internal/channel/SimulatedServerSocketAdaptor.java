package dev.heddle.net.internal.channel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;

/**
 * What {@link SimulatedServerSocketChannel#socket()} returns: the channel as a {@link ServerSocket},
 * as the JDK's own adaptor makes it. {@link #accept()} returns the accepted channel's socket, and
 * {@link #setSoTimeout} bounds it in virtual time ({@code SocketTimeoutException} "Accept timed out").
 */
final class SimulatedServerSocketAdaptor extends ServerSocket {
    private final SimulatedServerSocketChannel channel;
    private final AdaptorOptions options;

    SimulatedServerSocketAdaptor(SimulatedServerSocketChannel channel) {
        super(NoSocketImpl.INSTANCE);
        this.channel = channel;
        this.options = new AdaptorOptions(channel);
    }

    @Override
    public void bind(SocketAddress local) throws IOException {
        bind(local, 50);
    }

    @Override
    public void bind(SocketAddress local, int backlog) throws IOException {
        SocketFailures.translated(() -> channel.bind(local, backlog));
    }

    @Override
    public InetAddress getInetAddress() {
        return channel.localAddress() == null ? null : channel.localAddress().getAddress();
    }

    @Override
    public int getLocalPort() {
        return channel.localAddress() == null ? -1 : channel.localAddress().getPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return channel.localAddress();
    }

    @Override
    public Socket accept() throws IOException {
        if (!channel.isBlocking()) {
            throw new IllegalBlockingModeException();
        }
        return SocketFailures.translated(() -> channel.accept(options.timeoutMillis()).socket());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public ServerSocketChannel getChannel() {
        return channel;
    }

    @Override
    public boolean isBound() {
        return channel.localAddress() != null;
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        options.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return options.getSoTimeout();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        options.set(StandardSocketOptions.SO_REUSEADDR, on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return options.get(StandardSocketOptions.SO_REUSEADDR);
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        if (size <= 0) {
            throw new IllegalArgumentException("size cannot be 0 or negative");
        }
        options.set(StandardSocketOptions.SO_RCVBUF, size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return options.get(StandardSocketOptions.SO_RCVBUF);
    }

    @Override
    public <T> ServerSocket setOption(SocketOption<T> name, T value) throws IOException {
        channel.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return channel.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return channel.supportedOptions();
    }

    @Override
    public String toString() {
        return channel.localAddress() == null ? "ServerSocket[unbound]"
                : "ServerSocket[addr=" + getInetAddress() + ",localport=" + getLocalPort() + "]";
    }
}
