package dev.heddle.net.internal.nio;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.ListenerDriver;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * A TCP listener on a non-blocking {@link ServerSocketChannel}. Its inbox holds at most one
 * connection accepted from the socket and not yet taken by an {@link AcceptOp} (or the failure
 * of that accept); the rest wait in the system's backlog, so a listener nobody accepts on takes
 * no connections off it.
 */
final class NioListener extends Registration implements ListenerDriver {
    private final Reactor reactor;
    private final ServerSocketChannel channel;
    private final InetSocketAddress local;
    private SocketChannel accepted;
    private IOException acceptFailure;

    private NioListener(Reactor reactor, ServerSocketChannel channel, InetSocketAddress local) throws IOException {
        super(reactor, channel);
        this.reactor = reactor;
        this.channel = channel;
        this.local = local;
    }

    /** A listener on {@code address}; port 0 lets the system pick a free one. */
    static NioListener bind(Reactor reactor, InetSocketAddress address) throws IOException {
        return bind(ServerSocketChannel.open(), address, "a tcp listener",
                (channel, local) -> new NioListener(reactor, channel, local));
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public SelectableOp<StreamDriver> acceptOp() {
        return new AcceptOp(this, reactor);
    }

    /** The accept failure pulled into the inbox, taking it out; null when there is none. */
    IOException takeFailureLocked() {
        IOException failure = acceptFailure;
        acceptFailure = null;
        return failure;
    }

    /** The connection pulled into the inbox, taking it out. */
    SocketChannel takeAcceptedLocked() {
        SocketChannel connection = accepted;
        accepted = null;
        return connection;
    }

    @Override
    void fillInboxLocked() {
        if (accepted != null || acceptFailure != null || isClosedLocked()) {
            return;
        }
        try {
            accepted = channel.accept();
        } catch (IOException e) {
            acceptFailure = e;
        }
    }

    @Override
    boolean inboxReadyLocked() {
        return accepted != null || acceptFailure != null || isClosedLocked();
    }

    @Override
    void discardInboxLocked() throws IOException {
        if (accepted != null) {
            accepted.close();
            accepted = null;
        }
    }

    @Override
    int inboundEvent() {
        return SelectionKey.OP_ACCEPT;
    }

    /** Never waited for: a listener does not write. */
    @Override
    int outboundEventLocked() {
        return 0;
    }

    @Override
    String describe() {
        return "tcp listener " + AddressText.of(local);
    }

    @Override
    public String toString() {
        return describe();
    }
}
