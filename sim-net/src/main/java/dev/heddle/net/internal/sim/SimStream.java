package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.sim.Host;
import dev.heddle.sim.NetworkEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One side of a simulated TCP connection. A write hands its bytes to the network at once (the
 * network's buffer has no bound yet) and they arrive at the peer after a seeded latency, never
 * before bytes written earlier, so the stream stays ordered. The end of output and a reset
 * travel the same way.
 */
final class SimStream implements StreamDriver {
    final SimNetwork network;
    final WaitQueue<SimReadOp> readers = new WaitQueue<>();
    SimStream peer;
    private final long id;
    private final int side;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    /** Bytes arrived and not yet read, oldest first; the first is read from {@link #headOffset}. */
    private final ArrayDeque<byte[]> inbox = new ArrayDeque<>();
    private int headOffset;
    private boolean endArrived;
    private IOException reset;
    private boolean closed;
    private boolean outputShut;
    /** When the last message this side sent arrives, so that the next arrives no earlier. */
    private long lastArrival;

    SimStream(SimNetwork network, long id, int side, InetSocketAddress local, InetSocketAddress remote) {
        this.network = network;
        this.id = id;
        this.side = side;
        this.local = local;
        this.remote = remote;
    }

    boolean readyLocked() {
        return closed || reset != null || endArrived || !inbox.isEmpty();
    }

    boolean isClosedLocked() {
        return closed;
    }

    IOException resetLocked() {
        return reset;
    }

    /** Copies up to {@code length} arrived bytes into {@code into}: -1 at the end. */
    int takeLocked(byte[] into, int offset, int length) {
        int done = 0;
        while (done < length && !inbox.isEmpty()) {
            byte[] head = inbox.peek();
            int n = Math.min(length - done, head.length - headOffset);
            System.arraycopy(head, headOffset, into, offset + done, n);
            done += n;
            headOffset += n;
            if (headOffset == head.length) {
                inbox.poll();
                headOffset = 0;
            }
        }
        return done == 0 ? -1 : done;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress peerAddress() {
        return remote;
    }

    @Override
    public SelectableOp<Integer> readOp(byte[] into, int offset, int length) {
        return new SimReadOp(this, into, offset, length);
    }

    @Override
    public SelectableOp<Void> readableOp() {
        return new SimReadOp(this, null, 0, 0).map(ready -> null);
    }

    @Override
    public int write(byte[] from, int offset, int length) throws IOException {
        network.lock.lock();
        try {
            if (closed) {
                throw new ClosedSocketException("cannot write to " + this + ": it is closed");
            }
            if (outputShut) {
                throw new ClosedSocketException("cannot write to " + this + ": its output was shut down");
            }
            if (reset != null) {
                throw new SocketException("cannot write to " + this + ": " + reset.getMessage());
            }
            sendLocked(Arrays.copyOfRange(from, offset, offset + length));
            return length;
        } finally {
            network.unlock();
        }
    }

    /** Every byte is handed to the network as it is written. */
    @Override
    public void flush() throws IOException {
        network.lock.lock();
        try {
            if (closed) {
                throw new ClosedSocketException("cannot flush " + this + ": it is closed");
            }
        } finally {
            network.unlock();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        network.lock.lock();
        try {
            if (closed) {
                throw new ClosedSocketException("cannot shut down the output of " + this + ": it is closed");
            }
            if (!outputShut) {
                outputShut = true;
                sendLocked(null);
            }
        } finally {
            network.unlock();
        }
    }

    @Override
    public boolean isOpen() {
        network.lock.lock();
        try {
            return !closed;
        } finally {
            network.unlock();
        }
    }

    /** Closes this side; the peer reads the end once the bytes sent before it have arrived. */
    @Override
    public void close() {
        network.lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            network.closedStreamLocked(this);
            if (!outputShut && reset == null) {
                outputShut = true;
                sendLocked(null);
            }
            inbox.clear();
            serveReadersLocked();
        } finally {
            network.unlock();
        }
    }

    /** This side's host crashed: it is gone, and the peer learns so as a reset one latency later. */
    void crash(Host host) {
        network.lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            network.closedStreamLocked(this);
            inbox.clear();
            serveReadersLocked();
            long arrival = Math.max(lastArrival, network.context().time().now() + network.latencyLocked());
            String reason = "connection reset: host " + host.name() + " crashed";
            network.context().time().schedule(arrival, () -> peer.resetArrives(reason));
        } finally {
            network.unlock();
        }
    }

    private void resetArrives(String reason) {
        network.lock.lock();
        try {
            if (closed || reset != null) {
                return;
            }
            network.context().record(NetworkEvent.RESET, 2 * id + side, 0);
            reset = new SocketException(reason);
            inbox.clear();
            serveReadersLocked();
        } finally {
            network.unlock();
        }
    }

    /** Sends {@code bytes} (null: the end of output) to arrive at the peer after a latency, in order. */
    private void sendLocked(byte[] bytes) {
        network.context().record(NetworkEvent.SEND, 2 * id + side, bytes == null ? -1 : bytes.length);
        long arrival = Math.max(lastArrival, network.context().time().now() + network.latencyLocked());
        lastArrival = arrival;
        network.context().time().schedule(arrival, () -> peer.arrive(bytes, 2 * id + side));
    }

    private void arrive(byte[] bytes, long sender) {
        network.lock.lock();
        try {
            network.context().record(NetworkEvent.DELIVER, sender, bytes == null ? -1 : bytes.length);
            if (closed || reset != null) {
                return;
            }
            if (bytes == null) {
                endArrived = true;
            } else {
                inbox.add(bytes);
            }
            serveReadersLocked();
        } finally {
            network.unlock();
        }
    }

    /** Commits waiting reads while a read would not wait. */
    private void serveReadersLocked() {
        SimReadOp op;
        while (readyLocked() && (op = readers.claimFirst()) != null) {
            op.commitLocked();
            network.wakeLater(op.waiter());
        }
    }

    @Override
    public String toString() {
        return "simulated tcp stream " + AddressText.of(local) + " -> " + AddressText.of(remote);
    }
}
