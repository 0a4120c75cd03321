package dev.heddle.net.internal.nio;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.ClosedSocketException;
import dev.heddle.net.internal.DatagramDriver;
import dev.heddle.net.internal.NetExceptions;
import dev.heddle.net.internal.ReceivedPacket;
import dev.heddle.runtime.SelectableOp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * A UDP socket on a non-blocking {@link DatagramChannel}. Its inbox holds at most one datagram
 * received from the socket and not yet taken by a {@link ReceiveOp}; the rest wait in the
 * system's receive buffer (and are dropped there when it is full, as UDP does).
 */
final class NioDatagram extends Registration implements DatagramDriver {
    /** More than any UDP payload (65,507 bytes over IPv4, 65,527 over IPv6), so none is cut short. */
    private static final int RECEIVE_BYTES = 65_536;

    private final DatagramChannel channel;
    private final InetSocketAddress local;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(RECEIVE_BYTES);
    private ReceivedPacket received;
    private IOException receiveFailure;

    private NioDatagram(Reactor reactor, DatagramChannel channel, InetSocketAddress local) throws IOException {
        super(reactor, channel);
        this.channel = channel;
        this.local = local;
    }

    /** A socket on {@code address}; port 0 lets the system pick a free one. */
    static NioDatagram bind(Reactor reactor, InetSocketAddress address) throws IOException {
        return bind(DatagramChannel.open(), address, "a udp socket",
                (channel, local) -> new NioDatagram(reactor, channel, local));
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public void send(byte[] payload, InetSocketAddress to) throws IOException {
        ByteBuffer source = ByteBuffer.wrap(payload);
        while (true) {
            lock.lock();
            try {
                if (isClosedLocked()) {
                    throw new ClosedSocketException(describe() + " is closed");
                }
                // A datagram goes whole or not at all. An empty one "sends 0 bytes" either way, and
                // is taken as sent rather than sent again and again.
                if (channel.send(source, to) > 0 || payload.length == 0) {
                    return;
                }
            } catch (ClosedSocketException e) {
                throw e;
            } catch (IOException e) {
                throw NetExceptions.describe("send to " + AddressText.of(to) + " from " + describe(), e);
            } finally {
                lock.unlock();
            }
            WritableOp.await(this);
        }
    }

    @Override
    public SelectableOp<ReceivedPacket> receiveOp() {
        return new ReceiveOp(this);
    }

    /** The receive failure pulled into the inbox, taking it out; null when there is none. */
    IOException takeFailureLocked() {
        IOException failure = receiveFailure;
        receiveFailure = null;
        return failure;
    }

    /** The datagram pulled into the inbox, taking it out. */
    ReceivedPacket takeReceivedLocked() {
        ReceivedPacket packet = received;
        received = null;
        return packet;
    }

    @Override
    void fillInboxLocked() {
        if (received != null || receiveFailure != null || isClosedLocked()) {
            return;
        }
        receiveBuffer.clear();
        try {
            SocketAddress sender = channel.receive(receiveBuffer);
            if (sender != null) {
                receiveBuffer.flip();
                byte[] payload = new byte[receiveBuffer.remaining()];
                receiveBuffer.get(payload);
                received = new ReceivedPacket(payload, (InetSocketAddress) sender);
            }
        } catch (IOException e) {
            receiveFailure = e;
        }
    }

    @Override
    boolean inboxReadyLocked() {
        return received != null || receiveFailure != null || isClosedLocked();
    }

    @Override
    int inboundEvent() {
        return SelectionKey.OP_READ;
    }

    @Override
    int outboundEventLocked() {
        return SelectionKey.OP_WRITE;
    }

    @Override
    String describe() {
        return "udp socket " + AddressText.of(local);
    }

    @Override
    public String toString() {
        return describe();
    }
}
