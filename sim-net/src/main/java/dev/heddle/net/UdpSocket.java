package dev.heddle.net;

import dev.heddle.net.internal.DatagramDriver;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Budget;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A UDP socket (Tokio's {@code UdpSocket}): datagrams to and from any address, each delivered
 * whole or not at all, in no promised order.
 *
 * <pre>{@code
 * try (UdpSocket socket = UdpSocket.bind("127.0.0.1:0")) {
 *     Datagram request = socket.receive();
 *     socket.send(answer(request.payload()), request.sender());
 * }
 * }</pre>
 * {@link #receive()} and {@link #send} are suspension points: an abort or a timeout of the
 * waiting task ends them, and a receive so ended has taken no datagram.
 */
public final class UdpSocket implements Closeable {
    /**
     * The largest payload {@link #send} takes: 65,535 bytes of IPv4 packet less its 20-byte
     * header and UDP's 8-byte one. Larger ones would be refused by the system, or cut.
     */
    public static final int MAX_PAYLOAD = 65_507;

    private final DatagramDriver driver;

    private UdpSocket(DatagramDriver driver) {
        this.driver = driver;
    }

    /**
     * A socket on {@code address}, "host:port" (an IPv6 address in brackets); port 0 lets the
     * system pick a free one, which {@link #localAddress()} then tells.
     *
     * @throws java.net.BindException if the address is in use or not local; the message names it
     * @throws IllegalArgumentException if {@code address} is not host:port with a port from 0 to 65535
     */
    public static UdpSocket bind(String address) throws IOException {
        return HostAndPort.parse(address).tryEachAddress(UdpSocket::bindResolved);
    }

    /**
     * A socket on {@code address}; port 0 lets the system pick a free one. An unresolved address
     * is resolved first.
     *
     * @throws java.net.BindException if the address is in use or not local; the message names it
     */
    public static UdpSocket bind(InetSocketAddress address) throws IOException {
        return HostAndPort.tryEachAddress(address, UdpSocket::bindResolved);
    }

    private static UdpSocket bindResolved(InetSocketAddress address) throws IOException {
        return new UdpSocket(Net.backend().bindUdp(address));
    }

    /**
     * Sends {@code payload} as one datagram to {@code to}, waiting while the system takes no
     * more. Delivery is not confirmed.
     *
     * @throws IllegalArgumentException if {@code payload} is longer than {@link #MAX_PAYLOAD},
     *     or {@code to} is unresolved
     * @throws java.nio.channels.ClosedChannelException if this socket was closed
     */
    public void send(byte[] payload, InetSocketAddress to) throws IOException {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(to, "to");
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes is larger than a datagram"
                    + " can carry (MAX_PAYLOAD, " + MAX_PAYLOAD + " bytes): split it, or use a TcpStream");
        }
        if (to.isUnresolved()) {
            throw new IllegalArgumentException("address " + to.getHostString() + ":" + to.getPort()
                    + " is unresolved: resolve it once with Net.resolve and send to the address");
        }
        Budget.spend(); // a send that never waits still spends, as Tokio's does, so a send loop lets others run
        driver.send(payload, to);
    }

    /**
     * Waits for the next datagram and returns it.
     *
     * @throws java.nio.channels.ClosedChannelException if this socket was closed, before or while waiting
     * @throws java.util.concurrent.CancellationException if the task is aborted or times out
     *     first; no datagram was taken
     */
    public Datagram receive() throws IOException {
        return IoWait.await(receiveOp());
    }

    /**
     * Receiving the next datagram, as an op a {@code Select} can offer. A datagram is taken only
     * by the op that commits: a losing branch takes none. On a closed socket the op completes
     * closed, which disables its select branch.
     */
    public SelectableOp<Datagram> receiveOp() {
        return driver.receiveOp().map(packet -> new Datagram(packet.payload(), packet.sender()));
    }

    /** The address bound, with the port the system picked when port 0 was asked for. */
    public InetSocketAddress localAddress() {
        return driver.localAddress();
    }

    /** Closes the socket; waiting receives fail as closed. Idempotent. */
    @Override
    public void close() throws IOException {
        driver.close();
    }

    @Override
    public String toString() {
        return driver.toString();
    }
}
