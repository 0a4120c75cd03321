package dev.heddle.net.internal.sim;

import dev.heddle.sim.Host;
import dev.heddle.sim.SimContext;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JVM's one name resolver once sim-net is on the class path: a lookup made by a task of a
 * simulation answers from that run's hosts (names to addresses, addresses back to names), so
 * that unmodified code calling {@code InetAddress.getByName("db1")} reaches the simulated host;
 * every other lookup goes to the JDK's built-in resolver, unchanged, so real and simulated code
 * can share one JVM.
 *
 * <p>Literal addresses never reach a resolver. In a task, the machine's real host name, which
 * {@code InetAddress.getLocalHost()} looks up, is refused with a pointer to {@code Host.current()}:
 * answering it would hand a simulated address to real code through the JDK's own five-second
 * cache of getLocalHost, which is consulted before any resolver (so within five seconds of a
 * real getLocalHost, a task gets the machine's real address, and no resolver can prevent it).
 */
final class SimNameResolver implements InetAddressResolver {
    private final InetAddressResolver builtin;
    private final String realLocalHostName;

    SimNameResolver(InetAddressResolver builtin, String realLocalHostName) {
        this.builtin = builtin;
        this.realLocalHostName = realLocalHostName;
    }

    @Override
    public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
        Optional<SimContext> run = SimContext.current();
        if (run.isEmpty()) {
            return builtin.lookupByName(host, policy);
        }
        Optional<Host> found = run.get().host(host);
        if (found.isEmpty()) {
            throw new UnknownHostException(unknownName(host, run.get()));
        }
        InetAddress address = found.get().address();
        if (!allows(policy, address)) {
            throw new UnknownHostException("simulated host '" + host + "' has the address " + address.getHostAddress()
                    + ", of a family the lookup policy (characteristics " + policy.characteristics() + ") excludes");
        }
        return Stream.of(address);
    }

    @Override
    public String lookupByAddress(byte[] addr) throws UnknownHostException {
        Optional<SimContext> run = SimContext.current();
        if (run.isEmpty()) {
            return builtin.lookupByAddress(addr);
        }
        InetAddress address = InetAddress.getByAddress(addr);
        return run.get().hostAt(address).map(Host::name).orElseThrow(() -> new UnknownHostException(
                "no simulated host has the address " + address.getHostAddress() + " in this simulation"));
    }

    private String unknownName(String host, SimContext run) {
        if (host.equals(realLocalHostName)) {
            return "'" + host + "' is this machine's real host name, which a simulated task does not resolve"
                    + " (InetAddress.getLocalHost() in a simulation): use Host.current() and its address() instead";
        }
        return "'" + host + "' is not a simulated host in this simulation (its hosts: "
                + run.hosts().stream().map(Host::name).toList() + "); start it with sim.host(\"" + host
                + "\", ...) before looking it up";
    }

    private static boolean allows(LookupPolicy policy, InetAddress address) {
        int wanted = address instanceof Inet4Address ? LookupPolicy.IPV4 : LookupPolicy.IPV6;
        return (policy.characteristics() & wanted) != 0;
    }
}
