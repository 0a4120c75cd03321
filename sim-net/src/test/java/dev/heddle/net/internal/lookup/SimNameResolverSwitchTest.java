package dev.heddle.net.internal.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.heddle.sim.Simulation;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Without {@code -Dheddle.simulateJdkNetwork=true} a JVM keeps the JDK's lookup cache (a production
 * JVM must), so a simulated task's lookup fails saying what to add, and never reaches the real
 * resolver (an Error, which the JDK's wrapping cannot turn into a bare "db1"); lookups outside a
 * simulation are the JDK's either way.
 */
class SimNameResolverSwitchTest {
    /** The real resolver, counting the lookups that reach it. */
    private static final class Builtin implements InetAddressResolver {
        int lookups;

        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            lookups++;
            return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        }

        @Override
        public String lookupByAddress(byte[] addr) {
            lookups++;
            return "real";
        }
    }

    @Test
    void withoutTheSwitchATasksLookupFailsNamingItAndNothingReachesTheRealResolver() {
        Builtin builtin = new Builtin();
        SimNameResolver resolver = new SimNameResolver(builtin, "vm", false);
        LookupPolicy ipv4 = LookupPolicy.of(LookupPolicy.IPV4);
        Simulation.ofSeed(1).run(sim -> {
            SimulatedLookupRefused byName = assertThrows(SimulatedLookupRefused.class,
                    () -> resolver.lookupByName("db1", ipv4));
            assertTrue(byName.getMessage().startsWith("db1: a name lookup in a simulated task needs the test JVM"
                    + " started with -Dheddle.simulateJdkNetwork=true"), byName.getMessage());
            SimulatedLookupRefused byAddress = assertThrows(SimulatedLookupRefused.class,
                    () -> resolver.lookupByAddress(new byte[] {(byte) 192, 0, 2, 1}));
            assertTrue(byAddress.getMessage().startsWith("192.0.2.1: a name lookup"), byAddress.getMessage());
        });
        assertEquals(0, builtin.lookups);
        assertEquals(List.of("db1"), resolverNames(resolver, "db1"));
        assertEquals(1, builtin.lookups);
    }

    private static List<String> resolverNames(SimNameResolver resolver, String host) {
        try {
            return resolver.lookupByName(host, LookupPolicy.of(LookupPolicy.IPV4)).map(InetAddress::getHostName).toList();
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
