package dev.heddle.net.internal.channel;

import dev.heddle.net.internal.ListenerDriver;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.net.internal.sim.SimReadiness;
import dev.heddle.runtime.SelectableOp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * A {@link ServerSocketChannel} of a simulated task: a sim-net listener on the task's host, in
 * blocking mode. {@link #bind} takes the host's address (or the wildcard, which is the host's)
 * and port 0 for a free one; {@link #accept} waits for the next connection as a suspension
 * point, and fails with {@link java.nio.channels.AsynchronousCloseException} when another task
 * closes the channel meanwhile; in non-blocking mode it returns null when no connection is
 * waiting. The host's crash closes the listener.
 */
public final class SimulatedServerSocketChannel extends ServerSocketChannel implements SimulatedChannel {
    private final SimNetwork network;
    private final ChannelOptions options = ChannelOptions.forListener();
    private volatile ListenerDriver listener;
    private ServerSocket adaptor;

    /** An unbound channel, as {@code ServerSocketChannel.open()} returns. */
    public SimulatedServerSocketChannel(SelectorProvider provider, SimNetwork network) {
        super(provider);
        this.network = network;
    }

    /** Binds; the backlog is not simulated (a simulated listener keeps every connection that arrives). */
    @Override
    public ServerSocketChannel bind(SocketAddress local, int backlog) throws IOException {
        ensureOpen();
        if (listener != null) {
            throw new AlreadyBoundException();
        }
        InetSocketAddress address = LocalAddresses.bindable(network, local);
        try {
            listener = network.bindTcp(address);
        } catch (IOException e) {
            throw JdkFailures.of(e, true);
        }
        if (!isOpen()) {
            listener.close();
        }
        return this;
    }

    @Override
    public SocketChannel accept() throws IOException {
        return accept(0);
    }

    /**
     * Accepts, waiting at most {@code timeoutMillis} of virtual time when positive (the adaptor's
     * {@code SO_TIMEOUT}); in non-blocking mode null when no connection is waiting.
     */
    SimulatedSocketChannel accept(int timeoutMillis) throws IOException {
        ensureOpen();
        ListenerDriver bound = listener;
        if (bound == null) {
            throw new NotYetBoundException();
        }
        SelectableOp<StreamDriver> accept = bound.acceptOp();
        return JdkFailures.translated(this, () -> {
            if (!isBlocking()) {
                return accept.tryNow() ? new SimulatedSocketChannel(provider(), network, accept.result()) : null;
            }
            StreamDriver accepted = ChannelWait.await(accept, null, null, timeoutMillis,
                    () -> new SocketTimeoutException("Accept timed out"));
            return new SimulatedSocketChannel(provider(), network, accepted);
        });
    }

    @Override
    public SelectableOp<?> readinessOp(int operation) {
        ListenerDriver bound = listener;
        return operation == SelectionKey.OP_ACCEPT && bound != null ? SimReadiness.acceptable(bound) : null;
    }

    @Override
    public synchronized ServerSocket socket() {
        if (adaptor == null) {
            adaptor = new SimulatedServerSocketAdaptor(this);
        }
        return adaptor;
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        return localAddress();
    }

    /** The address listened on, or null if unbound, on a closed channel too (for the adaptor). */
    InetSocketAddress localAddress() {
        ListenerDriver bound = listener;
        return bound == null ? null : bound.localAddress();
    }

    @Override
    public <T> ServerSocketChannel setOption(SocketOption<T> name, T value) throws IOException {
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
        ListenerDriver bound = listener;
        if (bound != null) {
            bound.close();
        }
    }

    @Override
    protected void implConfigureBlocking(boolean block) {
        // accept reads isBlocking() when it runs.
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public String toString() {
        InetSocketAddress local = localAddress();
        return "simulated ServerSocketChannel" + (local == null ? " (unbound)" : " " + local)
                + (isOpen() ? "" : " (closed)");
    }
}
