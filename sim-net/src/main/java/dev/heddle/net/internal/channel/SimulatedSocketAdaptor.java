package dev.heddle.net.internal.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link SimulatedSocketChannel#socket()} returns: the channel as a {@link Socket}, as the
 * JDK's own adaptor makes it, for code that mixes the two APIs. Its streams read and write the
 * channel; {@link #setSoTimeout} bounds their reads in virtual time ({@code SocketTimeoutException}
 * "Read timed out", the socket staying usable), and {@code connect(address, timeout)} bounds the
 * connect ("Connect timed out"). Every method is the channel's, with the socket's exceptions.
 */
final class SimulatedSocketAdaptor extends Socket {
    private final SimulatedSocketChannel channel;
    private final AdaptorOptions options;

    /** A socket with no {@code SocketImpl} (the JDK's adaptor has none either): every method is overridden. */
    SimulatedSocketAdaptor(SimulatedSocketChannel channel) throws SocketException {
        super((SocketImpl) null);
        this.channel = channel;
        this.options = new AdaptorOptions(channel);
    }

    @Override
    public void connect(SocketAddress remote) throws IOException {
        connect(remote, 0);
    }

    @Override
    public void connect(SocketAddress remote, int timeout) throws IOException {
        if (remote == null) {
            throw new IllegalArgumentException("connect: The address can't be null");
        }
        if (timeout < 0) {
            throw new IllegalArgumentException("connect: timeout can't be negative");
        }
        if (remote instanceof InetSocketAddress inet && inet.isUnresolved()) {
            close();
            throw new UnknownHostException(inet.getHostString());
        }
        if (!channel.isBlocking()) {
            throw new IllegalBlockingModeException();
        }
        SocketFailures.translated(() -> channel.connect(remote, timeout));
    }

    @Override
    public void bind(SocketAddress local) throws IOException {
        SocketFailures.translated(() -> channel.bind(local));
    }

    @Override
    public InetAddress getInetAddress() {
        InetSocketAddress remote = channel.remoteAddress();
        return remote == null ? null : remote.getAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        InetSocketAddress local = channel.localAddress();
        return channel.isOpen() && local != null ? local.getAddress() : new InetSocketAddress(0).getAddress();
    }

    @Override
    public int getPort() {
        InetSocketAddress remote = channel.remoteAddress();
        return remote == null ? 0 : remote.getPort();
    }

    @Override
    public int getLocalPort() {
        InetSocketAddress local = channel.localAddress();
        return local == null ? -1 : local.getPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return channel.remoteAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return channel.localAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return channel;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        checkUsable();
        if (channel.isInputShut()) {
            throw new SocketException("Socket input is shutdown");
        }
        return new Input();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        checkUsable();
        if (channel.isOutputShut()) {
            throw new SocketException("Socket output is shutdown");
        }
        return new Output();
    }

    private void checkUsable() throws SocketException {
        if (!channel.isOpen()) {
            throw new SocketException("Socket is closed");
        }
        if (!channel.isConnected()) {
            throw new SocketException("Socket is not connected");
        }
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
    public void setTcpNoDelay(boolean on) throws SocketException {
        options.set(StandardSocketOptions.TCP_NODELAY, on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return options.get(StandardSocketOptions.TCP_NODELAY);
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        options.set(StandardSocketOptions.SO_LINGER, on ? linger : -1);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return options.get(StandardSocketOptions.SO_LINGER);
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        throw new SocketException("urgent data (TCP out-of-band) is not simulated: send it in the stream");
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        if (on) {
            throw new SocketException("SO_OOBINLINE is not simulated: the simulated network has no urgent data");
        }
    }

    @Override
    public boolean getOOBInline() {
        return false;
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        if (size <= 0) {
            throw new IllegalArgumentException("Invalid send size");
        }
        options.set(StandardSocketOptions.SO_SNDBUF, size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return options.get(StandardSocketOptions.SO_SNDBUF);
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        if (size <= 0) {
            throw new IllegalArgumentException("Invalid receive size");
        }
        options.set(StandardSocketOptions.SO_RCVBUF, size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return options.get(StandardSocketOptions.SO_RCVBUF);
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        options.set(StandardSocketOptions.SO_KEEPALIVE, on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return options.get(StandardSocketOptions.SO_KEEPALIVE);
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        options.set(StandardSocketOptions.IP_TOS, tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return options.get(StandardSocketOptions.IP_TOS);
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
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public void shutdownInput() throws IOException {
        SocketFailures.translated(channel::shutdownInput);
    }

    @Override
    public void shutdownOutput() throws IOException {
        SocketFailures.translated(channel::shutdownOutput);
    }

    @Override
    public boolean isConnected() {
        return channel.isConnected();
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
    public boolean isInputShutdown() {
        return channel.isInputShut();
    }

    @Override
    public boolean isOutputShutdown() {
        return channel.isOutputShut();
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
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
        return channel.isConnected() ? "Socket[addr=" + getInetAddress() + ",port=" + getPort() + ",localport="
                + getLocalPort() + "]" : "Socket[unconnected]";
    }

    /** The socket's input: reads of the channel, bounded by {@code SO_TIMEOUT}; closing it closes the socket. */
    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, into.length);
            if (!channel.isBlocking()) {
                throw new IllegalBlockingModeException();
            }
            return SocketFailures.translated(() -> channel.read(into, offset, length, options.timeoutMillis()));
        }

        @Override
        public void close() throws IOException {
            SimulatedSocketAdaptor.this.close();
        }
    }

    /** The socket's output: writes every byte to the channel; closing it closes the socket. */
    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] from, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, from.length);
            if (!channel.isBlocking()) {
                throw new IllegalBlockingModeException();
            }
            SocketFailures.translated(() -> {
                channel.write(from, offset, length);
                return null;
            });
        }

        @Override
        public void close() throws IOException {
            SimulatedSocketAdaptor.this.close();
        }
    }
}
