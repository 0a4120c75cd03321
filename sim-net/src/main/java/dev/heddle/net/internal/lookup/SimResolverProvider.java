package dev.heddle.net.internal.lookup;

import dev.heddle.net.jdk.JdkNetwork;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.security.Security;

/**
 * Installs {@link SimNameResolver} as the JVM's name resolver (JEP 418; listed in
 * {@code META-INF/services}). The JDK asks for it once, at the JVM's first name lookup.
 *
 * <p>Simulated names are an opt-in of the test JVM, {@code -Dheddle.simulateJdkNetwork=true}
 * ({@link JdkNetwork#SWITCH}, read once, at the JVM's first lookup): with it,
 * the provider also turns off the JDK's lookup cache, positive and negative, which a production
 * JVM (sim-net is also the real network library) must keep. The cache is keyed by the
 * name alone and is consulted before any resolver, so a cached answer would carry one run's
 * host ({@code db1} at 192.0.2.1) into the next run, where {@code db1} is another host or none,
 * and into real lookups of the same name. The JDK reads the cache settings once, when it first
 * stores a lookup's result, which is after this provider is asked for its resolver.
 */
public final class SimResolverProvider extends InetAddressResolverProvider {
    /** The JDK's security property for how long a found name is cached, in seconds. */
    static final String CACHE_TTL = "networkaddress.cache.ttl";
    /** The JDK's security property for how long a name not found is cached, in seconds. */
    static final String NEGATIVE_CACHE_TTL = "networkaddress.cache.negative.ttl";

    /** Called by the JDK's service loader. */
    public SimResolverProvider() {}

    @Override
    public InetAddressResolver get(Configuration configuration) {
        boolean simulatedNames = JdkNetwork.isSwitchedOn();
        if (simulatedNames) {
            Security.setProperty(CACHE_TTL, "0");
            Security.setProperty(NEGATIVE_CACHE_TTL, "0");
        }
        return new SimNameResolver(configuration.builtinResolver(), configuration.lookupLocalHostName(), simulatedNames);
    }

    @Override
    public String name() {
        return "Heddle simulated names";
    }
}
