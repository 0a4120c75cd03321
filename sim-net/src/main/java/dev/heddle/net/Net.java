package dev.heddle.net;

import dev.heddle.net.internal.NetBackend;
import dev.heddle.net.internal.nio.NioBackend;
import dev.heddle.runtime.internal.Task;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Name resolution, and the network every socket of this package is opened on.
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
     * The network sockets are opened on: the system's, through {@code java.nio}.
     *
     * @throws IllegalStateException inside a simulated task: the system's sockets are woken by
     *     the reactor thread and the real network, which no seed decides, so a simulation that
     *     used them would neither replay nor report what it waited on
     */
    static NetBackend backend() {
        Task<?> task = Task.current();
        if (task != null && task.carrier().isSimulation()) {
            throw new IllegalStateException("task " + task + " opened a real socket inside a simulation: real"
                    + " sockets are woken by the network and a thread outside the simulation, so the seed could"
                    + " not replay the run. Put the network behind an interface in your code and give simulated"
                    + " tests an implementation over Heddle channels, or run this test on a real runtime");
        }
        return SYSTEM;
    }
}
