package dev.heddle.net.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * A network that Heddle's sockets run on: what {@code dev.heddle.net}'s public classes are built
 * on, so that they never see how bytes travel. Each method opens one endpoint and returns its
 * driver; the public class wraps the driver and adds argument checks and the Java views.
 *
 * <p>Rules every backend keeps, which the public classes rely on:
 * <ul>
 *   <li>Every wait parks through {@code Suspension.park} (directly, or through
 *       {@link dev.heddle.runtime.SelectableOp#await}), so an abort or a timeout of the waiting
 *       task ends it with a {@link java.util.concurrent.CancellationException}, and a wait so
 *       ended has taken nothing: no byte, no connection, no datagram.</li>
 *   <li>Addresses given are resolved ({@code !isUnresolved()}); name lookup is
 *       {@link #resolve}.</li>
 *   <li>I/O failures are thrown as {@link IOException}s made by {@link NetExceptions}, naming
 *       the endpoint and the addresses involved; a selectable op reports one by throwing an
 *       {@link java.io.UncheckedIOException} around it from {@code result()}.</li>
 * </ul>
 */
public interface NetBackend {

    /** A listener bound to {@code local} (port 0: a free port the system picks). Does not wait. */
    ListenerDriver bindTcp(InetSocketAddress local) throws IOException;

    /**
     * A stream connected to {@code remote}: waits until the connection is established or refused.
     * A connect ended by cancellation leaves nothing open.
     */
    StreamDriver connectTcp(InetSocketAddress remote) throws IOException;

    /** A datagram socket bound to {@code local} (port 0: a free port the system picks). Does not wait. */
    DatagramDriver bindUdp(InetSocketAddress local) throws IOException;

    /**
     * The addresses of {@code host} (a name or an address literal), in the order to try them.
     *
     * @throws UnknownHostException if the name has no address
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
