package dev.heddle.net;

import dev.heddle.net.internal.NetBackend;
import dev.heddle.net.internal.nio.NioBackend;
import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.sim.SimContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Name resolution, and the network every socket of this package is opened on: the system's,
 * or inside a simulation the simulation's, where the same code talks between simulated hosts.
 *
 * <pre>{@code
 * List<InetAddress> addresses = Net.resolve("example.com");
 * }</pre>
 */
public final class Net {
    private static final NetBackend SYSTEM = new NioBackend();

    private Net() {}

    /**
     * The addresses of {@code host}, a name or an address literal, in the order to try them,
     * as {@link InetAddress#getAllByName} finds them. A name is looked up on a blocking thread
     * while the calling task waits, so the wait is a suspension point: an abort or a timeout ends
     * it. {@code TcpStream.connect} and the {@code bind} methods resolve their host this way.
     * Inside a simulation a name is a simulated host's (or {@code "sim"}, the test body's), and
     * nothing real is looked up.
     *
     * @throws UnknownHostException if the name has no address; the message names it
     */
    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host \"" + host + "\" is blank: give a name or an address");
        }
        return backend().resolve(host);
    }

    /**
     * The network sockets are opened on: inside a simulation, the simulation's own network,
     * between its simulated hosts, which the seed replays; elsewhere the system's, through
     * {@code java.nio}.
     */
    static NetBackend backend() {
        return SimContext.current().<NetBackend>map(SimNetwork::of).orElse(SYSTEM);
    }
}
