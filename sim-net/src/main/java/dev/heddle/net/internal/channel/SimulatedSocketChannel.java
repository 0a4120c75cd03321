package dev.heddle.net.internal.channel;

import dev.heddle.net.internal.StreamDriver;
import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.net.internal.sim.SimReadiness;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.sync.SetOnce;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link SocketChannel} of a simulated task: a sim-net TCP connection of the run's
 * {@link SimNetwork}, with the JDK channel's rules (what may be called when, which exception says
 * what). In blocking mode reads wait for at least one byte and writes send every byte, waiting
 * while the connection's window is full; each wait is a suspension point of the task. A read
 * waiting when another task closes the channel fails with
 * {@link java.nio.channels.AsynchronousCloseException}; one waiting when another task shuts the
 * input down returns -1, as on Linux. In non-blocking mode nothing waits: a read returns 0 when
 * no byte is there, a write sends what the window has room for, a connect returns false and
 * {@link #finishConnect} completes it once the answer is in, which a {@link SimulatedSelector}
 * reports as {@code OP_CONNECT}.
 */
public final class SimulatedSocketChannel extends SocketChannel implements SimulatedChannel {
    private final SimNetwork network;
    private final ChannelOptions options = ChannelOptions.forStream();
    private final SetOnce<Boolean> inputShut = new SetOnce<>();
    /** Set when the channel closes, so that a blocking connect waiting for its answer ends at once. */
    private final SetOnce<Boolean> closing = new SetOnce<>();
    private volatile StreamDriver stream;
    private volatile InetSocketAddress bound;
    /** The connect under way: waited on in blocking mode, polled by finishConnect in non-blocking mode. */
    private volatile SelectableOp<StreamDriver> pending;
    private volatile boolean outputShut;
    private Socket adaptor;

    /** An unconnected channel, as {@code SocketChannel.open()} returns. */
    public SimulatedSocketChannel(SelectorProvider provider, SimNetwork network) {
        super(provider);
        this.network = network;
    }

    /** A channel on a connection a listener accepted. */
    SimulatedSocketChannel(SelectorProvider provider, SimNetwork network, StreamDriver accepted) {
        this(provider, network);
        this.stream = accepted;
        this.bound = accepted.localAddress();
    }

    @Override
    public SocketChannel bind(SocketAddress local) throws IOException {
        ensureOpen();
        if (pending != null) {
            throw new ConnectionPendingException();
        }
        if (stream != null) {
            throw new AlreadyConnectedException();
        }
        if (bound != null) {
            throw new AlreadyBoundException();
        }
        InetSocketAddress address = LocalAddresses.bindable(network, local);
        if (address.getPort() != 0) {
            throw new UnsupportedOperationException("binding a simulated SocketChannel to port " + address.getPort()
                    + " before it connects is not simulated: bind to port 0 (or not at all); the connection takes"
                    + " a free port of the host when it connects");
        }
        bound = address;
        return this;
    }

    @Override
    public boolean connect(SocketAddress remote) throws IOException {
        return connect(remote, 0);
    }

    /**
     * Connects, waiting at most {@code timeoutMillis} of virtual time when positive (the
     * adaptor's {@code connect(address, timeout)}); in non-blocking mode starts the connect and
     * returns whether it is done already. A failed connect closes the channel, as the JDK's does.
     */
    boolean connect(SocketAddress remote, int timeoutMillis) throws IOException {
        InetSocketAddress address = LocalAddresses.destination(network, remote);
        ensureOpen();
        if (stream != null) {
            throw new AlreadyConnectedException();
        }
        if (pending != null) {
            throw new ConnectionPendingException();
        }
        SelectableOp<StreamDriver> connect = network.connectOp(null, address);
        pending = connect;
        if (!isBlocking()) {
            return connect.tryNow() && connected(connect);
        }
        try {
            if (ChannelWait.await(connect, closing.awaitOp(), null, timeoutMillis,
                    () -> new SocketTimeoutException("Connect timed out")) == null) {
                throw new ClosedChannelException();
            }
        } catch (IOException e) {
            throw connectFailed(e, isOpen());
        }
        return connected(connect);
    }

    /** Takes the outcome of {@code connect}, which has its answer: connected, or closed and failed. */
    private boolean connected(SelectableOp<StreamDriver> connect) throws IOException {
        pending = null;
        StreamDriver connection;
        try {
            connection = connect.result();
        } catch (UncheckedIOException e) {
            throw connectFailed(e.getCause(), isOpen());
        }
        if (!isOpen()) {
            connection.close();
            throw JdkFailures.of(new ClosedChannelException(), false);
        }
        stream = connection;
        bound = connection.localAddress();
        return true;
    }

    /**
     * Gives the failed connect up and closes the channel, as the JDK's does, and returns its
     * failure as the JDK's; {@code open} says whether the channel was open when it failed.
     */
    private IOException connectFailed(IOException failure, boolean open) throws IOException {
        pending = null;
        close();
        return JdkFailures.of(failure, open);
    }

    @Override
    public boolean finishConnect() throws IOException {
        ensureOpen();
        if (stream != null) {
            return true;
        }
        SelectableOp<StreamDriver> connect = pending;
        if (connect == null) {
            throw new NoConnectionPendingException();
        }
        if (isBlocking()) {
            try {
                ChannelWait.await(connect, null, null, 0, null);
            } catch (IOException e) {
                throw connectFailed(e, false);
            }
            return connected(connect);
        }
        return connect.tryNow() && connected(connect);
    }

    @Override
    public boolean isConnected() {
        return stream != null;
    }

    @Override
    public boolean isConnectionPending() {
        return pending != null;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        Objects.requireNonNull(dst, "dst");
        return (int) read(new ByteBuffer[] {dst}, 0, 1);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        byte[] bytes = new byte[(int) Math.min(ScatterGather.remaining(dsts, offset, length), 64 * 1024)];
        int count = read(bytes, 0, bytes.length, 0);
        ScatterGather.scatter(bytes, count, dsts, offset, length);
        return count;
    }

    /**
     * Reads at least one byte into {@code into}, -1 at the end or once the input is shut down;
     * waits at most {@code timeoutMillis} of virtual time when positive (the adaptor's
     * {@code SO_TIMEOUT}), then throws {@link SocketTimeoutException}, having read nothing. In
     * non-blocking mode returns 0 when no byte is there.
     */
    int read(byte[] into, int offset, int length, int timeoutMillis) throws IOException {
        ensureOpen();
        StreamDriver connected = connected();
        if (inputShut.isInitialized()) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        SelectableOp<Integer> read = connected.readOp(into, offset, length);
        return JdkFailures.translated(this, () -> {
            if (!isBlocking()) {
                return read.tryNow() ? read.result() : 0;
            }
            return ChannelWait.await(read, inputShut.awaitOp(), -1, timeoutMillis,
                    () -> new SocketTimeoutException("Read timed out"));
        });
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        Objects.requireNonNull(src, "src");
        return (int) write(new ByteBuffer[] {src}, 0, 1);
    }

    /** Writes every byte in blocking mode; in non-blocking mode what the window has room for, maybe none. */
    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        byte[] bytes = ScatterGather.copied(srcs, offset, length);
        int written = isBlocking() ? writeAll(bytes) : writeSome(bytes);
        ScatterGather.advance(srcs, offset, length, written);
        return written;
    }

    /** Writes every byte of {@code from}, waiting while the connection's window is full. */
    int writeAll(byte[] from) throws IOException {
        write(from, 0, from.length);
        return from.length;
    }

    /** Writes every byte, waiting while the connection's window is full (the adaptor's output stream). */
    void write(byte[] from, int offset, int length) throws IOException {
        StreamDriver connected = writable();
        try {
            for (int done = 0; done < length; ) {
                done += connected.write(from, offset + done, length - done);
            }
        } catch (IOException e) {
            throw JdkFailures.of(e, isOpen());
        }
    }

    /** Writes what the window has room for now, without waiting. */
    private int writeSome(byte[] from) throws IOException {
        StreamDriver connected = writable();
        if (from.length == 0) {
            return 0;
        }
        SelectableOp<Integer> write = SimReadiness.write(connected, from, 0, from.length);
        try {
            return write.tryNow() ? write.result() : 0;
        } catch (UncheckedIOException e) {
            throw JdkFailures.of(e.getCause(), isOpen());
        }
    }

    private StreamDriver writable() throws IOException {
        ensureOpen();
        StreamDriver connected = connected();
        if (outputShut) {
            throw new ClosedChannelException();
        }
        return connected;
    }

    @Override
    public SocketChannel shutdownInput() throws IOException {
        ensureOpen();
        connected();
        if (!inputShut.isInitialized()) {
            inputShut.set(true);
        }
        return this;
    }

    @Override
    public SocketChannel shutdownOutput() throws IOException {
        ensureOpen();
        StreamDriver connected = connected();
        outputShut = true;
        connected.shutdownOutput();
        return this;
    }

    boolean isInputShut() {
        return inputShut.isInitialized();
    }

    boolean isOutputShut() {
        return outputShut;
    }

    @Override
    public SelectableOp<?> readinessOp(int operation) {
        StreamDriver connected = stream;
        SelectableOp<StreamDriver> connect = pending;
        return switch (operation) {
            case SelectionKey.OP_READ -> connected == null ? null
                    : inputShut.isInitialized() ? inputShut.awaitOp() : SimReadiness.readable(connected);
            case SelectionKey.OP_WRITE -> connected == null ? null : SimReadiness.writable(connected);
            case SelectionKey.OP_CONNECT -> connect == null ? null : SimReadiness.answered(connect);
            default -> null;
        };
    }

    @Override
    public synchronized Socket socket() {
        if (adaptor == null) {
            try {
                adaptor = new SimulatedSocketAdaptor(this);
            } catch (SocketException e) {
                throw new IllegalStateException("java.net.Socket refused an adaptor without a SocketImpl", e);
            }
        }
        return adaptor;
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        ensureOpen();
        return remoteAddress();
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        return bound;
    }

    /** The local address, or null if unbound, on a closed channel too (for the adaptor). */
    InetSocketAddress localAddress() {
        return bound;
    }

    /** The remote address, or null if unconnected, on a closed channel too (for the adaptor). */
    InetSocketAddress remoteAddress() {
        StreamDriver connected = stream;
        return connected == null ? null : connected.peerAddress();
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) throws IOException {
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

    /**
     * Closes the connection; a connect still under way is given up (its connection, should it
     * arrive, is closed), and a blocking connect waiting on it fails as closed.
     */
    @Override
    protected void implCloseSelectableChannel() throws IOException {
        closing.set(true);
        SelectableOp<StreamDriver> connect = pending;
        if (connect != null && !isBlocking()) {
            pending = null;
            connect.dequeue();
            if (connect.tryNow()) {
                try {
                    connect.result().close();
                } catch (UncheckedIOException refused) {
                    // Nothing was opened.
                }
            }
        }
        StreamDriver connected = stream;
        if (connected != null) {
            connected.close();
        }
    }

    @Override
    protected void implConfigureBlocking(boolean block) {
        // Each operation reads isBlocking() when it runs.
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    private StreamDriver connected() {
        StreamDriver connected = stream;
        if (connected == null) {
            throw new NotYetConnectedException();
        }
        return connected;
    }

    @Override
    public String toString() {
        StreamDriver connected = stream;
        return "simulated SocketChannel" + (connected == null ? " (unconnected)" : " " + connected.localAddress()
                + " -> " + connected.peerAddress()) + (isOpen() ? "" : " (closed)");
    }
}
