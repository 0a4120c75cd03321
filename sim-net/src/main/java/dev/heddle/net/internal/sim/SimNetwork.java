package dev.heddle.net.internal.sim;

import dev.heddle.net.internal.AddressText;
import dev.heddle.net.internal.DatagramDriver;
import dev.heddle.net.internal.ListenerDriver;
import dev.heddle.net.internal.NetBackend;
import dev.heddle.net.internal.ReceivedPacket;
import dev.heddle.net.internal.StreamDriver;
import dev.heddle.runtime.SelectableOp;
import dev.heddle.runtime.internal.Waiter;
import dev.heddle.sim.Host;
import dev.heddle.sim.NetworkEvent;
import dev.heddle.sim.SimContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The network of one simulation: its hosts are the machines, their names resolve to their
 * addresses, and its sockets (listeners, streams, UDP sockets) live here. Every message they
 * send (a connection request or answer, a stream's bytes, end or reset, a datagram) goes from
 * the sending host to the receiving host through the one {@link MessagePath}, which applies
 * the links' settings and the faults in virtual time; the test changes those through
 * {@link NetworkControl}. A host's crash closes its listeners and UDP sockets and resets its
 * connections for their peers. Each connection, refusal, send, delivery, reset, drop and hold
 * is a trace event, so the trace hash covers the network. One per run
 * ({@link SimContext#extension}); touched only by the run's tasks and timers, one at a time,
 * under {@link #lock}.
 */
public final class SimNetwork implements NetBackend {
    /**
     * The address of code on no host (the test body, named "sim"), which may connect as a client:
     * from the benchmarking range (RFC 2544), apart from the hosts' documentation ranges.
     */
    static final InetAddress OUTSIDE = outsideAddress();
    private static final int FIRST_EPHEMERAL_PORT = 49152;

    final ReentrantLock lock = new ReentrantLock();
    private final SimContext context;
    private final Map<InetSocketAddress, SimListener> listeners = new HashMap<>();
    private final Map<InetSocketAddress, SimDatagram> datagrams = new HashMap<>();
    private final Map<InetAddress, Integer> nextPorts = new HashMap<>();
    private final Map<InetAddress, Integer> nextUdpPorts = new HashMap<>();
    private final Map<InetAddress, List<SimStream>> streamsByAddress = new HashMap<>();
    private final Set<Host> watchedHosts = new HashSet<>();
    private final MessagePath path;
    private final NetworkControl control;
    private long connections;
    /** Waiters claimed under the lock, woken once it is released ({@link #unlock()}). */
    private final List<Waiter> toWake = new ArrayList<>();

    private SimNetwork(SimContext context) {
        this.context = context;
        this.path = new MessagePath(this, context);
        this.control = new NetworkControl(this, context);
    }

    /** The network of the calling task's simulation, made on first use. */
    public static SimNetwork of(SimContext context) {
        return context.extension(SimNetwork.class, SimNetwork::new);
    }

    /** The path every message takes, with the links' settings and the faults. */
    MessagePath path() {
        return path;
    }

    /** The test's handle on this network's links and faults. */
    public NetworkControl control() {
        return control;
    }

    @Override
    public ListenerDriver bindTcp(InetSocketAddress local) throws IOException {
        InetAddress address = localAddressFor(local.getAddress(), "bind to " + AddressText.of(local));
        lock.lock();
        try {
            int port = local.getPort() == 0 ? freePortLocked(address, listeners, nextPorts) : local.getPort();
            InetSocketAddress bound = new InetSocketAddress(address, port);
            SimListener existing = listeners.get(bound);
            if (existing != null) {
                throw new BindException("cannot bind to " + AddressText.of(bound) + ": the port is in use by "
                        + existing);
            }
            SimListener listener = new SimListener(this, bound);
            listeners.put(bound, listener);
            watchCurrentHostLocked();
            return listener;
        } finally {
            unlock();
        }
    }

    @Override
    public StreamDriver connectTcp(InetSocketAddress remote) throws IOException {
        try {
            return SelectableOp.await(connectOp(null, remote));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Connecting to {@code remote} from {@code local} (null: the calling task's host, on a port of its
     * own), as an op that waits for the answer: the connection ({@link SimStream}), or a
     * {@code ConnectException} around which {@code result()} throws an {@link UncheckedIOException}.
     * The request leaves now; an op given up before the answer closes the connection when it
     * arrives, so it leaves nothing open. {@code java.net.Socket} waits on it with its own timeout.
     */
    public SelectableOp<StreamDriver> connectOp(InetSocketAddress local, InetSocketAddress remote) {
        InetAddress address = Host.current().map(Host::address).orElse(OUTSIDE);
        lock.lock();
        try {
            watchCurrentHostLocked();
            InetSocketAddress from = local != null ? local
                    : new InetSocketAddress(address, freePortLocked(address, listeners, nextPorts));
            long id = ++connections;
            context.record(NetworkEvent.CONNECT, id, remote.getPort());
            SimConnectOp connect = new SimConnectOp(this, id, from, remote);
            path.sendLocked(linkOf(from, remote), "connect", 0, true, null, () -> requestArrivesLocked(connect),
                    connect::lostLocked);
            return connect;
        } finally {
            unlock();
        }
    }

    /**
     * The address a client socket of the calling task is bound to before it connects, as
     * {@code java.net.Socket.bind} asks: its host's address, whatever of it {@code asked} names, and
     * {@code asked}'s port, or a port of its own for port 0, which no later connection or listener
     * of the host gets.
     *
     * @throws BindException if {@code asked} is not the host's address
     */
    public InetSocketAddress bindClient(InetSocketAddress asked) throws BindException {
        InetAddress address = localAddressFor(asked.getAddress(), "bind to " + AddressText.of(asked));
        lock.lock();
        try {
            int port = asked.getPort() == 0 ? freePortLocked(address, listeners, nextPorts) : asked.getPort();
            return new InetSocketAddress(address, port);
        } finally {
            unlock();
        }
    }

    /**
     * The connection request of {@code op} reaches its address: accepted if someone listens
     * there, refused if not; the answer travels back. The accepted connection's answer leads its
     * server side's flow, so nothing the server writes overtakes it.
     */
    private void requestArrivesLocked(SimConnectOp op) {
        SimListener listener = listeners.get(op.remote);
        DirectedLink back = linkOf(op.remote, op.local);
        if (listener == null) {
            context.record(NetworkEvent.REFUSE, op.id, op.remote.getPort());
            path.sendLocked(back, "connect-answer", 0, true, null, op::refusedLocked, op::lostLocked);
            return;
        }
        SimStream client = new SimStream(this, op.id, 0, op.local, op.remote);
        SimStream server = new SimStream(this, op.id, 1, op.remote, op.local);
        client.peer = server;
        server.peer = client;
        track(client);
        track(server);
        listener.offerLocked(server);
        path.sendLocked(back, "connect-answer", 0, true, server.outgoing, () -> op.establishedLocked(client),
                why -> {
                    op.lostLocked(why);
                    server.lostLocked(why);
                });
    }

    @Override
    public DatagramDriver bindUdp(InetSocketAddress local) throws IOException {
        InetAddress address = localAddressFor(local.getAddress(), "bind UDP to " + AddressText.of(local));
        lock.lock();
        try {
            int port = local.getPort() == 0 ? freePortLocked(address, datagrams, nextUdpPorts) : local.getPort();
            InetSocketAddress bound = new InetSocketAddress(address, port);
            if (datagrams.containsKey(bound)) {
                throw new BindException("cannot bind UDP to " + AddressText.of(bound) + ": the port is in use by "
                        + datagrams.get(bound));
            }
            SimDatagram socket = new SimDatagram(this, bound);
            datagrams.put(bound, socket);
            watchCurrentHostLocked();
            return socket;
        } finally {
            unlock();
        }
    }

    /** Sends {@code packet} to {@code to}, where it is lost if no socket is bound then. */
    void sendDatagramLocked(ReceivedPacket packet, InetSocketAddress to) {
        int bytes = packet.payload().length;
        context.record(NetworkEvent.DATAGRAM_SEND, to.getPort(), bytes);
        path.sendLocked(linkOf(packet.sender(), to), "datagram", bytes, false, null, () -> {
            SimDatagram socket = datagrams.get(to);
            context.record(NetworkEvent.DATAGRAM_DELIVER, to.getPort(), socket == null ? -1 : bytes);
            if (socket != null) {
                socket.arriveLocked(packet);
            }
        }, why -> { });
    }

    /** The directed link between the hosts of two addresses. */
    DirectedLink linkOf(InetSocketAddress from, InetSocketAddress to) {
        return new DirectedLink(nameOf(from.getAddress()), nameOf(to.getAddress()));
    }

    /** The name of the host at {@code address}: "sim" for the test body, the address itself when no host has it. */
    private String nameOf(InetAddress address) {
        return nameAt(address).orElse(address.getHostAddress());
    }

    /** The name of the simulated host at {@code address} ({@code "sim"} for the test body's), if any. */
    public Optional<String> nameAt(InetAddress address) {
        if (address.equals(OUTSIDE)) {
            return Optional.of("sim");
        }
        return context.hostAt(address).map(Host::name);
    }

    void closedDatagramLocked(SimDatagram socket) {
        datagrams.remove(socket.localAddress(), socket);
    }

    /** A simulated host's address by its name, or an address literal; no real lookup ever happens. */
    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.equals("sim")) {
            return List.of(OUTSIDE);
        }
        Host named = context.host(host).orElse(null);
        if (named != null) {
            return List.of(named.address());
        }
        if (Character.digit(host.charAt(0), 16) >= 0 || host.contains(":")) {
            try {
                return List.of(InetAddress.ofLiteral(host));
            } catch (IllegalArgumentException notLiteral) {
                // A name that starts like an address: unknown below.
            }
        }
        List<String> names = context.hosts().stream().map(Host::name).toList();
        throw new UnknownHostException(host + ": no simulated host has this name (hosts: " + names + ")");
    }

    /** Wakes {@code waiter}, claimed under the lock, once the lock is released. */
    void wakeLater(Waiter waiter) {
        toWake.add(waiter);
    }

    /** Releases the lock, then, if this was its outermost hold, wakes the waiters claimed under it. */
    void unlock() {
        if (lock.getHoldCount() > 1) {
            lock.unlock();
            return;
        }
        List<Waiter> woken = toWake.isEmpty() ? List.of() : List.copyOf(toWake);
        toWake.clear();
        lock.unlock();
        for (Waiter waiter : woken) {
            waiter.wake();
        }
    }

    SimContext context() {
        return context;
    }

    void closedListenerLocked(SimListener listener) {
        listeners.remove(listener.localAddress(), listener);
    }

    private void track(SimStream stream) {
        streamsByAddress.computeIfAbsent(stream.localAddress().getAddress(), a -> new ArrayList<>()).add(stream);
    }

    void closedStreamLocked(SimStream stream) {
        List<SimStream> streams = streamsByAddress.get(stream.localAddress().getAddress());
        if (streams != null) {
            streams.remove(stream);
        }
    }

    /** The address a socket of the calling task binds on: its host's, whatever of it {@code asked} names. */
    private static InetAddress localAddressFor(InetAddress asked, String action) throws BindException {
        InetAddress own = Host.current().map(Host::address).orElse(OUTSIDE);
        if (asked.isAnyLocalAddress() || asked.equals(own)) {
            return own;
        }
        throw new BindException("cannot " + action + ": the address is not this host's ("
                + Host.current().map(Host::name).orElse("sim") + " has " + own.getHostAddress() + ")");
    }

    /**
     * The first port of {@code address}, from where {@code next} left off, that {@code bound} does
     * not hold; {@code next} moves past it. TCP and UDP each have their own ports.
     */
    private static int freePortLocked(InetAddress address, Map<InetSocketAddress, ?> bound,
            Map<InetAddress, Integer> next) {
        int port = next.getOrDefault(address, FIRST_EPHEMERAL_PORT);
        while (bound.containsKey(new InetSocketAddress(address, port))) {
            port++;
        }
        next.put(address, port + 1);
        return port;
    }

    /** Makes the calling task's host close its listeners and reset its streams when it crashes. */
    private void watchCurrentHostLocked() {
        Host host = Host.current().orElse(null);
        if (host != null && watchedHosts.add(host)) {
            host.onCrash(() -> crashed(host));
        }
    }

    private void crashed(Host host) {
        List<SimListener> closing;
        List<SimDatagram> closingDatagrams;
        List<SimStream> resetting;
        lock.lock();
        try {
            closing = boundOn(host, listeners);
            closingDatagrams = boundOn(host, datagrams);
            resetting = List.copyOf(streamsByAddress.getOrDefault(host.address(), List.of()));
        } finally {
            unlock();
        }
        for (SimStream stream : resetting) {
            stream.crash(host);
        }
        for (SimListener listener : closing) {
            listener.close();
        }
        for (SimDatagram socket : closingDatagrams) {
            socket.close();
        }
    }

    /** The sockets in {@code bound} on {@code host}'s address, by port: a replayable order, unlike the map's. */
    private static <S> List<S> boundOn(Host host, Map<InetSocketAddress, S> bound) {
        return bound.entrySet().stream()
                .filter(e -> e.getKey().getAddress().equals(host.address()))
                .sorted(Comparator.comparingInt(e -> e.getKey().getPort()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static InetAddress outsideAddress() {
        try {
            return InetAddress.getByAddress("sim", new byte[] {(byte) 198, 18, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a four-byte address was refused", e);
        }
    }
}
