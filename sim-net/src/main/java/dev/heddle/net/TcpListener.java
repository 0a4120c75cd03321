package dev.heddle.net;

import dev.heddle.net.internal.ListenerDriver;
import dev.heddle.runtime.SelectableOp;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A TCP socket listening for connections (Tokio's {@code TcpListener}).
 *
 * <pre>{@code
 * try (TcpListener listener = TcpListener.bind("127.0.0.1:0")) {
 *     while (true) {
 *         TcpStream connection = listener.accept();
 *         Heddle.spawn(() -> serve(connection));
 *     }
 * }
 * }</pre>
 * {@link #accept()} is a suspension point: an abort or a timeout of the waiting task ends it
 * with a {@code CancellationException}, and a connection that arrives meanwhile stays for the
 * next accept. Any number of tasks may accept on one listener.
 */
public final class TcpListener implements Closeable {
    private final ListenerDriver driver;

    private TcpListener(ListenerDriver driver) {
        this.driver = driver;
    }

    /**
     * Listens on {@code address}, "host:port" (an IPv6 address in brackets); port 0 lets the
     * system pick a free one, which {@link #localAddress()} then tells. A host name is resolved
     * and its addresses tried in turn.
     *
     * @throws java.net.BindException if the address is in use or not local; the message names it
     * @throws java.net.UnknownHostException if the host has no address
     * @throws IllegalArgumentException if {@code address} is not host:port with a port from 0 to 65535
     */
    public static TcpListener bind(String address) throws IOException {
        return HostAndPort.parse(address).tryEachAddress(TcpListener::bindResolved);
    }

    /**
     * Listens on {@code address}; port 0 lets the system pick a free one. An unresolved address
     * is resolved first.
     *
     * @throws java.net.BindException if the address is in use or not local; the message names it
     */
    public static TcpListener bind(InetSocketAddress address) throws IOException {
        return HostAndPort.tryEachAddress(address, TcpListener::bindResolved);
    }

    private static TcpListener bindResolved(InetSocketAddress address) throws IOException {
        return new TcpListener(Net.backend().bindTcp(address));
    }

    /**
     * Waits for the next connection and returns it.
     *
     * @throws java.nio.channels.ClosedChannelException if the listener is closed, before or while waiting
     * @throws java.util.concurrent.CancellationException if the calling task is aborted or times
     *     out first; no connection was taken
     */
    public TcpStream accept() throws IOException {
        return IoWait.await(acceptOp());
    }

    /**
     * Accepting the next connection, as an op a {@code Select} can offer. A connection is taken
     * only by the op that commits: a losing branch takes none. On a closed listener the op
     * completes closed, which disables its select branch. A failed accept makes the op's
     * {@code result()} throw an {@link java.io.UncheckedIOException} around the failure.
     */
    public SelectableOp<TcpStream> acceptOp() {
        return driver.acceptOp().map(TcpStream::new);
    }

    /** The address listened on, with the port the system picked when port 0 was asked for. */
    public InetSocketAddress localAddress() {
        return driver.localAddress();
    }

    /** Stops listening. Waiting accepts fail as closed; connections already accepted stay open. Idempotent. */
    @Override
    public void close() throws IOException {
        driver.close();
    }

    @Override
    public String toString() {
        return driver.toString();
    }
}
