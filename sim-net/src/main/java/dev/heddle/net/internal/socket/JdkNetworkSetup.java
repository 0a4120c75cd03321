package dev.heddle.net.internal.socket;

import dev.heddle.net.jdk.JdkNetwork;
import dev.heddle.net.jdk.SimulatedSelectorProvider;
import dev.heddle.sim.SimulationSetup;

/**
 * Installs the JDK network seams before a simulation starts, in a JVM started with
 * {@link JdkNetwork#SWITCH}: the simulator runs it (a {@link SimulationSetup} listed in sim-net's
 * {@code META-INF/services}), so a user adds JVM options and nothing else. The socket factories
 * are installed once per JVM; a failure (a missing option, another factory) fails every later
 * simulation the same way, naming the line to add.
 */
public final class JdkNetworkSetup implements SimulationSetup {
    private static boolean installed;
    private static IllegalStateException failure;

    /** Called by the service loader. */
    public JdkNetworkSetup() {}

    @Override
    public void beforeSimulation() {
        if (JdkNetwork.isSwitchedOn()) {
            install();
        }
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        if (failure == null) {
            try {
                checkSelectorProvider();
                RoutingSocketImplFactory.install();
                installed = true;
                return;
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw new IllegalStateException(failure.getMessage() + ". The JVM options for simulated JDK networking are: "
                + JdkNetwork.ARG_LINE, failure);
    }

    /**
     * Fails unless the JVM's selector provider is the java.nio seam's: the JDK reads the property
     * once, at the first use of java.nio, so only the JVM's options can set it, and without it a
     * simulated task's channels would be real.
     */
    private static void checkSelectorProvider() {
        String expected = SimulatedSelectorProvider.class.getName();
        String provider = System.getProperty(JdkNetwork.SELECTOR_PROVIDER_PROPERTY);
        if (!expected.equals(provider)) {
            throw new IllegalStateException("java.nio channels of simulated tasks need the JVM option -D"
                    + JdkNetwork.SELECTOR_PROVIDER_PROPERTY + "=" + expected + " (the JVM has "
                    + (provider == null ? "none" : provider) + "): add it to the test JVM's options (Surefire's"
                    + " argLine), next to -D" + JdkNetwork.SWITCH + "=true");
        }
    }
}
