package dev.heddle.net.internal.lookup;

import dev.heddle.net.internal.sim.SimNetwork;
import dev.heddle.sim.SimContext;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JVM's one name resolver once sim-net is on the class path: a lookup made by a task of a
 * simulation answers from that run's {@link SimNetwork} (a host's name to its address, and back;
 * {@code "sim"} for the test body), so that unmodified code calling
 * {@code InetAddress.getByName("db1")} reaches the simulated host; every other lookup goes to
 * the JDK's built-in resolver, unchanged, so that real and simulated code can share one JVM.
 *
 * <p>Literal addresses never reach a resolver. In a task, the machine's real host name, which
 * {@code InetAddress.getLocalHost()} looks up, is refused with a pointer to {@code Host.current()}:
 * answering it would hand a simulated address to real code through the JDK's own five-second
 * cache of getLocalHost, which is consulted before any resolver (so within five seconds of a
 * real getLocalHost, a task gets the machine's real address, and no resolver can prevent it).
 *
 * <p>Simulated names are answered only in a JVM started with {@code -Dheddle.simulateJdkNetwork=true}
 * (see {@link SimResolverProvider}); without it a task's lookup fails saying so
 * ({@link SimulatedLookupRefused}), rather than reaching the real network.
 */
final class SimNameResolver implements InetAddressResolver {
    private final InetAddressResolver builtin;
    private final String realLocalHostName;
    private final boolean simulatedNames;

    SimNameResolver(InetAddressResolver builtin, String realLocalHostName, boolean simulatedNames) {
        this.builtin = builtin;
        this.realLocalHostName = realLocalHostName;
        this.simulatedNames = simulatedNames;
    }

    @Override
    public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
        Optional<SimContext> run = SimContext.current();
        if (run.isEmpty()) {
            return builtin.lookupByName(host, policy);
        }
        if (!simulatedNames) {
            throw new SimulatedLookupRefused(host);
        }
        if (host.equals(realLocalHostName) && run.get().host(host).isEmpty()) {
            throw new UnknownHostException(host + ": this machine's real host name, which a simulated task does not"
                    + " resolve (InetAddress.getLocalHost() looks it up): use Host.current() and its address()");
        }
        List<InetAddress> found = SimNetwork.of(run.get()).resolve(host);
        List<InetAddress> allowed = found.stream().filter(a -> allows(policy, a)).toList();
        if (allowed.isEmpty()) {
            throw new UnknownHostException(host + ": its simulated address " + found.getFirst().getHostAddress()
                    + " is of a family the lookup policy (characteristics " + policy.characteristics() + ") excludes");
        }
        return allowed.stream();
    }

    @Override
    public String lookupByAddress(byte[] addr) throws UnknownHostException {
        Optional<SimContext> run = SimContext.current();
        if (run.isEmpty()) {
            return builtin.lookupByAddress(addr);
        }
        InetAddress address = InetAddress.getByAddress(addr);
        if (!simulatedNames) {
            throw new SimulatedLookupRefused(address.getHostAddress());
        }
        return SimNetwork.of(run.get()).nameAt(address).orElseThrow(() -> new UnknownHostException(
                address.getHostAddress() + ": no simulated host has this address"));
    }

    private static boolean allows(LookupPolicy policy, InetAddress address) {
        int family = address instanceof Inet4Address ? LookupPolicy.IPV4 : LookupPolicy.IPV6;
        return (policy.characteristics() & family) != 0;
    }
}
