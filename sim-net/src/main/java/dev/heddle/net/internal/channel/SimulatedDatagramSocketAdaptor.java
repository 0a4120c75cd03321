package dev.heddle.net.internal.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.IllegalBlockingModeException;
import java.util.Arrays;
import java.util.Set;

/**
 * What {@link SimulatedDatagramChannel#socket()} returns: the channel as a {@link DatagramSocket},
 * as the JDK's own adaptor makes it. {@link #receive} fills the packet's buffer up to its current
 * length (cutting a longer datagram) and is bounded by {@link #setSoTimeout} in virtual time
 * ({@code SocketTimeoutException} "Receive timed out").
 */
final class SimulatedDatagramSocketAdaptor extends DatagramSocket {
    private final SimulatedDatagramChannel channel;
    private final AdaptorOptions options;

    SimulatedDatagramSocketAdaptor(SimulatedDatagramChannel channel) {
        super(new NoDatagramSocketImpl());
        this.channel = channel;
        this.options = new AdaptorOptions(channel);
    }

    @Override
    public void bind(SocketAddress local) throws SocketException {
        if (local != null && !(local instanceof InetSocketAddress)) {
            throw new IllegalArgumentException("Unsupported address type!");
        }
        try {
            channel.bind(local);
        } catch (IOException e) {
            throw SocketFailures.asSocketException(e);
        }
    }

    @Override
    public void connect(InetAddress address, int port) {
        try {
            connect(new InetSocketAddress(address, port));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void connect(SocketAddress remote) throws SocketException {
        if (remote == null) {
            throw new IllegalArgumentException("Address can't be null");
        }
        try {
            channel.connect(remote);
        } catch (IOException e) {
            throw SocketFailures.asSocketException(e);
        }
    }

    @Override
    public void disconnect() {
        try {
            channel.disconnect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isBound() {
        return channel.localAddress() != null;
    }

    @Override
    public boolean isConnected() {
        return channel.isConnected();
    }

    @Override
    public InetAddress getInetAddress() {
        InetSocketAddress peer = channel.remoteAddress();
        return peer == null ? null : peer.getAddress();
    }

    @Override
    public int getPort() {
        InetSocketAddress peer = channel.remoteAddress();
        return peer == null ? -1 : peer.getPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return channel.remoteAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return channel.isOpen() ? channel.localAddress() : null;
    }

    @Override
    public InetAddress getLocalAddress() {
        InetSocketAddress local = channel.localAddress();
        if (!channel.isOpen()) {
            return null;
        }
        return local == null ? new InetSocketAddress(0).getAddress() : local.getAddress();
    }

    @Override
    public int getLocalPort() {
        InetSocketAddress local = channel.localAddress();
        return !channel.isOpen() ? -1 : local == null ? 0 : local.getPort();
    }

    @Override
    public void send(DatagramPacket p) throws IOException {
        InetSocketAddress peer = channel.remoteAddress();
        InetSocketAddress to;
        if (p.getAddress() == null) {
            if (peer == null) {
                throw new IllegalArgumentException("Address not set");
            }
            to = peer;
        } else {
            to = new InetSocketAddress(p.getAddress(), p.getPort());
            if (peer != null && !peer.equals(to)) {
                throw new IllegalArgumentException("Connected address and packet address differ");
            }
        }
        byte[] payload = Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
        SocketFailures.translated(() -> {
            channel.send(payload, to);
            return null;
        });
    }

    @Override
    public void receive(DatagramPacket p) throws IOException {
        if (!channel.isBlocking()) {
            throw new IllegalBlockingModeException();
        }
        var packet = SocketFailures.translated(() -> channel.receive(options.timeoutMillis()));
        int n = Math.min(p.getLength(), packet.payload().length);
        System.arraycopy(packet.payload(), 0, p.getData(), p.getOffset(), n);
        p.setLength(n);
        p.setSocketAddress(packet.sender());
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
    public void setReuseAddress(boolean on) throws SocketException {
        options.set(StandardSocketOptions.SO_REUSEADDR, on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return options.get(StandardSocketOptions.SO_REUSEADDR);
    }

    @Override
    public void setBroadcast(boolean on) throws SocketException {
        options.set(StandardSocketOptions.SO_BROADCAST, on);
    }

    @Override
    public boolean getBroadcast() throws SocketException {
        return options.get(StandardSocketOptions.SO_BROADCAST);
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
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public DatagramChannel getChannel() {
        return channel;
    }

    @Override
    public <T> DatagramSocket setOption(SocketOption<T> name, T value) throws IOException {
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
    public void joinGroup(SocketAddress group, NetworkInterface netIf) throws IOException {
        throw new SocketException("multicast is not simulated: send to each member instead");
    }

    @Override
    public void leaveGroup(SocketAddress group, NetworkInterface netIf) throws IOException {
        throw new SocketException("multicast is not simulated: send to each member instead");
    }
}
