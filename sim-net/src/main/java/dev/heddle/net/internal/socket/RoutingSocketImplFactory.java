package dev.heddle.net.internal.socket;

import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.sim.Host;
import dev.heddle.sim.HostClock;
import dev.heddle.sim.SimContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketImpl;
import java.net.SocketImplFactory;
import java.util.Optional;

/**
 * The JVM's factory of {@code java.net} socket implementations once installed
 * ({@code Socket.setSocketImplFactory} for clients, {@code ServerSocket.setSocketFactory} for
 * servers): it decides per socket, when the socket is created, by the creating thread. A
 * simulated task gets a {@link SimSocketImpl} on its run's network; every other thread the
 * JDK's own implementation, so real and simulated sockets share one JVM. A socket keeps the
 * network it was created on for its life, whichever thread uses it later.
 */
public final class RoutingSocketImplFactory implements SocketImplFactory {
    private final JdkSocketImpls jdk;
    private final boolean server;

    private RoutingSocketImplFactory(JdkSocketImpls jdk, boolean server) {
        this.jdk = jdk;
        this.server = server;
    }

    /**
     * Installs a factory for client and one for server sockets into the JVM, which takes one of
     * each for its life; call once.
     *
     * @throws IllegalStateException if the JVM cannot give the JDK's own implementations to
     *     sockets outside simulated tasks (an option missing), or already has a factory; the
     *     message says what to do
     */
    @SuppressWarnings("deprecation") // The seam the JDK keeps for this (deprecated since 17, not for removal).
    public static void install() {
        JdkSocketImpls jdk = JdkSocketImpls.open();
        try {
            Socket.setSocketImplFactory(new RoutingSocketImplFactory(jdk, false));
            ServerSocket.setSocketFactory(new RoutingSocketImplFactory(jdk, true));
        } catch (IOException e) {
            throw new IllegalStateException("cannot route java.net sockets of simulated tasks to the simulated network:"
                    + " this JVM already has a socket implementation factory (" + e.getMessage() + "), installed by"
                    + " other code with Socket.setSocketImplFactory or ServerSocket.setSocketFactory, and a JVM takes"
                    + " only one; run the simulations in a JVM without it", e);
        }
    }

    @Override
    public SocketImpl createSocketImpl() {
        Optional<SimContext> run = SimContext.current();
        if (run.isPresent()) {
            HostClock clock = Host.current().map(Host::clock).orElse(HostClock.EXACT);
            return new SimSocketImpl(SimNetwork.of(run.get()), new SocketWait(run.get().time(), clock), server);
        }
        return server ? jdk.server() : jdk.client();
    }
}
