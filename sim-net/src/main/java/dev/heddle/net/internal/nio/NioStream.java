package dev.heddle.net.internal.nio;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.NetExceptions;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Budget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A TCP connection on a non-blocking {@link SocketChannel}. Its inbox is a buffer of bytes read
 * from the socket and not yet read by a task, refilled only once empty; reads copy out of it
 * ({@link ReadOp}), so bytes pulled for a read that was then cancelled wait there for the next
 * one. Writes go straight to the socket; when it takes nothing, the writer waits on a
 * {@link WritableOp}. The end of the stream and a failure of the socket are kept after the bytes
 * before them, and reported once those are read, to every read from then on.
 */
final class NioStream extends Registration implements StreamDriver {
    /** Bytes one pull may take from the socket: enough for a read of a typical frame to be one system call. */
    private static final int INBOX_BYTES = 16 * 1024;

    private final SocketChannel channel;
    private final InetSocketAddress peer;
    /** Known once connected; read in messages from any thread. */
    private volatile InetSocketAddress local;
    /** In read mode: the bytes between position and limit are pulled and unread. Guarded by {@link #lock}. */
    private final ByteBuffer inbox = ByteBuffer.allocate(INBOX_BYTES).flip();
    private boolean ended;
    private IOException readFailure;
    private boolean connecting;
    private boolean outputShutDown;

    private NioStream(Reactor reactor, SocketChannel channel, InetSocketAddress peer, boolean connecting)
            throws IOException {
        super(reactor, channel);
        this.channel = channel;
        this.peer = peer;
        this.connecting = connecting;
    }

    /**
     * Connects to {@code remote}, waiting (cancellably) until the connection is established or
     * refused. On failure or cancellation the socket is closed.
     */
    static NioStream connect(Reactor reactor, InetSocketAddress remote) throws IOException {
        SocketChannel channel = SocketChannel.open();
        NioStream stream;
        try {
            stream = new NioStream(reactor, channel, remote, true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try {
            stream.finishConnecting();
            return stream;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** A stream for a connection a listener accepted; the caller closes {@code channel} if this fails. */
    static NioStream accepted(Reactor reactor, SocketChannel channel) throws IOException {
        InetSocketAddress peer = (InetSocketAddress) channel.getRemoteAddress();
        InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
        NioStream stream = new NioStream(reactor, channel, peer, false);
        stream.local = local;
        return stream;
    }

    private void finishConnecting() throws IOException {
        String action = "cannot connect to " + AddressText.of(peer);
        try {
            boolean connected;
            lock.lock();
            try {
                connected = channel.connect(peer);
            } finally {
                lock.unlock();
            }
            while (!connected) {
                WritableOp.await(this);
                lock.lock();
                try {
                    connected = channel.finishConnect();
                } finally {
                    lock.unlock();
                }
            }
            local = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw NetExceptions.describe(action, e);
        }
        lock.lock();
        try {
            connecting = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress peerAddress() {
        return peer;
    }

    @Override
    public SelectableOp<Integer> readOp(byte[] into, int offset, int length) {
        return new ReadOp(this, into, offset, length);
    }

    @Override
    public SelectableOp<Void> readableOp() {
        return new ReadableOp(this);
    }

    @Override
    public int write(byte[] from, int offset, int length) throws IOException {
        // A write the socket takes at once still spends, as Tokio's does; a simulated write spends in its await.
        Budget.spend();
        ByteBuffer source = ByteBuffer.wrap(from, offset, length);
        while (true) {
            int written = tryWrite(source);
            if (written > 0) {
                return written;
            }
            WritableOp.await(this);
        }
    }

    private int tryWrite(ByteBuffer source) throws IOException {
        lock.lock();
        try {
            checkOutputOpenLocked();
            return channel.write(source);
        } catch (ClosedSocketException e) {
            throw e;
        } catch (IOException e) {
            throw NetExceptions.describe("write to " + describe(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Nothing to wait for: a write hands its bytes to the socket before it returns. Fails on a closed stream. */
    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            checkOpenLocked();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        lock.lock();
        try {
            checkOpenLocked();
            if (!outputShutDown) {
                channel.shutdownOutput();
                outputShutDown = true;
            }
        } catch (ClosedSocketException e) {
            throw e;
        } catch (IOException e) {
            throw NetExceptions.describe("cannot shut down the output of " + describe(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves up to {@code length} pulled bytes into {@code into}; returns how many (0 when none
     * are pulled: the stream then has ended or failed, see {@link #readFailureLocked()}).
     */
    int takeBytesLocked(byte[] into, int offset, int length) {
        int count = Math.min(length, inbox.remaining());
        inbox.get(into, offset, count);
        return count;
    }

    /** The failure that ended reading, or null when the stream ended normally or has not ended. */
    IOException readFailureLocked() {
        return readFailure;
    }

    @Override
    void fillInboxLocked() {
        if (inbox.hasRemaining() || ended || readFailure != null || isClosedLocked()) {
            return;
        }
        inbox.clear();
        try {
            if (channel.read(inbox) < 0) {
                ended = true;
            }
        } catch (IOException e) {
            readFailure = e;
        } finally {
            inbox.flip();
        }
    }

    @Override
    boolean inboxReadyLocked() {
        return inbox.hasRemaining() || ended || readFailure != null || isClosedLocked();
    }

    @Override
    int inboundEvent() {
        return SelectionKey.OP_READ;
    }

    @Override
    int outboundEventLocked() {
        return connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE;
    }

    @Override
    String describe() {
        InetSocketAddress from = local;
        return from == null ? "tcp stream to " + AddressText.of(peer)
                : "tcp stream " + AddressText.of(from) + " -> " + AddressText.of(peer);
    }

    private void checkOpenLocked() throws ClosedSocketException {
        if (isClosedLocked()) {
            throw new ClosedSocketException(describe() + " is closed");
        }
    }

    private void checkOutputOpenLocked() throws ClosedSocketException {
        checkOpenLocked();
        if (outputShutDown) {
            throw new ClosedSocketException("the output of " + describe() + " was shut down");
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
