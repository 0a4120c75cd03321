package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.DatagramDriver;
import dev.heddle.net.internal.ReceivedPacket;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/**
 * A simulated UDP socket: each datagram sent crosses the network's {@link MessagePath}, which
 * may lose, duplicate, reorder, hold or delay it as the link is set; one that arrives is handed
 * to the socket bound to its address, if there is one then; otherwise it is lost, as UDP may
 * lose it.
 */
final class SimDatagram implements DatagramDriver {
    final SimNetwork network;
    final WaitQueue<SimReceiveOp> receivers = new WaitQueue<>();
    private final InetSocketAddress local;
    private final ArrayDeque<ReceivedPacket> inbox = new ArrayDeque<>();
    private boolean closed;

    SimDatagram(SimNetwork network, InetSocketAddress local) {
        this.network = network;
        this.local = local;
    }

    boolean readyLocked() {
        return closed || !inbox.isEmpty();
    }

    boolean isClosedLocked() {
        return closed;
    }

    ReceivedPacket takeLocked() {
        return inbox.poll();
    }

    /** A datagram arrives: handed to the first waiting receive, or kept. Dropped on a closed socket. */
    void arriveLocked(ReceivedPacket packet) {
        if (closed) {
            return;
        }
        inbox.add(packet);
        NetworkOp.serveLocked(receivers);
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public void send(byte[] payload, InetSocketAddress to) throws IOException {
        network.lock.lock();
        try {
            if (closed) {
                throw new ClosedSocketException("cannot send from " + this + ": it is closed");
            }
            network.sendDatagramLocked(new ReceivedPacket(payload.clone(), local), to);
        } finally {
            network.unlock();
        }
    }

    @Override
    public SelectableOp<ReceivedPacket> receiveOp() {
        return new SimReceiveOp(this, true);
    }

    @Override
    public void close() {
        network.lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            inbox.clear();
            network.closedDatagramLocked(this);
            NetworkOp.serveLocked(receivers);
        } finally {
            network.unlock();
        }
    }

    @Override
    public String toString() {
        return "simulated udp socket " + AddressText.of(local);
    }
}
