package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.WaitQueue;
import dev.heddle.sim.Host;
import dev.heddle.sim.NetworkEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One side of a simulated TCP connection. A write hands its bytes to the network's
 * {@link MessagePath}, where they travel in this side's {@link Flow}, so the peer reads them in
 * order, whatever latencies and faults they meet; the end of output and a crash's reset travel
 * the same way. A side may have at most {@link #WINDOW} bytes sent and not yet read by its peer
 * (what TCP's receive window and send buffer bound together): a write beyond waits, as a
 * suspension point, until the peer reads; a peer that receives nothing (a partition, a clog)
 * thus stalls its writer too. The window reopens as soon as the peer reads: the acknowledgment's
 * own trip is not modelled.
 */
public final class SimStream implements StreamDriver {
    /** Bytes one side may have sent and its peer not yet read: 64 KiB, a common default TCP window. */
    static final int WINDOW = 64 * 1024;

    final SimNetwork network;
    final WaitQueue<SimReadOp> readers = new WaitQueue<>();
    final WaitQueue<SimWriteOp> writers = new WaitQueue<>();
    /** This side's messages to its peer, in order. */
    final Flow outgoing = new Flow();
    SimStream peer;
    private final long id;
    private final int side;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    /** Bytes arrived and not yet read, oldest first; the first is read from {@link #headOffset}. */
    private final ArrayDeque<byte[]> inbox = new ArrayDeque<>();
    private int headOffset;
    private int inboxBytes;
    /** Bytes this side sent that its peer has not read: at most {@link #WINDOW}. */
    private int unread;
    private boolean endArrived;
    private IOException reset;
    private boolean closed;
    private boolean outputShut;

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

    /** Copies up to {@code length} arrived bytes into {@code into}: -1 at the end. Opens the peer's window. */
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
        inboxBytes -= done;
        peer.readByPeerLocked(done);
        return done == 0 ? -1 : done;
    }

    /** True when a write would not wait: it can send, or it fails. */
    boolean writableLocked() {
        return closed || outputShut || reset != null || unread < WINDOW;
    }

    /**
     * Sends up to {@code length} bytes of {@code from}, as many as the window takes;
     * fails if this side cannot write.
     */
    int sendSomeLocked(byte[] from, int offset, int length) throws IOException {
        checkOpenLocked("write to");
        if (outputShut) {
            throw new ClosedSocketException("cannot write to " + this + ": its output was shut down");
        }
        if (reset != null) {
            throw new SocketException("cannot write to " + this + ": " + reset.getMessage());
        }
        int n = Math.min(length, WINDOW - unread);
        if (n > 0) {
            unread += n;
            sendLocked(Arrays.copyOfRange(from, offset, offset + n));
        }
        return n;
    }

    /** Fails if this side is closed, naming what it cannot be used for ({@code doing}). */
    private void checkOpenLocked(String doing) throws ClosedSocketException {
        if (closed) {
            throw new ClosedSocketException("cannot " + doing + " " + this + ": it is closed");
        }
    }

    /** The peer read (or threw away) {@code n} bytes of this side's: the window opens by as much. */
    private void readByPeerLocked(int n) {
        if (n > 0) {
            unread -= n;
            NetworkOp.serveLocked(writers);
        }
    }

    /** How many bytes arrived and were not read yet: what a read takes without waiting. 0 once closed. */
    public int available() {
        network.lock.lock();
        try {
            return closed ? 0 : inboxBytes;
        } finally {
            network.unlock();
        }
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

    /**
     * Writing at least one and at most {@code length} bytes of {@code from}, as many as the window
     * takes, as an op that waits while the window is full; its result is the count sent. A write
     * given up while it waits has sent nothing. {@code java.net.Socket} waits on it its own way.
     */
    public SelectableOp<Integer> writeOp(byte[] from, int offset, int length) {
        return new SimWriteOp(this, from, offset, length);
    }

    /** Writes what the window takes, waiting while it is full; the wait is a suspension point. */
    @Override
    public int write(byte[] from, int offset, int length) throws IOException {
        try {
            return SelectableOp.await(new SimWriteOp(this, from, offset, length));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Every byte is handed to the network as it is written. */
    @Override
    public void flush() throws IOException {
        network.lock.lock();
        try {
            checkOpenLocked("flush");
        } finally {
            network.unlock();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        network.lock.lock();
        try {
            checkOpenLocked("shut down the output of");
            if (!outputShut) {
                outputShut = true;
                sendLocked(null);
                NetworkOp.serveLocked(writers);
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
            if (!closeLocked()) {
                return;
            }
            if (!outputShut && reset == null) {
                outputShut = true;
                sendLocked(null);
            }
            stoppedLocked();
        } finally {
            network.unlock();
        }
    }

    /** This side's host crashed: it is gone, and the peer learns so as a reset, after what was sent before. */
    void crash(Host host) {
        network.lock.lock();
        try {
            if (!closeLocked()) {
                return;
            }
            stoppedLocked();
            if (reset == null) {
                String reason = "connection reset: host " + host.name() + " crashed";
                network.path().sendLocked(network.linkOf(local, remote), "reset", 0, true, outgoing,
                        () -> peer.resetArrivesLocked(reason), this::lostLocked);
            }
        } finally {
            network.unlock();
        }
    }

    /** Marks this side closed and tells the network so; false if it was closed already. */
    private boolean closeLocked() {
        if (closed) {
            return false;
        }
        closed = true;
        network.closedStreamLocked(this);
        return true;
    }

    private void resetArrivesLocked(String reason) {
        if (closed || reset != null) {
            return;
        }
        network.context().record(NetworkEvent.RESET, 2 * id + side, 0);
        reset = new SocketException(reason);
        stoppedLocked();
    }

    /**
     * A message of this connection was lost for good ({@code why}): the connection is reset for
     * both sides, as TCP resets one whose retransmissions fail, and its messages on their way are
     * gone.
     */
    void lostLocked(String why) {
        String reason = "connection reset: " + why;
        resetArrivesLocked(reason);
        peer.resetArrivesLocked(reason);
        network.path().discardLocked(outgoing);
        network.path().discardLocked(peer.outgoing);
    }

    /** Sends {@code bytes} (null: the end of output) to the peer, in order. */
    private void sendLocked(byte[] bytes) {
        long sender = 2 * id + side;
        network.context().record(NetworkEvent.SEND, sender, bytes == null ? -1 : bytes.length);
        network.path().sendLocked(network.linkOf(local, remote), bytes == null ? "stream-end" : "stream",
                bytes == null ? 0 : bytes.length, true, outgoing, () -> peer.arriveLocked(bytes, sender),
                this::lostLocked);
    }

    private void arriveLocked(byte[] bytes, long sender) {
        network.context().record(NetworkEvent.DELIVER, sender, bytes == null ? -1 : bytes.length);
        if (closed || reset != null) {
            if (bytes != null) {
                peer.readByPeerLocked(bytes.length);
            }
            return;
        }
        if (bytes == null) {
            endArrived = true;
        } else {
            inbox.add(bytes);
            inboxBytes += bytes.length;
        }
        NetworkOp.serveLocked(readers);
    }

    /**
     * This side was closed or reset: throws away what arrived and was not read, opening the peer's
     * window by as much, and completes the waiting reads and writes, which no longer wait.
     */
    private void stoppedLocked() {
        inbox.clear();
        headOffset = 0;
        int thrown = inboxBytes;
        inboxBytes = 0;
        if (peer != null) {
            peer.readByPeerLocked(thrown);
        }
        NetworkOp.serveLocked(readers);
        NetworkOp.serveLocked(writers);
    }

    @Override
    public String toString() {
        return "simulated tcp stream " + AddressText.of(local) + " -> " + AddressText.of(remote);
    }
}
