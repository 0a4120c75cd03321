package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.ListenerDriver;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A simulated TCP listener: connections that reached its address wait in its backlog until an
 * accept takes them. Closing it (or its host's crash) ends waiting accepts as closed and closes
 * the connections no one accepted.
 */
final class SimListener implements ListenerDriver {
    final SimNetwork network;
    final WaitQueue<SimAcceptOp> accepts = new WaitQueue<>();
    private final InetSocketAddress local;
    private final ArrayDeque<SimStream> backlog = new ArrayDeque<>();
    private boolean closed;

    SimListener(SimNetwork network, InetSocketAddress local) {
        this.network = network;
        this.local = local;
    }

    /** A connection arrives: handed to the first waiting accept, or kept in the backlog. */
    void offerLocked(SimStream stream) {
        backlog.add(stream);
        NetworkOp.serveLocked(accepts);
    }

    boolean readyLocked() {
        return closed || !backlog.isEmpty();
    }

    boolean isClosedLocked() {
        return closed;
    }

    SimStream takeLocked() {
        return backlog.poll();
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public SelectableOp<StreamDriver> acceptOp() {
        return new SimAcceptOp(this, true);
    }

    @Override
    public void close() {
        List<SimStream> unaccepted;
        network.lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            network.closedListenerLocked(this);
            unaccepted = List.copyOf(backlog);
            backlog.clear();
            NetworkOp.serveLocked(accepts);
        } finally {
            network.unlock();
        }
        for (SimStream stream : unaccepted) {
            stream.close();
        }
    }

    @Override
    public String toString() {
        return "simulated tcp listener " + AddressText.of(local);
    }
}
