package dev.heddle.net.internal;

import dev.heddle.runtime.SelectableOp;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/** One UDP socket of a {@link NetBackend}: the part of {@code UdpSocket} that depends on the network. */
public interface DatagramDriver extends Closeable {

    /** The address bound, with the port the system picked when port 0 was asked for. */
    InetSocketAddress localAddress();

    /**
     * Sends {@code payload} as one datagram to {@code to} (resolved; the size is checked by the
     * caller), waiting while the network takes no more. Delivery is not promised: that is UDP.
     */
    void send(byte[] payload, InetSocketAddress to) throws IOException;

    /**
     * Taking the next datagram that arrived. It leaves the socket only when the op commits, so a
     * losing select branch takes none. On a closed socket the op completes closed.
     */
    SelectableOp<ReceivedPacket> receiveOp();

    /** Closes the socket; waiting receives complete closed. Idempotent. */
    @Override
    void close() throws IOException;
}
