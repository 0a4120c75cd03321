package dev.heddle.net.internal.channel;

import dev.heddle.net.UdpSocket;
import dev.heddle.net.internal.DatagramDriver;
import dev.heddle.net.internal.ReceivedPacket;
import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.net.internal.sim.SimReadiness;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.sync.SetOnce;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SelectionKey;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link DatagramChannel} of a simulated task: a sim-net UDP socket on the task's host, in
 * blocking mode, so each datagram may be lost, duplicated, reordered or delayed as the links are
 * set. It binds to a free port of the host on first use if not bound; once connected it receives
 * only its peer's datagrams (others are dropped, as the JDK's are) and may {@link #read} and
 * {@link #write}. A datagram longer than the buffer it is received into is cut, as UDP's are.
 * In non-blocking mode a receive with no datagram there returns null and a read 0. Multicast is
 * not simulated.
 */
public final class SimulatedDatagramChannel extends DatagramChannel implements SimulatedChannel {
    private final SimNetwork network;
    private final ChannelOptions options = ChannelOptions.forDatagrams();
    private volatile DatagramDriver socket;
    private volatile InetSocketAddress remote;
    private DatagramSocket adaptor;

    /** An unbound channel, as {@code DatagramChannel.open()} returns. */
    public SimulatedDatagramChannel(SelectorProvider provider, SimNetwork network) {
        super(provider);
        this.network = network;
    }

    @Override
    public DatagramChannel bind(SocketAddress local) throws IOException {
        ensureOpen();
        if (socket != null) {
            throw new AlreadyBoundException();
        }
        InetSocketAddress address = LocalAddresses.bindable(network, local);
        try {
            socket = network.bindUdp(address);
        } catch (IOException e) {
            throw JdkFailures.of(e, true);
        }
        return this;
    }

    /** The socket, bound to a free port first if it was not bound. */
    private DatagramDriver bound() throws IOException {
        if (socket == null) {
            bind(null);
        }
        return socket;
    }

    @Override
    public DatagramChannel connect(SocketAddress remote) throws IOException {
        InetSocketAddress address = LocalAddresses.destination(network, remote);
        ensureOpen();
        if (this.remote != null) {
            throw new AlreadyConnectedException();
        }
        bound();
        this.remote = address;
        return this;
    }

    @Override
    public DatagramChannel disconnect() throws IOException {
        remote = null;
        return this;
    }

    @Override
    public boolean isConnected() {
        return remote != null;
    }

    @Override
    public SocketAddress receive(ByteBuffer dst) throws IOException {
        Objects.requireNonNull(dst, "dst");
        ReceivedPacket packet = receive(0);
        if (packet == null) {
            return null;
        }
        dst.put(packet.payload(), 0, Math.min(dst.remaining(), packet.payload().length));
        return packet.sender();
    }

    /**
     * The next datagram (from the peer, when connected), waiting at most {@code timeoutMillis} of
     * virtual time when positive (the adaptor's {@code SO_TIMEOUT}); in non-blocking mode null
     * when none is there.
     */
    ReceivedPacket receive(int timeoutMillis) throws IOException {
        ensureOpen();
        DatagramDriver bound = bound();
        return JdkFailures.translated(this, () -> {
            while (true) {
                SelectableOp<ReceivedPacket> receive = bound.receiveOp();
                ReceivedPacket packet;
                if (isBlocking()) {
                    packet = ChannelWait.await(receive, null, null, timeoutMillis,
                            () -> new SocketTimeoutException("Receive timed out"));
                } else if (receive.tryNow()) {
                    packet = receive.result();
                } else {
                    return null;
                }
                InetSocketAddress peer = remote;
                if (peer == null || peer.equals(packet.sender())) {
                    return packet;
                }
            }
        });
    }

    @Override
    public SelectableOp<?> readinessOp(int operation) {
        DatagramDriver bound = socket;
        return switch (operation) {
            case SelectionKey.OP_READ -> bound == null ? null : SimReadiness.receivable(bound);
            case SelectionKey.OP_WRITE -> SetOnce.of(true).awaitOp();
            default -> null;
        };
    }

    @Override
    public int send(ByteBuffer src, SocketAddress target) throws IOException {
        Objects.requireNonNull(src, "src");
        InetSocketAddress to = LocalAddresses.destination(network, target);
        ensureOpen();
        InetSocketAddress peer = remote;
        if (peer != null && !peer.equals(to)) {
            throw new AlreadyConnectedException();
        }
        byte[] payload = new byte[src.remaining()];
        src.get(payload);
        send(payload, to);
        return payload.length;
    }

    /** Sends {@code payload} as one datagram to {@code to}. */
    void send(byte[] payload, InetSocketAddress to) throws IOException {
        ensureOpen();
        if (payload.length > UdpSocket.MAX_PAYLOAD) {
            throw new SocketException("Message too long");
        }
        try {
            bound().send(payload, to);
        } catch (IOException e) {
            throw JdkFailures.of(e, isOpen());
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        Objects.requireNonNull(dst, "dst");
        return (int) read(new ByteBuffer[] {dst}, 0, 1);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        ensureOpen();
        connected();
        ReceivedPacket packet = receive(0);
        if (packet == null) {
            return 0;
        }
        return ScatterGather.scatter(packet.payload(), packet.payload().length, dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        Objects.requireNonNull(src, "src");
        return (int) write(new ByteBuffer[] {src}, 0, 1);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        ensureOpen();
        InetSocketAddress peer = connected();
        byte[] payload = ScatterGather.copied(srcs, offset, length);
        ScatterGather.advance(srcs, offset, length, payload.length);
        send(payload, peer);
        return payload.length;
    }

    @Override
    public synchronized DatagramSocket socket() {
        if (adaptor == null) {
            adaptor = new SimulatedDatagramSocketAdaptor(this);
        }
        return adaptor;
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        ensureOpen();
        return remote;
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        return localAddress();
    }

    /** The bound address, or null if unbound, on a closed channel too (for the adaptor). */
    InetSocketAddress localAddress() {
        DatagramDriver bound = socket;
        return bound == null ? null : bound.localAddress();
    }

    /** The connected peer, or null, on a closed channel too (for the adaptor). */
    InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public MembershipKey join(InetAddress group, NetworkInterface interf) {
        throw multicast();
    }

    @Override
    public MembershipKey join(InetAddress group, NetworkInterface interf, InetAddress source) {
        throw multicast();
    }

    private static UnsupportedOperationException multicast() {
        return new UnsupportedOperationException("multicast is not simulated: the simulated network delivers a"
                + " datagram to the one socket bound to its address; send to each member instead");
    }

    @Override
    public <T> DatagramChannel setOption(SocketOption<T> name, T value) throws IOException {
        ensureOpen();
        options.set(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        ensureOpen();
        return options.get(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return options.supported();
    }

    @Override
    protected void implCloseSelectableChannel() throws IOException {
        DatagramDriver bound = socket;
        if (bound != null) {
            bound.close();
        }
    }

    @Override
    protected void implConfigureBlocking(boolean block) {
        // receive reads isBlocking() when it runs; sends never wait.
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    private InetSocketAddress connected() {
        InetSocketAddress peer = remote;
        if (peer == null) {
            throw new NotYetConnectedException();
        }
        return peer;
    }

    @Override
    public String toString() {
        InetSocketAddress local = localAddress();
        InetSocketAddress peer = remote;
        return "simulated DatagramChannel" + (local == null ? " (unbound)" : " " + local)
                + (peer == null ? "" : " -> " + peer) + (isOpen() ? "" : " (closed)");
    }
}
