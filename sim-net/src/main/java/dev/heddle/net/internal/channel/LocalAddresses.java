package dev.heddle.net.internal.channel;

import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.sim.Host;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;

/**
 * The addresses a simulated channel may use: its task's host's own, and resolved inet addresses,
 * checked as the JDK checks them.
 */
final class LocalAddresses {
    private LocalAddresses() {}

    /** The calling task's host's address ({@code "sim"}'s for the test body). */
    static InetAddress own(SimNetwork network) throws IOException {
        return Host.current().isPresent() ? Host.current().get().address() : network.resolve("sim").getFirst();
    }

    /**
     * {@code local} as an address of this host to bind to: null or the wildcard is the host's
     * own address.
     *
     * @throws BindException if it is another address, as the JDK's "Cannot assign requested address"
     */
    static InetSocketAddress bindable(SimNetwork network, SocketAddress local) throws IOException {
        InetAddress own = own(network);
        if (local == null) {
            return new InetSocketAddress(own, 0);
        }
        InetSocketAddress asked = checked(local);
        if (!asked.getAddress().isAnyLocalAddress() && !asked.getAddress().equals(own)) {
            BindException e = new BindException("Cannot assign requested address");
            e.initCause(new BindException(asked + " is not this simulated host's address (" + own.getHostAddress()
                    + ")"));
            throw e;
        }
        return new InetSocketAddress(own, asked.getPort());
    }

    /**
     * {@code address} as a destination: the wildcard address means this host, as the JDK takes it
     * to mean the local machine.
     */
    static InetSocketAddress destination(SimNetwork network, SocketAddress address) throws IOException {
        InetSocketAddress inet = checked(address);
        return inet.getAddress().isAnyLocalAddress() ? new InetSocketAddress(own(network), inet.getPort()) : inet;
    }

    /** {@code address} as a resolved inet address, or the JDK's exceptions for one that is not. */
    static InetSocketAddress checked(SocketAddress address) {
        if (address == null) {
            throw new IllegalArgumentException("the address is null: give an InetSocketAddress");
        }
        if (!(address instanceof InetSocketAddress inet)) {
            throw new UnsupportedAddressTypeException();
        }
        if (inet.isUnresolved()) {
            throw new UnresolvedAddressException();
        }
        return inet;
    }
}
