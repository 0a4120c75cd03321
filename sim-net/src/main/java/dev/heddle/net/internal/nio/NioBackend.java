package dev.heddle.net.internal.nio;

import dev.heddle.net.internal.DatagramDriver;
import dev.heddle.net.internal.ListenerDriver;
import dev.heddle.net.internal.NetBackend;
import dev.heddle.net.internal.NetExceptions;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.Heddle;
import dev.heddle.runtime.JoinException;
import dev.heddle.runtime.internal.Task;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The real network: the system's sockets through non-blocking {@code java.nio} channels, all
 * waiting on the JVM's one {@link Reactor}, and the system's name lookup.
 */
public final class NioBackend implements NetBackend {

    @Override
    public ListenerDriver bindTcp(InetSocketAddress local) throws IOException {
        return NioListener.bind(Reactor.instance(), local);
    }

    @Override
    public StreamDriver connectTcp(InetSocketAddress remote) throws IOException {
        return NioStream.connect(Reactor.instance(), remote);
    }

    @Override
    public DatagramDriver bindUdp(InetSocketAddress local) throws IOException {
        return NioDatagram.bind(Reactor.instance(), local);
    }

    /**
     * As {@link InetAddress#getAllByName} does. An address literal is parsed on the spot; a
     * name is looked up on a blocking thread ({@code spawnBlocking}, as Tokio's
     * {@code lookup_host} does), because the JDK's lookup blocks its carrier thread, which on
     * the current-thread runtime is every task's. The caller waits by joining, so an abort or a
     * timeout ends its wait (the lookup itself finishes on its own).
     */
    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        InetAddress literal = literal(host);
        if (literal != null) {
            return List.of(literal);
        }
        try {
            if (Task.current() == null) {
                return List.of(InetAddress.getAllByName(host));
            }
            return List.of(Heddle.spawnBlocking(() -> InetAddress.getAllByName(host)).join());
        } catch (UnknownHostException e) {
            throw (UnknownHostException) NetExceptions.describe("cannot resolve host " + host, e);
        } catch (JoinException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw (UnknownHostException) NetExceptions.describe("cannot resolve host " + host, unknown);
            }
            throw e;
        }
    }

    /** {@code host} as an address when it is a literal ("127.0.0.1", "::1"), else null. */
    private static InetAddress literal(String host) {
        try {
            return InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
    }
}
